#include "ServerRunner.h"

#include "BenchmarkEnvironment.h"
#include "CapacitySearch.h"
#include "ProcessGroupProbe.h"
#include "SampleEvaluator.h"
#include "SuiteRunner.h"
#include "UserServerProcess.h"

#include <QJsonDocument>

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace showdown {
namespace {

using namespace std::chrono_literals;

/// Seconds of the one-connection probe that waits, before each http point, until the server answers again.
constexpr double kProbeS = 0.2;


/// What the server thread and the measuring thread share: stdout as it arrives and whether the server ended.
struct ServerState {
    std::mutex mutex;
    std::condition_variable changed;
    QByteArray stdoutData;
    bool ended = false;
    ProcessResult result;

    /// The first complete stdout line, once there is one.
    [[nodiscard]] std::optional<QByteArray> firstLine() const
    {
        const qsizetype newline = stdoutData.indexOf('\n');
        if (newline < 0)
            return std::nullopt;
        return stdoutData.left(newline).trimmed();
    }
};

/// The port a ready line reports, or 0 when it is missing or not a whole number 1..65535.
quint16 readyPort(const QJsonObject &ready)
{
    const QJsonValue value = ready.value(QLatin1String("port"));
    const double port = value.toDouble(0);
    return value.isDouble() && port >= 1 && port <= 65535 && port == double(qint64(port)) ? quint16(port) : 0;
}

/// A ready-line value as the server wrote it, for error messages.
QString compactJson(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("nothing");
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isString())
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    return value.toVariant().toString();
}

/// Reads the ready line; on failure says what was wrong with it. The port must be the one the server bound
/// (PROTOCOL.md: servers bind port 0 and report it), and where the manifest claims a configuration the
/// server must report exactly that one, or the run would measure something other than what it says. The claim
/// is the one for the runtime's kind where the manifest gives one (Bun and Deno serve node:http natively).
std::optional<QJsonObject> parseReadyLine(const QByteArray &line, const BenchmarkVariant &variant, const RuntimeInfo &runtime,
                                          QString *error)
{
    const QJsonObject claimed = variant.configFor(runtime.implementation);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    const QJsonObject ready = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        *error = QStringLiteral("the server's first stdout line is not JSON: \"%1\"").arg(QString::fromUtf8(line.left(200)));
    else if (ready.value(QLatin1String("protocol")).toInt() != 1 || !ready.value(QLatin1String("ready")).toBool())
        *error = QStringLiteral("the server's first line is not a protocol 1 ready line: %1").arg(QString::fromUtf8(line.left(200)));
    else if (ready.value(QLatin1String("pid")).toInteger() <= 0)
        *error = QStringLiteral("the server's ready line has no pid");
    else if (readyPort(ready) == 0)
        *error = QStringLiteral("the server's ready line gives port %1, not the port it bound (a whole number 1..65535); "
                                "PROTOCOL.md section 2: a server binds port 0 and reports the port it got")
                     .arg(compactJson(ready.value(QLatin1String("port"))));
    else if (const QString mismatch = SampleEvaluator::runtimeMismatch(ready, runtime); !mismatch.isEmpty())
        *error = QStringLiteral("the server ") + mismatch;
    else if (!claimed.isEmpty() && ready.value(QLatin1String("config")).toObject() != claimed)
        *error = QStringLiteral("the server reports the configuration %1 but the manifest declares %2 for \"%3\"; "
                                "check the installed packages (resources/benchmarks/check_servers.py --only %3 shows it)")
                     .arg(compactJson(ready.value(QLatin1String("config"))), compactJson(claimed), variant.name);
    else
        return ready;
    return std::nullopt;
}

/// @param spec http: the endpoint's request (a bare GET for the built-in servers); chat and idle: the default.
LoadRequest loadRequest(const QString &url, int connections, const BenchmarkSize &size, const QByteArray &body,
                        const HttpRequestSpec &spec = {})
{
    LoadRequest request;
    request.url = url;
    request.connections = connections;
    request.durationS = size.durationS;
    request.rate = size.rate;
    request.expectedBody = body;
    request.request = spec;
    request.warmupS = size.warmupS;
    return request;
}

/// Marks a point invalid when the server gave wrong answers: the measurement would not be of the same work.
/// `spec`: the status the endpoint must answer (any 2xx for the built-in ones), named in the reason.
void checkAnswers(LoadPoint &point, const HttpRequestSpec &spec = {})
{
    const qint64 wrongBodies = point.errors.value(QLatin1String("body")).toInteger();
    const qint64 wrongStatus = point.errors.value(QLatin1String("status")).toInteger();
    const QString status = spec.expectedStatus == 0 ? QStringLiteral("a non-2xx status")
                                                    : QStringLiteral("a status other than %1").arg(spec.expectedStatus);
    if (point.error.isEmpty() && (wrongBodies > 0 || wrongStatus > 0))
        point.error = QStringLiteral("%1 responses had a wrong body and %2 %3").arg(wrongBodies).arg(wrongStatus).arg(status);
    // A chat room that drops its members has stopped being a chat room; its delivery rate means nothing.
    const qint64 dropped = point.errors.value(QLatin1String("closed")).toInteger();
    if (point.error.isEmpty() && point.kind == QLatin1String("chat") && dropped > 0)
        point.error = QStringLiteral("the server dropped %1 clients").arg(dropped);
}

/// Where a capacity search of an endpoint starts: half the best throughput the sweep just measured on it
/// (at no more connections than the search uses, where there is such a point), so the ramp brackets the
/// capacity in two or three steps; the declared start rate when the sweep did not measure the endpoint.
double capacityStart(const QList<LoadPoint> &sweep, const QString &endpoint, int connections, double declared)
{
    double best = 0, bestAtMost = 0;
    for (const LoadPoint &point : sweep) {
        if (point.sloP99Ms > 0 || point.endpoint != endpoint || !point.valid() || point.errorCount() > 0)
            continue;
        best = std::max(best, point.throughput());
        if (point.connections <= connections)
            bestAtMost = std::max(bestAtMost, point.throughput());
    }
    const double reference = bestAtMost > 0 ? bestAtMost : best;
    return reference > 0 ? reference / 2 : declared;
}

/// A server step's sample: the process's own figures, how the step ended, and what was measured (the port, the
/// server's own environment variables, which are part of what was measured).
Sample stepSample(const RunStep &step, const ProcessResult &process, const QDateTime &started, quint16 port, const QString &status,
                  const QString &error)
{
    Sample sample = SampleEvaluator::fromProcess(step.benchmark, step.runtime, process);
    sample.variant = step.variant.name;
    sample.workers = step.workers;
    sample.runIndex = step.runIndex;
    sample.started = started;
    sample.status = status;
    sample.error = error;
    sample.extra = QJsonObject{{QStringLiteral("measure"), step.benchmark.measure}};
    if (port != 0)
        sample.extra.insert(QStringLiteral("port"), int(port));
    if (!step.variant.environment.isEmpty())
        sample.extra.insert(QStringLiteral("env"), step.variant.environmentJson());
    return sample;
}

/// How a server step ended once its load is over, as status and reason: cancelled; crashed (the server ended on its
/// own, `process` says how); the first sweep point voided (wrong answers, an error); or ok with no reason.
std::pair<QString, QString> loadOutcome(const QList<LoadPoint> &points, bool cancelled, bool crashed, const ProcessResult &process)
{
    QString failure;
    for (const LoadPoint &point : points) {
        // A capacity step that missed its objective (errors, even a void point when overloaded) is a finding
        // of the search, not a failed measurement; a server that died shows as a crash below.
        if (point.sloP99Ms > 0)
            continue;
        if (!point.error.isEmpty() && failure.isEmpty())
            failure = QStringLiteral("%1 connections%2: %3")
                          .arg(point.connections)
                          .arg(point.endpoint.isEmpty() ? QString() : QStringLiteral(" on ") + point.endpoint, point.error);
    }
    if (cancelled)
        return {QStringLiteral("cancelled"), QStringLiteral("cancelled")};
    if (crashed)
        return {SampleEvaluator::statusFor(process.outcome),
                QStringLiteral("the server ended during the load (%1)")
                    .arg(process.error.isEmpty() ? QStringLiteral("exit status %1").arg(process.exitCode) : process.error)};
    if (!failure.isEmpty())
        return {QStringLiteral("load"), failure};
    return {Sample::kOk, QString()};
}

} // namespace

