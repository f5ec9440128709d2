#pragma once

#include "Benchmark.h"
#include "ProcessResult.h"
#include "RuntimeInfo.h"
#include "Sample.h"

namespace showdown {

/// Turns a finished process into a Sample, enforcing the child-process protocol: exactly one JSON object,
/// protocol 1, the right benchmark, the right number of timings, and the manifest's checksum.
class SampleEvaluator {
public:
    [[nodiscard]] static Sample evaluate(const Benchmark &benchmark, const BenchmarkSize &size,
                                         const RuntimeInfo &runtime, const ProcessResult &process);
    /// The part of a Sample every process gives, whatever it measured: exit, rusage and stderr.
    [[nodiscard]] static Sample fromProcess(const Benchmark &benchmark, const RuntimeInfo &runtime, const ProcessResult &process);
    /// Why a program's result or ready line cannot be the runtime it was started as: its runtime_info
    /// (PROTOCOL.md section 1) has a schema this Showdown does not read, or names another kind than the
    /// runtime's implementation (a mislabelled runtime). Empty when it agrees, or says nothing.
    [[nodiscard]] static QString runtimeMismatch(const QJsonObject &report, const RuntimeInfo &runtime);
    /// The stored status word for how a process ended.
    [[nodiscard]] static QString statusFor(ProcessResult::Outcome outcome);
};

} // namespace showdown
