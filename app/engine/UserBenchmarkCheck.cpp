#include "UserBenchmarkCheck.h"

#include "Benchmark.h"
#include "BenchmarkEnvironment.h"
#include "HttpExchange.h"
#include "SampleEvaluator.h"

#include <QFile>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace showdown {
namespace {

using namespace std::chrono_literals;

/// The end of a child's stderr, for a message: what it said last is usually why it failed.
QString stderrTail(const ProcessResult &process)
{
    const QString tail = QString::fromUtf8(process.stderrTail.right(300)).trimmed();
    return tail.isEmpty() ? QString() : QStringLiteral("; stderr ends: %1").arg(tail);
}

/// How a process that should have succeeded (or kept running) ended.
QString howItEnded(const ProcessResult &process)
{
    if (process.outcome == ProcessResult::Outcome::Exited)
        return QStringLiteral("exit status %1").arg(process.exitCode);
    return process.error.isEmpty() ? QStringLiteral("signal %1").arg(process.signal) : process.error;
}

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

/// The addresses other than loopback on which something listens on `port` (from /proc/net/tcp and tcp6): a user
/// server must bind 127.0.0.1, or the load Showdown puts on it would be offered to the whole network.
QStringList exposedListeners(quint16 port)
{
    QStringList exposed;
    const QString wanted = QStringLiteral("%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const QString &table : {QStringLiteral("/proc/net/tcp"), QStringLiteral("/proc/net/tcp6")}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &row : file.readAll().split('\n')) {
            const QList<QByteArray> fields = row.simplified().split(' ');
            // sl local_address rem_address st ...: a listening socket has state 0A.
            if (fields.size() < 4 || fields.at(3) != "0A")
                continue;
            const QList<QByteArray> local = fields.at(1).split(':');
            if (local.size() != 2 || QString::fromLatin1(local.at(1)) != wanted)
                continue;
            const QByteArray address = local.at(0);
            // Addresses are the kernel's words in host (little-endian) order: 127.0.0.1 reads 0100007F.
            const bool loopback4 = address.size() == 8 && address.endsWith("7F");
            const bool loopback6 = address == "00000000000000000000000001000000"
                                   || (address.size() == 32 && address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F"));
            if (loopback4 || loopback6)
                continue;
            exposed.append(address == "00000000" ? QStringLiteral("0.0.0.0")
                           : address == QByteArray(32, '0') ? QStringLiteral("[::]")
                                                            : QString::fromLatin1(address));
        }
    }
    return exposed;
}

/// Stdout as the server thread and the checking thread share it.
struct ServerOutput {
    std::mutex mutex;
    std::condition_variable changed;
    QByteArray pending;  ///< the incomplete last line
    bool readyLineSeen = false;
    bool anyOutput = false;  ///< whether stdout said anything at all: silence hints at buffering
    bool ended = false;
    ProcessResult result;
};

} // namespace

UserBenchmarkCheck::UserBenchmarkCheck(Executor &executor, QList<RuntimeInfo> runtimes)
    : m_executor(executor), m_runtimes(std::move(runtimes))
{
}