ServerRunner::ServerRunner(const Catalog &catalog, Executor &executor, LoadDriver &driver)
    : m_catalog(catalog), m_executor(executor), m_driver(driver)
{
}

double ServerRunner::loadSeconds(const Benchmark &benchmark, const BenchmarkSize &size)
{
    const bool http = benchmark.measure == QLatin1String("http");
    const bool chat = benchmark.measure == QLatin1String("chat");
    // Opening connections or a chat room's clients: about 0.2 s per 1000 on 2 cores.
    const auto opening = [](int connections) { return connections / 5000.0; };
    // A chat phase waits out deliveries in flight for a tenth of its length (ChatLoad: 0.1 s to 1 s).
    const auto grace = [](double phaseS) { return std::clamp(phaseS / 10, 0.1, 1.0); };
    double seconds = 0;
    if (http) {
        qsizetype points = 0;
        for (const QString &endpoint : size.endpoints)
            points += size.connectionsFor(endpoint).size();
        // Before every http point but the first, a probe of kProbeS waits for the server to answer again.
        seconds = double(points) * (size.warmupS + size.durationS) + double(std::max<qsizetype>(points - 1, 0)) * kProbeS;
    } else {
        // Idle points hold their connections for duration_s; chat points wait out their deliveries.
        for (int connections : size.connections)
            seconds += size.warmupS + size.durationS + opening(connections) + (chat ? grace(size.durationS) : 0);
    }
    if (size.capacity) {
        // Every search may take all its steps; an http step is preceded by the probe, a chat step opens its
        // room and waits out its deliveries.
        const CapacitySettings &capacity = *size.capacity;
        const qsizetype targets = chat ? 1 : capacity.endpoints.size();
        for (int connections : capacity.connections) {
            const double perStep = http ? kProbeS : opening(connections) + grace(capacity.plan.stepS);
            seconds += double(targets) * (capacity.plan.seconds() + capacity.plan.maxSteps * perStep);
        }
    }
    return seconds;
}

