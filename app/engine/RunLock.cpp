#include "RunLock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>

namespace showdown {
namespace {

using namespace std::chrono_literals;

/// How often a waiting run tries the lock again: short enough that the next run starts at once, long enough
/// that waiting costs no measurable CPU beside the run being waited for.
constexpr auto kPollInterval = 50ms;
/// A holder writes its name just after it locks; a lock found held with no name yet is given this long.
constexpr auto kNameGrace = 500ms;

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

/// The private fallback folder in /tmp must be ours: a folder another user made (or a symlink) is refused,
/// so nobody can make our runs wait on their lock or read our database paths.
bool ensurePrivateDirectory(const QString &folder, QString *error)
{
    const QByteArray path = QFile::encodeName(folder);
    if (::mkdir(path.constData(), 0700) != 0 && errno != EEXIST) {
        *error = QStringLiteral("cannot create the run lock folder %1 (%2); set SHOWDOWN_LOCK_DIR to a writable folder").arg(folder, systemError());
        return false;
    }
    struct stat info {};
    if (::lstat(path.constData(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::getuid()) {
        *error = QStringLiteral("the run lock folder %1 is not a folder owned by you; remove it or set SHOWDOWN_LOCK_DIR").arg(folder);
        return false;
    }
    return true;
}

} // namespace

QJsonObject RunLockHolder::toJson() const
{
    return QJsonObject{{QStringLiteral("pid"), pid}, {QStringLiteral("started"), started}, {QStringLiteral("database"), database}};
}

std::optional<RunLockHolder> RunLockHolder::parse(const QByteArray &text)
{
    const QJsonObject object = QJsonDocument::fromJson(text).object();
    RunLockHolder holder;
    holder.pid = object.value(QLatin1String("pid")).toInteger();
    holder.started = object.value(QLatin1String("started")).toString();
    holder.database = object.value(QLatin1String("database")).toString();
    if (holder.pid <= 0)
        return std::nullopt;
    return holder;
}

QString RunLockHolder::describe() const
{
    if (pid <= 0)
        return QStringLiteral("a run that has not written its name into %1 yet").arg(RunLock::path());
    return QStringLiteral("pid %1, started %2, on %3").arg(pid).arg(started, database);
}

RunLock::~RunLock()
{
    release();
}

QString RunLock::directory()
{
    const QString explicitFolder = qEnvironmentVariable("SHOWDOWN_LOCK_DIR");
    if (!explicitFolder.isEmpty())
        return explicitFolder;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        return runtime + QStringLiteral("/showdown");
    return QStringLiteral("/tmp/showdown-%1").arg(::getuid());
}

QString RunLock::path()
{
    return directory() + QStringLiteral("/run.lock");
}

RunLock::Outcome RunLock::acquire(const QString &database, bool wait, std::stop_token stop, const WaitingCallback &onWaiting,
                                  RunLockHolder *holder, QString *error)
{
    release();
    const QString folder = directory();
    if (qEnvironmentVariableIsEmpty("SHOWDOWN_LOCK_DIR") && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        if (!ensurePrivateDirectory(folder, error))
            return Outcome::Failed;
    } else if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create the run lock folder %1; set SHOWDOWN_LOCK_DIR to a writable folder").arg(folder);
        return Outcome::Failed;
    }
    // O_CLOEXEC: a benchmark must never inherit the lock, or a child outliving its run would keep it.
    m_fd = ::open(QFile::encodeName(path()).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        *error = QStringLiteral("cannot open the run lock %1 (%2); set SHOWDOWN_LOCK_DIR to a writable folder").arg(path(), systemError());
        return Outcome::Failed;
    }
    const auto firstTry = std::chrono::steady_clock::now();
    bool announced = false;
    std::mutex mutex;
    std::condition_variable_any sleeper;
    for (;;) {
        if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
            m_held = true;
            writeHolder(database);
            return Outcome::Acquired;
        }
        if (errno != EWOULDBLOCK && errno != EINTR) {
            *error = QStringLiteral("cannot lock %1 (%2)").arg(path(), systemError());
            release();
            return Outcome::Failed;
        }
        const std::optional<RunLockHolder> current = readHolder();
        if (holder)
            *holder = current.value_or(RunLockHolder{});
        const bool named = current || std::chrono::steady_clock::now() - firstTry >= kNameGrace;
        if (!wait && named) {
            release();
            return Outcome::Busy;
        }
        if (wait && named && !announced) {
            announced = true;
            if (onWaiting)
                onWaiting(current.value_or(RunLockHolder{}));
        }
        std::unique_lock<std::mutex> guard(mutex);
        sleeper.wait_for(guard, stop, kPollInterval, [] { return false; });  // wakes at once on a stop request
        if (stop.stop_requested()) {
            release();
            return Outcome::Cancelled;
        }
    }
}

void RunLock::release()
{
    if (m_fd < 0)
        return;
    if (m_held) {
        // Clear the name first, so nobody waits on a holder that is already gone. A failure is harmless: the
        // next holder overwrites the text, and a reader trusts the lock, not the text.
        [[maybe_unused]] const bool cleared = ::ftruncate(m_fd, 0) == 0;
        ::flock(m_fd, LOCK_UN);
    }
    ::close(m_fd);
    m_fd = -1;
    m_held = false;
}

std::optional<RunLockHolder> RunLock::readHolder() const
{
    char buffer[4096];
    const ssize_t length = ::pread(m_fd, buffer, sizeof buffer, 0);
    if (length <= 0)
        return std::nullopt;
    return RunLockHolder::parse(QByteArray(buffer, int(length)));
}

void RunLock::writeHolder(const QString &database)
{
    RunLockHolder self;
    self.pid = QCoreApplication::applicationPid();
    self.started = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    self.database = database;
    const QByteArray text = QJsonDocument(self.toJson()).toJson(QJsonDocument::Compact) + '\n';
    // A waiting run reads this to name us; a short or failed write only makes that message vaguer (the lock
    // itself is held either way), so there is nothing to undo on failure.
    [[maybe_unused]] const bool written =
        ::ftruncate(m_fd, 0) == 0 && ::pwrite(m_fd, text.constData(), size_t(text.size()), 0) == text.size();
}

} // namespace showdown
