#pragma once

#include "Executor.h"

#include <QString>

namespace showdown {

/// The real executor: starts the child through Boost.Process and the small showdown-exec helper, in a
/// process group of its own, and kills that whole group on timeout, cancel or stdout flood.
class ProcessRunner final : public Executor {
public:
    /// @param execHelper path of the showdown-exec binary (see ResourceLocator::execHelper()).
    explicit ProcessRunner(QString execHelper);

    [[nodiscard]] ProcessResult run(const ProcessSpec &spec, std::stop_token stop) override;

private:
    QString m_execHelper;
};

} // namespace showdown