Sample ServerRunner::run(const RunStep &step, std::stop_token stop)
{
    if (step.benchmark.ready)
        return runUserServer(step, stop);
    const Benchmark &benchmark = step.benchmark;
    const BenchmarkSize &size = step.size;
    // Known once the ready line reports it: the server binds port 0 itself.
    quint16 port = 0;

    ProcessSpec spec;
    spec.program = step.runtime.path;
    spec.arguments = step.runtime.launchArguments(m_catalog.scriptPath(step.variant, benchmark));
    if (step.workers > 0)
        spec.arguments << QStringLiteral("--workers") << QString::number(step.workers);
    spec.arguments << step.variant.args;
    spec.workingDirectory = m_catalog.baseDir();
    spec.environment = BenchmarkEnvironment::variables();
    // The server's own deployment settings (NODE_ENV=production) on top of the shared ones.
    spec.environment.insert(step.variant.environment);
    spec.environment.insert(step.runtime.environment);  // PYTHON_GIL: what makes this runtime this runtime
    const auto readyTimeout = std::chrono::seconds(benchmark.timeoutSeconds);
    // The whole life of the server: start-up, every point, and a generous margin for slow points.
    spec.timeout = readyTimeout + std::chrono::seconds(qint64(loadSeconds(benchmark, size) * 2) + 60);
    // PROTOCOL.md: a server gets SIGTERM and 2 s to exit (workers too); then its process group is killed.
    spec.stopGrace = 2s;

    auto state = std::make_shared<ServerState>();
    spec.onStdout = [state](const QByteArray &chunk) {
        std::lock_guard lock(state->mutex);
        state->stdoutData.append(chunk);
        state->changed.notify_all();
    };
    std::stop_source serverStop;
    // A stop ends the server and wakes the wait for its ready line at once.
    std::stop_callback forwardStop(stop, [&serverStop, state] {
        serverStop.request_stop();
        std::lock_guard lock(state->mutex);
        state->changed.notify_all();
    });
    const QDateTime started = QDateTime::currentDateTimeUtc();
    std::thread serverThread([this, spec, state, token = serverStop.get_token()] {
        ProcessResult result = m_executor.run(spec, token);
        std::lock_guard lock(state->mutex);
        state->result = std::move(result);
        state->ended = true;
        state->changed.notify_all();
    });
    auto stopServer = [&]() -> ProcessResult {
        serverStop.request_stop();
        serverThread.join();
        return state->result;
    };
    auto finish = [&](const ProcessResult &process, const QString &status, const QString &error) {
        return stepSample(step, process, started, port, status, error);
    };

    // 1. Wait for the ready line, the server's end, the deadline or a stop, whichever comes first.
    std::optional<QByteArray> line;
    {
        std::unique_lock lock(state->mutex);
        state->changed.wait_for(lock, readyTimeout, [&] {
            line = state->firstLine();
            return line || state->ended || stop.stop_requested();
        });
    }
    if (!line) {
        const bool endedEarly = [&] { std::lock_guard lock(state->mutex); return state->ended; }();
        const ProcessResult process = stopServer();
        if (stop.stop_requested())
            return finish(process, QStringLiteral("cancelled"), QStringLiteral("cancelled"));
        if (endedEarly) {
            const QString why = process.error.isEmpty() ? QStringLiteral("exit status %1").arg(process.exitCode) : process.error;
            return finish(process, SampleEvaluator::statusFor(process.outcome), QStringLiteral("the server ended before it was ready (%1)").arg(why));
        }
        return finish(process, QStringLiteral("timeout"),
                      QStringLiteral("the server printed no ready line within %1 s; stderr: %2")
                          .arg(benchmark.timeoutSeconds)
                          .arg(QString::fromUtf8(process.stderrTail.right(400)).trimmed()));
    }
    QString readyError;
    const std::optional<QJsonObject> ready = parseReadyLine(*line, step.variant, step.runtime, &readyError);
    if (!ready)
        return finish(stopServer(), QStringLiteral("protocol"), readyError);
    port = readyPort(*ready);
    const pid_t serverPid = pid_t(ready->value(QLatin1String("pid")).toInteger());
    const qint64 group = ::getpgid(serverPid);
    auto serverEnded = [&] {
        std::lock_guard lock(state->mutex);
        return state->ended;
    };

    // 2. Every load point, each after a discarded warm-up so connection set-up and JIT warming stay out.
    const QList<LoadPoint> points = measurePoints(step, port, group, serverEnded, stop);

    // 3. Stop the server. Ending on its own before that was a crash.
    const bool crashed = serverEnded();
    const ProcessResult process = stopServer();
    const auto [status, failure] = loadOutcome(points, stop.stop_requested(), crashed, process);
    Sample sample = finish(process, status, failure);
    sample.points = points;
    sample.extra.insert(QStringLiteral("ready"), *ready);
    return sample;
}

