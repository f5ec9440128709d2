#include "IoThreads.h"

#include <pthread.h>
#include <sys/resource.h>
#include <ctime>

namespace showdown {

IoThreads::IoThreads(int count)
{
    for (int i = 0; i < std::max(1, count); ++i) {
        // Concurrency hint 1: each context is only ever run by its own thread, so Asio can skip locking.
        m_contexts.push_back(std::make_unique<boost::asio::io_context>(1));
    }
}

IoThreads::~IoThreads()
{
    join();
}

void IoThreads::start()
{
    for (auto &context : m_contexts) {
        m_guards.push_back(boost::asio::make_work_guard(*context));
        m_threads.emplace_back([&context] { context->run(); });
        m_handles.push_back(m_threads.back().native_handle());
    }
}

void IoThreads::join()
{
    for (WorkGuard &guard : m_guards)
        guard.reset();
    for (std::thread &thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
    m_threads.clear();
    m_handles.clear();
    m_guards.clear();
}

qint64 IoThreads::cpuNs() const
{
    qint64 total = 0;
    for (const pthread_t handle : m_handles) {
        clockid_t clock{};
        timespec time{};
        if (pthread_getcpuclockid(handle, &clock) != 0
            || clock_gettime(clock, &time) != 0)
            return -1;
        total += qint64(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
    }
    return total;
}

QString IoThreads::ensureFileLimit(int needed)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return QStringLiteral("cannot read the open-file limit");
    if (rlim_t(needed) <= limit.rlim_cur)
        return {};
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, rlim_t(needed));
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        return QStringLiteral("cannot raise the open-file limit to %1").arg(qulonglong(limit.rlim_cur));
    if (limit.rlim_cur < rlim_t(needed))
        return QStringLiteral("the open-file limit (hard limit %1) is below the %2 descriptors needed")
            .arg(qulonglong(limit.rlim_max))
            .arg(needed);
    return {};
}

} // namespace showdown
