#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace showdown {

/// The option handling every verb with options of its own shares, so they all answer --help and usage
/// errors alike (usage errors exit 2, help exits 0).
class VerbArguments {
public:
    /// Adds --help and, when given, --db; parses. Returns the exit code to stop with, or nothing to go on.
    [[nodiscard]] static std::optional<int> parse(QCommandLineParser &parser, const QString &verb, const QStringList &arguments,
                                                  QTextStream &out, QTextStream &err);
    /// The --db option every data verb takes.
    [[nodiscard]] static QCommandLineOption databaseOption();
    /// Prints "showdown VERB: message" and returns the exit code.
    static int fail(QTextStream &err, const QString &verb, const QString &message, int code = 1);
};

} // namespace showdown