Sample ServerRunner::runUserServer(const RunStep &step, std::stop_token stop)
{
    const Benchmark &benchmark = step.benchmark;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QString error;
    // A user's server takes its port as an argument: one the kernel just gave out and took back (a race with
    // another program is possible, and then shows as a server that never gets ready).
    const quint16 port = UserServerProcess::freeLoopbackPort(&error);
    if (port == 0)
        return stepSample(step, ProcessResult{}, started, 0, QStringLiteral("spawn"), error);

    ProcessSpec spec;
    spec.program = step.runtime.path;
    // The runtime's launch prefix ({runtime}), then the command as written with its port.
    spec.arguments = step.runtime.launchArguments(QString());
    spec.arguments.removeLast();
    for (const QString &argument : step.variant.command)
        spec.arguments.append(QString(argument).replace(QLatin1String("{port}"), QString::number(port)));
    spec.arguments << step.variant.args;
    spec.workingDirectory = step.variant.workingDirectory.isEmpty() ? m_catalog.baseDir() : step.variant.workingDirectory;
    spec.environment = BenchmarkEnvironment::variables();
    spec.environment.insert(step.variant.environment);  // the definition's `env`
    spec.environment.insert(step.runtime.environment);
    const auto readyTimeout = std::chrono::seconds(benchmark.timeoutSeconds);
    spec.timeout = readyTimeout + std::chrono::seconds(qint64(loadSeconds(benchmark, step.size) * 2) + 60);
    spec.stopGrace = 2s;  // as a built-in server gets: SIGTERM, 2 s, then its process group is killed

    // Its destructor stops and joins the server, so no way out of here leaves it running.
    UserServerProcess server(m_executor, spec, *benchmark.ready, stop);
    const UserServerProcess::Readiness readiness = server.waitUntilReady(port, readyTimeout);
    if (!readiness.ready()) {
        using Outcome = UserServerProcess::Readiness::Outcome;
        const ProcessResult process = server.stop();
        const QString status = readiness.outcome == Outcome::Cancelled    ? QStringLiteral("cancelled")
                               : readiness.outcome == Outcome::EndedEarly ? SampleEvaluator::statusFor(process.outcome)
                               : readiness.outcome == Outcome::NotReady   ? QStringLiteral("timeout")
                                                                          : QStringLiteral("protocol");
        return stepSample(step, process, started, port, status, readiness.message);
    }
    const QList<LoadPoint> points = measurePoints(step, port, server.processGroup(), [&] { return server.ended(); }, stop);
    const bool crashed = server.ended();
    const ProcessResult process = server.stop();
    const auto [status, failure] = loadOutcome(points, stop.stop_requested(), crashed, process);
    Sample sample = stepSample(step, process, started, port, status, failure);
    sample.points = points;
    // How it was judged ready, in place of a built-in server's ready line.
    sample.extra.insert(QStringLiteral("ready_rule"), benchmark.ready->kind == ReadyRule::Kind::Url
                                                          ? QJsonObject{{QStringLiteral("url"), benchmark.ready->path}}
                                                          : QJsonObject{{QStringLiteral("stdout"), benchmark.ready->pattern.pattern()}});
    return sample;
}

