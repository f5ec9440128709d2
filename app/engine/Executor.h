#pragma once

#include "ProcessResult.h"
#include "ProcessSpec.h"

#include <stop_token>

namespace showdown {

/// Runs one child process to its end; an interface so the suite logic can be tested with a fake.
class Executor {
public:
    virtual ~Executor() = default;
    /// Blocks the calling (worker) thread until the child has ended, been killed, or failed to start.
    /// A stop request kills the child's whole process group at once.
    [[nodiscard]] virtual ProcessResult run(const ProcessSpec &spec, std::stop_token stop) = 0;
};

} // namespace showdown
