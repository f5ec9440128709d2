#pragma once

#include <QString>
#include <QStringList>

namespace showdown {

/// Typed access to the user's preferences (QSettings), so every widget reads and writes the same keys.
class AppSettings {
public:
    /// Where the window opens its database: SHOWDOWN_DB, then the saved choice, then the platform default.
    [[nodiscard]] static QString databasePath();
    static void setDatabasePath(const QString &path);

    /// The suite the Run dialog starts with.
    [[nodiscard]] static QString defaultSuite();
    static void setDefaultSuite(const QString &suite);

    /// Per-process timeout override in seconds; 0 keeps each benchmark's own timeout from the manifest.
    [[nodiscard]] static int timeoutSeconds();
    static void setTimeoutSeconds(int seconds);

    /// Interpreters the user added by path, probed beside the detected ones.
    [[nodiscard]] static QStringList extraInterpreters();
    static void setExtraInterpreters(const QStringList &paths);

    /// Databases opened lately, newest first, for the File menu.
    [[nodiscard]] static QStringList recentFiles();
    static void addRecentFile(const QString &path);

    static constexpr int kMaxRecentFiles = 8;
};

} // namespace showdown
