#include "InterruptWatcher.h"

#include <pthread.h>

namespace showdown {

InterruptWatcher::InterruptWatcher(std::stop_source source) : m_source(std::move(source))
{
    sigemptyset(&m_signals);
    sigaddset(&m_signals, SIGINT);
    sigaddset(&m_signals, SIGTERM);
    sigaddset(&m_signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &m_signals, &m_previous);
    m_thread = std::thread([this] {
        int received = 0;
        // SIGUSR1 comes only from our destructor and ends the waiting thread.
        while (sigwait(&m_signals, &received) == 0 && received != SIGUSR1)
            m_source.request_stop();
    });
}

InterruptWatcher::~InterruptWatcher()
{
    pthread_kill(m_thread.native_handle(), SIGUSR1);
    m_thread.join();
    pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
}

} // namespace showdown
