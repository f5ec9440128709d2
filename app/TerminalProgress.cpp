#include "TerminalProgress.h"

#include <cstdio>
#include <unistd.h>

namespace showdown {
namespace {

QString clock(qint64 seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TerminalProgress::TerminalProgress(int total) : m_total(total), m_enabled(::isatty(STDERR_FILENO) == 1)
{
    m_clock.start();
}

void TerminalProgress::update(int done, const QString &current)
{
    if (!m_enabled)
        return;
    const qint64 elapsed = m_clock.elapsed() / 1000;
    const QString eta = done > 0 ? clock(qint64(double(m_clock.elapsed()) / done * (m_total - done) / 1000)) : QStringLiteral("?");
    const QString line = QStringLiteral("[%1/%2] %3  elapsed %4, ETA %5").arg(done).arg(m_total).arg(current, clock(elapsed), eta);
    std::fprintf(stderr, "\r\033[K%s", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

void TerminalProgress::finish()
{
    if (!m_enabled)
        return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
}

} // namespace showdown
