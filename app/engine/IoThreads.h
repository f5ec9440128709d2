#pragma once

#include <QtGlobal>
#include <QString>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <memory>
#include <pthread.h>
#include <thread>
#include <vector>

namespace showdown {

/// The threads a load generator runs on: one single-threaded io_context per thread, so connections on a
/// thread share counters without locks. Keeps every thread alive until join() so their CPU clocks can be
/// read at the edges of the measured phase (the generator must prove it is not the bottleneck).
class IoThreads {
public:
    /// Creates `count` io_contexts (at least one); nothing runs until start().
    explicit IoThreads(int count);
    /// Joins, so no thread outlives the generator that owns it.
    ~IoThreads();
    IoThreads(const IoThreads &) = delete;
    IoThreads &operator=(const IoThreads &) = delete;

    /// Number of threads, so callers can spread connections over them.
    [[nodiscard]] int size() const { return int(m_contexts.size()); }
    /// The context of thread `index`; work for that thread is posted or spawned on it.
    [[nodiscard]] boost::asio::io_context &context(int index) { return *m_contexts.at(std::size_t(index)); }

    /// Runs each context on a thread of its own until join().
    void start();
    /// Lets the contexts run out of work and waits for their threads; post the cancellations first.
    void join();
    /// CPU time (user + system) the threads have used so far, in ns; -1 if a clock could not be read.
    [[nodiscard]] qint64 cpuNs() const;

    /// Thousands of sockets need thousands of descriptors: raises the soft RLIMIT_NOFILE towards the hard
    /// limit when `needed` exceeds it. Returns an explanation when even the hard limit is too low, else empty.
    [[nodiscard]] static QString ensureFileLimit(int needed);

private:
    using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;
    std::vector<std::unique_ptr<boost::asio::io_context>> m_contexts;
    std::vector<WorkGuard> m_guards;
    std::vector<std::thread> m_threads;
    std::vector<pthread_t> m_handles;  ///< kept apart because std::thread::native_handle() is not const
};

} // namespace showdown
