#include "UserBenchmarkCheck.h"

#include "Benchmark.h"
#include "BenchmarkEnvironment.h"
#include "HttpExchange.h"
#include "SampleEvaluator.h"
#include "UserServerProcess.h"

namespace showdown {
namespace {

using namespace std::chrono_literals;

/// A short, one-line rendering of bytes for a message.
QString shown(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes.left(100));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return QLatin1Char('"') + text + (bytes.size() > 100 ? QStringLiteral("…\"") : QStringLiteral("\""));
}

ProcessSpec baseSpec(const UserBenchmark &benchmark, const RuntimeInfo &runtime, quint16 port)
{
    ProcessSpec spec;
    spec.program = runtime.path;
    spec.arguments = benchmark.arguments(runtime, port);
    spec.workingDirectory = benchmark.workingDirectory;
    spec.environment = BenchmarkEnvironment::variables();
    spec.environment.insert(benchmark.environment);
    spec.environment.insert(runtime.environment);
    spec.timeout = std::chrono::seconds(benchmark.timeoutSeconds);
    return spec;
}

} // namespace

UserBenchmarkCheck::UserBenchmarkCheck(Executor &executor, QList<RuntimeInfo> runtimes)
    : m_executor(executor), m_runtimes(std::move(runtimes))
{
}

UserCheckResult UserBenchmarkCheck::check(const UserBenchmark &benchmark, std::stop_token stop) const
{
    UserCheckResult result;
    result.benchmark = benchmark.name;
    result.line = benchmark.line;
    QByteArray firstOutput;
    QList<QByteArray> firstBodies;
    QString firstRuntime;
    for (const RuntimeFamily family : benchmark.commands.keys()) {
        QList<RuntimeInfo> runtimes;
        for (const RuntimeInfo &runtime : m_runtimes) {
            const std::optional<RuntimeKind> kind = runtime.resolvedKind();
            if (runtime.available && kind && kind->family() == family && benchmark.runsOn(*kind))
                runtimes.append(runtime);
        }
        if (runtimes.isEmpty()) {
            result.message = QStringLiteral("no %1 runtime to run it on (found none of its kinds); install one, or pass one with --runtime PATH")
                                 .arg(RuntimeKind::familyName(family));
            return result;
        }
        for (const RuntimeInfo &runtime : runtimes) {
            if (stop.stop_requested()) {
                result.message = QStringLiteral("cancelled");
                return result;
            }
            result.runtimes.append(runtime.name);
            const QString on = QStringLiteral("on %1: ").arg(runtime.name);
            if (!benchmark.isServer()) {
                QByteArray output;
                if (const QString failure = checkProgram(benchmark, runtime, &output, stop); !failure.isEmpty()) {
                    result.message = on + failure;
                    return result;
                }
                const QString what = benchmark.protocol ? QStringLiteral("result") : QStringLiteral("output");
                if (const QString mismatch = benchmark.expectedOutput.mismatch(output); !mismatch.isEmpty()) {
                    result.message = on + QStringLiteral("wrong %1: %2").arg(what, mismatch);
                    return result;
                }
                if (firstRuntime.isEmpty()) {
                    firstRuntime = runtime.name;
                    firstOutput = output;
                } else if (output != firstOutput) {
                    result.message = on + QStringLiteral("the %1 differs between runtimes: %2 here, %3 on %4; the programs must compute the same thing")
                                              .arg(what, shown(output), shown(firstOutput), firstRuntime);
                    return result;
                }
                continue;
            }
            QList<QByteArray> bodies;
            if (const QString failure = checkServer(benchmark, runtime, &bodies, stop); !failure.isEmpty()) {
                result.message = on + failure;
                return result;
            }
            if (firstRuntime.isEmpty()) {
                firstRuntime = runtime.name;
                firstBodies = bodies;
                continue;
            }
            for (qsizetype i = 0; i < bodies.size(); ++i) {
                if (bodies.at(i) != firstBodies.value(i)) {
                    result.message = on + QStringLiteral("request \"%1\": the body differs between runtimes: %2 here, %3 on %4")
                                              .arg(benchmark.requests.at(i).name, shown(bodies.at(i)), shown(firstBodies.value(i)), firstRuntime);
                    return result;
                }
            }
        }
    }
    result.passed = true;
    result.reference = firstOutput;
    result.bodies = firstBodies;
    result.message = QStringLiteral("passed on %1").arg(result.runtimes.join(QStringLiteral(", ")));
    return result;
}

