#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace showdown {

/// The window's File → Export (JSON, CSV), Export PDF report…, Export HTML report… and Save as .showdown…, done by the command
/// line's own verbs (`showdown report`, `showdown export`) in a child process: the files are the ones the CLI
/// writes, byte for byte, and neither drawing the charts nor writing happens on the GUI thread.
class ReportExport {
public:
    enum class Format {
        Pdf,       ///< the A4 report of `showdown report`
        Html,      ///< the interactive one-file HTML report of `showdown report --html`
        Data,      ///< the documented exchange formats: CSV when the path ends in .csv, else JSON
        Showdown,  ///< a standalone .showdown database
    };

    /// Writes the result set `uuid` of the database (or .showdown file) `databasePath` to `path`, and calls
    /// `done` on `context`'s thread with an empty string on success or what went wrong. Destroying `context`
    /// ends an export still running.
    static void write(Format format, const QString &databasePath, const QString &uuid, const QString &path, QObject *context,
                      const std::function<void(const QString &)> &done);

private:
    /// The `showdown` arguments that write this export: what a user would type for the same file.
    [[nodiscard]] static QStringList arguments(Format format, const QString &databasePath, const QString &uuid, const QString &path);
};

} // namespace showdown
