#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// One interpreter Showdown can run benchmarks with, as detected on this machine.
struct RuntimeInfo {
    QString name;     ///< short, unique label: node, python3, python3-path, pypy3, or the file name of a user path
    QString kind;     ///< "node" or "python"
    QString path;     ///< absolute path as given or found; never resolved through a shell
    QString version;
    QString implementation;          ///< cpython, pypy, node
    std::optional<bool> gilEnabled;  ///< Python only
    QStringList libraries;           ///< optional libraries importable by this runtime (numpy, uvloop, ...)
    bool available = false;
    QString problem;  ///< why it is not available, and how to fix it

    [[nodiscard]] bool isNode() const { return kind == QLatin1String("node"); }
    [[nodiscard]] bool isPython() const { return kind == QLatin1String("python"); }
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RuntimeInfo fromJson(const QJsonObject &object);
};

} // namespace showdown
