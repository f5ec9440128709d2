#pragma once

#include <QString>
#include <QStringList>

namespace showdown {

class MainWindow;

/// What the words after `showdown` ask for, decided before any application object exists: a CLI verb, or the
/// window (on the usual database, on `--db FILE`, or with `FILE` opened as the window's Open action opens it).
/// main() and the tests use this one reading, so `showdown results.showdown` means the same everywhere.
class LaunchRequest {
public:
    enum class Kind {
        Cli,           ///< a verb, an option for the CLI, or a word that is neither verb nor file ("unknown verb")
        Window,        ///< bare `showdown`
        OpenFile,      ///< `showdown FILE`: the window, with FILE opened read-only
        OpenDatabase,  ///< `showdown --db FILE [--new]`: the window on that database
    };

    /// Set to 1, the window prints "opened FILE (read-only)" (or "opened FILE (database)") on stdout once the
    /// file's sets are shown, and quits; a file it cannot open prints the reason on stderr and exits with 2.
    /// For tests only (the package test opens a file through the desktop entry's Exec line with it).
    static constexpr char kTestQuitWhenOpenVariable[] = "SHOWDOWN_TEST_QUIT_WHEN_OPEN";

    /// `arguments` start with the program name, as argv does.
    [[nodiscard]] static LaunchRequest parse(const QStringList &arguments);

    [[nodiscard]] Kind kind() const { return m_kind; }
    /// The file or database named (absolute), empty for Cli and Window.
    [[nodiscard]] QString path() const { return m_path; }
    /// The database the window starts on: the `--db` one, else empty (SHOWDOWN_DB, Settings, the default).
    [[nodiscard]] QString databasePath() const { return m_kind == Kind::OpenDatabase ? m_path : QString(); }

    /// Why the named file cannot be opened, checked before any window is shown (missing, a folder, not an
    /// SQLite file, `--db` of a missing file without --new); empty when it may be. Says what to do instead.
    [[nodiscard]] QString problem() const;
    /// What to say where there is no display to open the window on, with the verbs that read the file instead.
    [[nodiscard]] QString noDisplayMessage() const;
    /// Opens the named file in `window` through its one open path (MainWindow::openFile); until it is open, an
    /// error is also said on stderr. Sets up the test hook when kTestQuitWhenOpenVariable is 1.
    void openIn(MainWindow &window) const;

private:
    Kind m_kind = Kind::Cli;
    QString m_path;
    bool m_createNew = false;
};

} // namespace showdown