QList<LoadPoint> ServerRunner::measurePoints(const RunStep &step, quint16 port, qint64 group, const std::function<bool()> &serverEnded,
                                             std::stop_token stop)
{
    QList<LoadPoint> points;
    // Unknown (0) when the executor could not say: the points then carry no server CPU or memory.
    auto usage = [&] { return group > 0 ? ProcessGroupProbe::read(group, group) : ProcessGroupUsage{}; };
    const Benchmark &benchmark = step.benchmark;
    const BenchmarkSize &size = step.size;
    const int workers = std::max(step.workers, 1);
    auto measure = [&](const QString &kind, const QString &endpoint, const std::function<LoadPoint(const LoadRequest &)> &load,
                       LoadRequest request) {
        // Warm-up (request.warmupS) runs on the same connections as the measured phase, so that phase starts
        // in the steady state; the server's CPU is read exactly at the phase's edges.
        ProcessGroupUsage before, after;
        request.onMeasureStart = [&] { before = usage(); };
        request.onMeasureEnd = [&] { after = usage(); };
        LoadPoint measured = load(request);
        measured.kind = kind;
        measured.endpoint = endpoint;
        measured.connections = request.connections;
        measured.workers = workers;
        measured.rate = request.rate;
        if (before.processes > 0 && after.processes > 0) {
            measured.serverCpuNs = after.cpuNs - before.cpuNs;
            measured.serverPssKb = after.pssKb;
        }
        if (serverEnded())
            measured.error = QStringLiteral("the server exited during this point");
        checkAnswers(measured, request.request);
        return measured;
    };
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    // After a point with many connections a server may still be closing them (waitress takes seconds for
    // a thousand); the next point starts once the server answers a single connection again, so one point's
    // aftermath does not land in the next one's measurement.
    auto waitUntilAnswering = [&](const QString &url, const QByteArray &body, const HttpRequestSpec &spec) {
        const auto deadline = std::chrono::steady_clock::now() + 15s;
        LoadRequest probe = loadRequest(url, 1, size, body, spec);
        probe.durationS = kProbeS;
        probe.rate = 0;
        probe.warmupS = 0;
        while (std::chrono::steady_clock::now() < deadline && !stop.stop_requested() && !serverEnded()) {
            if (m_driver.http(probe, stop).completed > 0)
                return;
        }
    };
    if (benchmark.measure == QLatin1String("http")) {
        for (const QString &endpointName : size.endpoints) {
            const Endpoint *endpoint = benchmark.endpoint(endpointName);
            for (int connections : size.connectionsFor(endpointName)) {
                if (stop.stop_requested() || serverEnded())
                    break;
                if (!points.isEmpty())
                    waitUntilAnswering(base + endpoint->path, endpoint->body, endpoint->request);
                const LoadRequest request = loadRequest(base + endpoint->path, connections, size, endpoint->body, endpoint->request);
                points.append(measure(QStringLiteral("http"), endpointName,
                                      [&](const LoadRequest &r) { return m_driver.http(r, stop); }, request));
            }
        }
    } else if (benchmark.measure == QLatin1String("chat")) {
        for (int clients : size.connections) {
            if (stop.stop_requested() || serverEnded())
                break;
            const LoadRequest request = loadRequest(QStringLiteral("ws://127.0.0.1:%1/chat").arg(port), clients, size, {});
            points.append(measure(QStringLiteral("chat"), QStringLiteral("/chat"),
                                  [&](const LoadRequest &r) { return m_driver.chat(r, stop); }, request));
        }
    } else {
        // Idle memory: the server at rest, then holding N idle keep-alive connections.
        const Endpoint *endpoint = benchmark.endpoints.isEmpty() ? nullptr : &benchmark.endpoints.first();
        const QString url = base + (endpoint ? endpoint->path : QStringLiteral("/plaintext"));
        const QByteArray body = endpoint ? endpoint->body : QByteArray();
        LoadPoint rest;
        rest.kind = QStringLiteral("idle");
        rest.workers = workers;
        rest.serverPssKb = usage().pssKb;
        rest.completed = 1;  // the ready line: the server answered that it listens
        points.append(rest);
        for (int connections : size.connections) {
            if (stop.stop_requested() || serverEnded())
                break;
            LoadPoint point = m_driver.idle(loadRequest(url, connections, size, body),
                                            [&](LoadPoint &held) {
                                                std::this_thread::sleep_for(std::chrono::duration<double>(size.durationS));
                                                held.serverPssKb = usage().pssKb;
                                            },
                                            stop);
            point.kind = QStringLiteral("idle");
            point.connections = connections;
            point.workers = workers;
            if (serverEnded())
                point.error = QStringLiteral("the server exited while holding the connections");
            checkAnswers(point);
            points.append(point);
        }
    }
    // 2b. Capacity searches (issue 11), after the sweep and in the same server process: each step is an
    // open-loop point at a constant rate judged against the endpoint's objective.
    if (size.capacity && !stop.stop_requested() && !serverEnded()) {
        const bool chat = benchmark.measure == QLatin1String("chat");
        const QStringList targets = chat ? QStringList{benchmark.endpoints.first().name} : size.capacity->endpoints;
        for (const QString &endpointName : targets) {
            const Endpoint *endpoint = benchmark.endpoint(endpointName);
            const QString url = chat ? QStringLiteral("ws://127.0.0.1:%1%2").arg(port).arg(endpoint->path) : base + endpoint->path;
            const QString kind = chat ? QStringLiteral("chat") : QStringLiteral("http");
            const QString label = chat ? endpoint->path : endpointName;  // as the sweep labels its points
            for (int connections : size.capacity->connections) {
                if (stop.stop_requested() || serverEnded())
                    break;
                CapacityPlan plan = size.capacity->plan;
                // A room's declared start is in deliveries per second, so rooms of any size start at the same load.
                plan.startRate = chat ? plan.startRate / connections : capacityStart(points, endpointName, connections, plan.startRate);
                const CapacitySearch search(LatencyObjective{endpoint->sloP99Ms}, plan);
                const CapacityOutcome outcome = search.run(
                    loadRequest(url, connections, size, endpoint->body, endpoint->request), kind, label,
                    [&](const LoadRequest &request) {
                        if (!chat && !points.isEmpty())
                            waitUntilAnswering(url, endpoint->body, endpoint->request);
                        return chat ? measure(kind, label, [&](const LoadRequest &r) { return m_driver.chat(r, stop); }, request)
                                    : measure(kind, label, [&](const LoadRequest &r) { return m_driver.http(r, stop); }, request);
                    },
                    stop, serverEnded);
                points.append(outcome.steps);
            }
        }
    }
    return points;
}

} // namespace showdown