quint16 UserBenchmarkCheck::freeLoopbackPort(QString *error)
{
    boost::asio::io_context io;
    boost::system::error_code code;
    boost::asio::ip::tcp::acceptor acceptor(io);
    const boost::asio::ip::tcp::endpoint any(boost::asio::ip::address_v4::loopback(), 0);
    acceptor.open(any.protocol(), code);
    if (!code)
        acceptor.bind(any, code);
    if (code) {
        *error = QStringLiteral("cannot find a free port on 127.0.0.1: %1").arg(QString::fromStdString(code.message()));
        return 0;
    }
    return acceptor.local_endpoint().port();
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
        return QStringLiteral("the program failed (%1)%2").arg(howItEnded(process), stderrTail(process));
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
    const quint16 port = freeLoopbackPort(&error);
    if (port == 0)
        return error;
    ProcessSpec spec = baseSpec(benchmark, runtime, port);
    const auto readyTimeout = std::chrono::seconds(benchmark.timeoutSeconds);
    // The server's whole life in the check: readiness, every request at its own limit, and a margin.
    spec.timeout = readyTimeout + kRequestTimeout * (benchmark.requests.size() + 1) + 30s;
    spec.stopGrace = 2s;  // as PROTOCOL.md gives a built-in server: SIGTERM, 2 s, then its process group is killed
    auto output = std::make_shared<ServerOutput>();
    const QRegularExpression pattern = benchmark.ready.pattern;
    const bool byLine = benchmark.ready.kind == ReadyRule::Kind::StdoutLine;
    spec.onStdout = [output, pattern, byLine](const QByteArray &chunk) {
        std::lock_guard lock(output->mutex);
        output->pending.append(chunk);
        output->anyOutput = output->anyOutput || !chunk.isEmpty();
        for (qsizetype newline = output->pending.indexOf('\n'); newline >= 0; newline = output->pending.indexOf('\n')) {
            const QString line = QString::fromUtf8(output->pending.left(newline)).trimmed();
            output->pending.remove(0, newline + 1);
            if (byLine && pattern.match(line).hasMatch())
                output->readyLineSeen = true;
        }
        if (output->pending.size() > 65536)
            output->pending.clear();  // an endless line cannot be the ready line we wait for
        output->changed.notify_all();
    };
    std::stop_source serverStop;
    std::stop_callback forwardStop(stop, [&serverStop, output] {
        serverStop.request_stop();
        std::lock_guard lock(output->mutex);
        output->changed.notify_all();
    });
    std::thread serverThread([this, spec, output, token = serverStop.get_token()] {
        ProcessResult result = m_executor.run(spec, token);
        std::lock_guard lock(output->mutex);
        output->result = std::move(result);
        output->ended = true;
        output->changed.notify_all();
    });
    const auto ended = [&] {
        std::lock_guard lock(output->mutex);
        return output->ended;
    };
    // Every way out stops the server and waits for it, so no child outlives the check.
    const auto stopServer = [&]() -> ProcessResult {
        serverStop.request_stop();
        serverThread.join();
        return output->result;
    };
    const auto endedEarly = [&](const QString &when) {
        const ProcessResult process = stopServer();
        return QStringLiteral("the server ended %1 (%2)%3").arg(when, howItEnded(process), stderrTail(process));
    };

    // 1. Ready: the line, or the URL answering, within timeout_s.
    const auto deadline = std::chrono::steady_clock::now() + readyTimeout;
    bool ready = false;
    if (byLine) {
        std::unique_lock lock(output->mutex);
        ready = output->changed.wait_until(lock, deadline, [&] { return output->readyLineSeen || output->ended || stop.stop_requested(); })
                && output->readyLineSeen;
    } else {
        while (!ready && std::chrono::steady_clock::now() < deadline && !ended() && !stop.stop_requested()) {
            ready = HttpExchange::send(port, "GET", benchmark.ready.path, {}, {}, 1s).answered();
            if (!ready)
                std::this_thread::sleep_for(100ms);
        }
    }
    if (stop.stop_requested()) {
        stopServer();
        return QStringLiteral("cancelled");
    }
    if (!ready) {
        if (ended())
            return endedEarly(QStringLiteral("before it was ready"));
        const ProcessResult process = stopServer();
        // A program that prints its ready line into a pipe may hold it in a buffer until it exits (Python does
        // unless run with -u): when stdout stayed silent, say so, as that is the usual cause.
        const QString silence = output->anyOutput ? QString()
                                                  : QStringLiteral("; nothing arrived on stdout: if the server prints the line, its output may "
                                                                   "be buffered (run Python with -u or print(..., flush=True))");
        return QStringLiteral("the server was not ready within %1 s (%2)%3")
            .arg(benchmark.timeoutSeconds)
            .arg(byLine ? QStringLiteral("no stdout line matched \"%1\"%2").arg(pattern.pattern(), silence)
                        : QStringLiteral("GET %1 on 127.0.0.1:%2 never answered").arg(benchmark.ready.path).arg(port),
                 stderrTail(process));
    }

    // 1b. On loopback only.
    if (const QStringList exposed = exposedListeners(port); !exposed.isEmpty()) {
        stopServer();
        return QStringLiteral("the server listens on %1 port %2, not only on 127.0.0.1; bind it to 127.0.0.1 (the address Showdown loads)")
            .arg(exposed.join(QStringLiteral(" and ")))
            .arg(port);
    }

    // 2. Each request once, judged on its status and body.
    for (const UserRequest &request : benchmark.requests) {
        const HttpExchange::Reply reply = HttpExchange::send(port, request.method, request.path, request.headers, request.body, kRequestTimeout);
        if (!reply.answered()) {
            if (ended())
                return endedEarly(QStringLiteral("while answering request \"%1\"").arg(request.name));
            stopServer();
            return QStringLiteral("request \"%1\" got no answer: %2").arg(request.name, reply.error);
        }
        if (reply.status != request.expectedStatus) {
            stopServer();
            return QStringLiteral("request \"%1\" answered status %2, expected %3; body: %4")
                .arg(request.name)
                .arg(reply.status)
                .arg(request.expectedStatus)
                .arg(shown(reply.body));
        }
        if (const QString mismatch = request.expectedBody.mismatch(reply.body); !mismatch.isEmpty()) {
            stopServer();
            return QStringLiteral("request \"%1\" answered the wrong body: %2").arg(request.name, mismatch);
        }
        bodies->append(reply.body);
    }
    if (ended())
        return endedEarly(QStringLiteral("after answering"));
    stopServer();
    return QString();
}

} // namespace showdown
