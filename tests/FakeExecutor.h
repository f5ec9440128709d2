#pragma once

#include "Executor.h"

#include <QList>

#include <functional>

namespace showdown {

/// A deterministic executor for tests: records every spec it was given and answers from a script,
/// so suite logic is tested without spawning anything.
class FakeExecutor final : public Executor {
public:
    using Responder = std::function<ProcessResult(const ProcessSpec &)>;
    explicit FakeExecutor(Responder responder) : m_responder(std::move(responder)) {}

    [[nodiscard]] ProcessResult run(const ProcessSpec &spec, std::stop_token) override
    {
        m_specs.append(spec);
        return m_responder(spec);
    }
    [[nodiscard]] const QList<ProcessSpec> &specs() const { return m_specs; }

private:
    Responder m_responder;
    QList<ProcessSpec> m_specs;
};

/// A clean exit with the given stdout, as a well-behaved benchmark would end.
inline ProcessResult exitedWith(const QByteArray &stdoutData, qint64 wallNs = 5000000)
{
    ProcessResult result;
    result.outcome = ProcessResult::Outcome::Exited;
    result.exitCode = 0;
    result.stdoutData = stdoutData;
    result.wallNs = wallNs;
    result.peakRssKb = 9000;
    return result;
}

} // namespace showdown