QString UserBenchmarkCheck::checkProgram(const UserBenchmark &benchmark, const RuntimeInfo &runtime, QByteArray *output,
                                         std::stop_token stop) const
{
    // A check proves the pair runs and agrees; one measured iteration and no warm-up say as much as many.
    UserBenchmark once = benchmark;
    once.iterations = 1;
    once.warmup = 0;
    const ProcessSpec spec = baseSpec(once, runtime, 0);
    const ProcessResult process = m_executor.run(spec, stop);
    if (!process.succeeded())
        return QStringLiteral("the program failed (%1)%2").arg(UserServerProcess::howItEnded(process), UserServerProcess::stderrTail(process));
    if (!benchmark.protocol) {
        *output = process.stdoutData;
        return QString();
    }
    // The protocol's own rules (one JSON line, protocol 1, the benchmark's name, the timings asked for), through
    // the evaluator the built-in programs go through; the result itself is judged by the caller against
    // expected_output and the other runtimes, so the evaluator's checksum verdict is not used.
    Benchmark described;
    described.name = benchmark.name;
    described.measure = QStringLiteral("iterations");
    BenchmarkSize size;
    size.size = benchmark.size.value_or(0);
    size.iterations = 1;
    size.warmup = 0;
    const Sample sample = SampleEvaluator::evaluate(described, size, runtime, process);
    if (!sample.valid() && sample.status != QLatin1String("checksum"))
        return QStringLiteral("does not speak PROTOCOL.md: %1").arg(sample.error);
    *output = sample.result.toUtf8();
    return QString();
}

QString UserBenchmarkCheck::checkServer(const UserBenchmark &benchmark, const RuntimeInfo &runtime, QList<QByteArray> *bodies,
                                        std::stop_token stop) const
{
    QString error;
    const quint16 port = UserServerProcess::freeLoopbackPort(&error);
    if (port == 0)
        return error;
    ProcessSpec spec = baseSpec(benchmark, runtime, port);
    const auto readyTimeout = std::chrono::seconds(benchmark.timeoutSeconds);
    // The server's whole life in the check: readiness, every request at its own limit, and a margin.
    spec.timeout = readyTimeout + kRequestTimeout * (benchmark.requests.size() + 1) + 30s;
    spec.stopGrace = 2s;  // as PROTOCOL.md gives a built-in server: SIGTERM, 2 s, then its process group is killed
    // Every way out stops the server and waits for it (its destructor at the latest), so no child outlives the check.
    UserServerProcess server(m_executor, spec, benchmark.ready, stop);

    // 1. Ready (the line, or the URL answering, within timeout_s), and on loopback only.
    if (const UserServerProcess::Readiness readiness = server.waitUntilReady(port, readyTimeout); !readiness.ready())
        return readiness.message;

    // 2. Each request once, judged on its status and body.
    for (const UserRequest &request : benchmark.requests) {
        const HttpExchange::Reply reply = HttpExchange::send(port, request.method, request.path, request.headers, request.body, kRequestTimeout);
        if (!reply.answered()) {
            if (server.ended())
                return server.endedEarly(QStringLiteral("while answering request \"%1\"").arg(request.name));
            return QStringLiteral("request \"%1\" got no answer: %2").arg(request.name, reply.error);
        }
        if (reply.status != request.expectedStatus)
            return QStringLiteral("request \"%1\" answered status %2, expected %3; body: %4")
                .arg(request.name)
                .arg(reply.status)
                .arg(request.expectedStatus)
                .arg(shown(reply.body));
        if (const QString mismatch = request.expectedBody.mismatch(reply.body); !mismatch.isEmpty())
            return QStringLiteral("request \"%1\" answered the wrong body: %2").arg(request.name, mismatch);
        bodies->append(reply.body);
    }
    if (server.ended())
        return server.endedEarly(QStringLiteral("after answering"));
    return QString();
}

} // namespace showdown
