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

    /// Files and databases opened lately, newest first, for File → Open recent. Entries are kept as the user
    /// saw them (absolute paths); two paths to one file (a symbolic link, `..`) count once.
    [[nodiscard]] static QStringList recentFiles();
    /// Puts `path` first, dropping any other entry for the same file and the oldest beyond kMaxRecentFiles.
    static void addRecentFile(const QString &path);
    /// Drops `path` (a file that is gone, when the user picks it) from the list.
    static void removeRecentFile(const QString &path);
    static void clearRecentFiles();
    /// What identifies a file in the list: its canonical path where it exists, else its absolute path.
    [[nodiscard]] static QString recentKey(const QString &path);

    static constexpr int kMaxRecentFiles = 10;
};

} // namespace showdown
