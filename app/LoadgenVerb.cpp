#include "LoadgenVerb.h"

#include "InterruptWatcher.h"

#include "AsioLoadDriver.h"
#include "CapacitySearch.h"
#include "ChatLoad.h"
#include "LoadGenerator.h"
#include "LoopbackUrl.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace showdown {
namespace {

enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

QJsonObject errorsJson(const QMap<QString, qint64> &errors)
{
    QJsonObject json;
    for (auto it = errors.begin(); it != errors.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject latencyJson(const LatencyHistogram &latency)
{
    // No completed request means no latency at all, which must not read as zero.
    if (latency.count() == 0) {
        return QJsonObject{{QStringLiteral("p50"), QJsonValue::Null}, {QStringLiteral("p90"), QJsonValue::Null},
                           {QStringLiteral("p99"), QJsonValue::Null}, {QStringLiteral("p999"), QJsonValue::Null},
                           {QStringLiteral("max"), QJsonValue::Null}};
    }
    return QJsonObject{{QStringLiteral("p50"), latency.percentile(50)},
                       {QStringLiteral("p90"), latency.percentile(90)},
                       {QStringLiteral("p99"), latency.percentile(99)},
                       {QStringLiteral("p999"), latency.percentile(99.9)},
                       {QStringLiteral("max"), latency.max()}};
}

double cpuFraction(qint64 cpuNs, double seconds)
{
    return seconds > 0 ? double(cpuNs) / (seconds * 1e9) : 0.0;
}

QString milliseconds(qint64 ns)
{
    return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3);
}

QString errorsText(const QMap<QString, qint64> &errors)
{
    QStringList parts;
    for (auto it = errors.begin(); it != errors.end(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

void printLatency(QTextStream &out, const LatencyHistogram &latency)
{
    if (latency.count() == 0) {
        out << "Latency         none (nothing completed)\n";
        return;
    }
    out << "Latency         p50 " << milliseconds(latency.percentile(50)) << "   p90 " << milliseconds(latency.percentile(90))
        << "   p99 " << milliseconds(latency.percentile(99)) << "   p99.9 " << milliseconds(latency.percentile(99.9))
        << "   max " << milliseconds(latency.max()) << "\n";
}

/// Reads a number option; returns false (with a usage message) when it is set but not a number in range.
bool readNumber(const QCommandLineParser &parser, const QString &name, double minimum, double *value, QTextStream &err)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double parsed = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(parsed) || parsed < minimum) {
        err << "showdown loadgen: --" << name << " needs a number of at least " << minimum << ", not \""
            << parser.value(name) << "\"\n";
        return false;
    }
    *value = parsed;
    return true;
}

bool readCount(const QCommandLineParser &parser, const QString &name, int minimum, int *value, QTextStream &err)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int parsed = parser.value(name).toInt(&ok);
    if (!ok || parsed < minimum) {
        err << "showdown loadgen: --" << name << " needs a whole number of at least " << minimum << ", not \""
            << parser.value(name) << "\"\n";
        return false;
    }
    *value = parsed;
    return true;
}

int reportHttp(const LoadOptions &options, const LoadResult &result, bool json, QTextStream &out, QTextStream &err)
{
    const bool measured = result.durationS > 0;
    if (measured && json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("requests_per_sec"), result.requestsPerSec()},
                                         {QStringLiteral("latency_ns"), latencyJson(result.latency)},
                                         {QStringLiteral("errors"), errorsJson(result.errors)},
                                         {QStringLiteral("generator_cpu"), cpuFraction(result.generatorCpuNs, result.durationS)},
                                         {QStringLiteral("generator_cpu_ns"), result.generatorCpuNs},
                                         {QStringLiteral("completed"), result.completed},
                                         {QStringLiteral("sent"), result.sent},
                                         {QStringLiteral("duration_s"), result.durationS},
                                         {QStringLiteral("connections"), options.connections},
                                         {QStringLiteral("rate"), options.rate}})
                   .toJson(QJsonDocument::Compact)
            << "\n";
    } else if (measured) {
        const QString mode = options.rate > 0 ? QStringLiteral("open loop at %1 requests/s").arg(options.rate)
                                              : QStringLiteral("closed loop");
        out << "Target          " << options.url << "\n"
            << "Load            " << mode << ", " << options.connections << " connections, " << options.threads
            << " thread(s)\n"
            << "Measured        " << QString::number(result.durationS, 'f', 2) << " s after "
            << QString::number(options.warmupS, 'f', 2) << " s warm-up\n"
            << "Requests/s      " << QString::number(result.requestsPerSec(), 'f', 1) << "   (" << result.completed
            << " completed, " << result.sent << " sent)\n";
        printLatency(out, result.latency);
        out << "Errors          " << errorsText(result.errors) << "\n"
            << "Generator CPU   " << QString::number(cpuFraction(result.generatorCpuNs, result.durationS), 'f', 2)
            << " of one core\n";
    }
    out.flush();
    if (!result.error.isEmpty()) {
        err << "showdown loadgen: " << result.error << "\n";
        return Failure;
    }
    return Success;
}

int reportChat(const ChatOptions &options, const ChatResult &result, bool json, QTextStream &out, QTextStream &err)
{
    const bool measured = result.durationS > 0;
    if (measured && json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("delivered_per_sec"), result.deliveredPerSec()},
                                         {QStringLiteral("latency_ns"), latencyJson(result.latency)},
                                         {QStringLiteral("errors"), errorsJson(result.errors)},
                                         {QStringLiteral("generator_cpu"), cpuFraction(result.generatorCpuNs, result.durationS)},
                                         {QStringLiteral("generator_cpu_ns"), result.generatorCpuNs},
                                         {QStringLiteral("sent"), result.sent},
                                         {QStringLiteral("delivered"), result.delivered},
                                         {QStringLiteral("expected_deliveries"), result.expectedDeliveries},
                                         {QStringLiteral("duration_s"), result.durationS},
                                         {QStringLiteral("clients"), options.clients},
                                         {QStringLiteral("rate"), options.messagesPerSecond}})
                   .toJson(QJsonDocument::Compact)
            << "\n";
    } else if (measured) {
        out << "Target          " << options.url << "\n"
            << "Room            " << options.clients << " clients, " << options.messagesPerSecond
            << " messages/s in total, " << options.payloadBytes << "-byte messages\n"
            << "Measured        " << QString::number(result.durationS, 'f', 2) << " s after "
            << QString::number(options.warmupS, 'f', 2) << " s warm-up\n"
            << "Delivered/s     " << QString::number(result.deliveredPerSec(), 'f', 1) << "   (" << result.delivered
            << " of " << result.expectedDeliveries << " expected, " << result.sent << " messages sent)\n";
        printLatency(out, result.latency);
        out << "Errors          " << errorsText(result.errors) << "\n"
            << "Generator CPU   " << QString::number(cpuFraction(result.generatorCpuNs, result.durationS), 'f', 2)
            << " of one core\n";
    }
    out.flush();
    if (!result.error.isEmpty()) {
        err << "showdown loadgen: " << result.error << "\n";
        return Failure;
    }
    return Success;
}

/// One capacity step as a JSON object: what was offered, what came back, and the objective's decision.
QJsonObject capacityStepJson(const LoadPoint &step, const LatencyObjective &objective)
{
    QString ignored;
    const std::optional<LatencyHistogram> latency = LatencyHistogram::fromJson(step.latency, &ignored);
    const QString miss = objective.missReason(step);
    return QJsonObject{{QStringLiteral("rate"), step.rate},
                       {QStringLiteral("achieved_per_sec"), step.throughput()},
                       {QStringLiteral("completed"), step.completed},
                       {QStringLiteral("sent"), step.sent},
                       {QStringLiteral("duration_s"), step.durationS},
                       {QStringLiteral("latency_ns"), latencyJson(latency.value_or(LatencyHistogram()))},
                       {QStringLiteral("errors"), step.errors},
                       {QStringLiteral("error"), step.error},
                       {QStringLiteral("met"), miss.isEmpty()},
                       {QStringLiteral("miss_reason"), miss}};
}

/// `loadgen --capacity`: the suite's capacity search (CapacitySearch) against any loopback URL, each step
/// printed as it ends. Exit 0 with a capacity, 1 when no step met the objective or the search was stopped.
int runCapacity(const LoadRequest &base, const QString &kind, const LatencyObjective &objective, const CapacityPlan &plan, bool json,
                QTextStream &out, QTextStream &err)
{
    const bool chat = kind == QLatin1String("chat");
    const QString unit = chat ? QStringLiteral("messages/s") : QStringLiteral("requests/s");
    CapacitySearch search(objective, plan);
    int index = 0;  // steps printed so far
    if (!json) {
        out << "Target          " << base.url << "\n"
            << "Objective       p99 at or under " << objective.p99Ms << " ms, no errors, at least "
            << LatencyObjective::kMinDeliveredShare * 100 << "% of the offered " << (chat ? "deliveries" : "requests") << " completed\n"
            << "Search          open loop, " << base.connections << (chat ? " clients" : " connections") << ", " << plan.stepS
            << " s steps after " << plan.warmupS << " s warm-up, from " << plan.startRate << " " << unit << ", to within "
            << plan.precision * 100 << "%, at most " << plan.maxSteps << " steps\n"
            << "Step  Rate " << unit.leftJustified(12) << (chat ? " Delivered/s   p99           Result\n" : " Achieved/s    p99           Result\n");
        out.flush();
        search.setStepObserver([&](const LoadPoint &step, bool met) {
            QString ignored;
            const std::optional<LatencyHistogram> latency = LatencyHistogram::fromJson(step.latency, &ignored);
            const QString p99 = latency && latency->count() > 0 ? milliseconds(latency->percentile(99)) : QStringLiteral("none");
            out << QString::number(++index).leftJustified(6) << QString::number(step.rate, 'f', 1).leftJustified(18)
                << QString::number(step.throughput(), 'f', 1).leftJustified(14) << p99.leftJustified(14)
                << (met ? QStringLiteral("met") : QStringLiteral("missed: ") + objective.missReason(step)) << "\n";
            out.flush();
        });
    }
    AsioLoadDriver driver;
    CapacityOutcome outcome;
    bool stopped = false;
    {
        InterruptWatcher stopOnSignal;
        outcome = search.run(driver, base, kind, chat ? QStringLiteral("/chat") : QString(), stopOnSignal.token());
        stopped = stopOnSignal.token().stop_requested();
    }
    const bool converged = outcome.converged(plan);
    if (json) {
        QJsonArray steps;
        for (const LoadPoint &step : std::as_const(outcome.steps))
            steps.append(capacityStepJson(step, objective));
        out << QJsonDocument(QJsonObject{{QStringLiteral("capacity"), outcome.capacity},
                                         {QStringLiteral("unit"), unit},
                                         {QStringLiteral("first_miss"), outcome.firstMiss},
                                         {QStringLiteral("converged"), converged},
                                         {QStringLiteral("slo_p99_ms"), objective.p99Ms},
                                         {QStringLiteral("connections"), base.connections},
                                         {QStringLiteral("step_duration_s"), plan.stepS},
                                         {QStringLiteral("warmup_s"), plan.warmupS},
                                         {QStringLiteral("precision"), plan.precision},
                                         {QStringLiteral("steps"), steps}})
                   .toJson(QJsonDocument::Compact)
            << "\n";
    } else if (outcome.capacity > 0) {
        out << "Capacity        " << QString::number(outcome.capacity, 'f', 1) << " " << unit;
        if (converged)
            out << " (within " << plan.precision * 100 << "%: " << QString::number(outcome.firstMiss, 'f', 1) << " missed)\n";
        else if (outcome.firstMiss > 0)
            out << " (not narrowed to " << plan.precision * 100 << "% in " << plan.maxSteps << " steps: "
                << QString::number(outcome.firstMiss, 'f', 1) << " missed)\n";
        else
            out << " (at least: no step missed in " << plan.maxSteps << " steps)\n";
    }
    out.flush();
    if (stopped) {
        err << "showdown loadgen: stopped after " << outcome.steps.size() << " steps\n";
        return Failure;
    }
    if (outcome.capacity <= 0) {
        err << "showdown loadgen: no step met the objective (lowest rate tried "
            << QString::number(outcome.firstMiss, 'f', 1) << " " << unit
            << "); check that the URL answers, or loosen --slo-p99 or lower --start-rate\n";
        return Failure;
    }
    return Success;
}

} // namespace

int loadgenVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Loads a server on this machine and reports throughput, latency percentiles, errors and the generator's own CPU.\n"
        "HTTP:  showdown loadgen --url http://127.0.0.1:PORT/plaintext --connections N --duration S\n"
        "Chat:  showdown loadgen --chat --url ws://127.0.0.1:PORT/chat --clients N --rate MSGS_PER_S --duration S\n"
        "Capacity: showdown loadgen --url URL --capacity --slo-p99 MS [--connections N] [--step-duration S]\n"
        "  finds the highest constant rate whose p99 stays at or under MS with no errors (open-loop steps: doubling, then bisecting).\n"
        "Only loopback targets (127.0.0.0/8, ::1, localhost) are accepted. Ctrl-C stops and prints the phase so far."));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Target URL (http:// or, with --chat, ws://)."), QStringLiteral("URL"));
    const QCommandLineOption connections(QStringLiteral("connections"), QStringLiteral("Keep-alive connections (HTTP; default 1)."), QStringLiteral("N"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Measured seconds (default 5)."), QStringLiteral("S"));
    const QCommandLineOption warmup(QStringLiteral("warmup"), QStringLiteral("Seconds of load before measuring (default 0; chat 1)."), QStringLiteral("S"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("HTTP: open loop at R requests/s in total (default: closed loop). Chat: messages/s in total (default 100)."),
                                  QStringLiteral("R"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Generator threads (HTTP; default 1)."), QStringLiteral("T"));
    const QCommandLineOption expectBody(QStringLiteral("expect-body"), QStringLiteral("Every 2xx body must equal TEXT (HTTP)."), QStringLiteral("TEXT"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Per-request (chat: connect) timeout in ms (default 5000)."), QStringLiteral("MS"));
    const QCommandLineOption chat(QStringLiteral("chat"), QStringLiteral("Load a WebSocket chat room instead of an HTTP endpoint."));
    const QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("Chat clients (default 100)."), QStringLiteral("N"));
    const QCommandLineOption payload(QStringLiteral("payload"), QStringLiteral("Chat message size in bytes (default 64)."), QStringLiteral("BYTES"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("One JSON object on stdout."));
    const QCommandLineOption capacity(QStringLiteral("capacity"),
                                      QStringLiteral("Search the highest constant rate that keeps --slo-p99 (default 64 connections, 100 chat clients)."));
    const QCommandLineOption sloP99(QStringLiteral("slo-p99"), QStringLiteral("Capacity: the p99 objective in milliseconds."), QStringLiteral("MS"));
    const QCommandLineOption stepDuration(QStringLiteral("step-duration"), QStringLiteral("Capacity: measured seconds per step (default 2)."), QStringLiteral("S"));
    const QCommandLineOption startRate(QStringLiteral("start-rate"),
                                       QStringLiteral("Capacity: first step's rate (default 1000 requests/s; chat 100 messages/s)."), QStringLiteral("R"));
    const QCommandLineOption precision(QStringLiteral("precision"), QStringLiteral("Capacity: bisect until the gap is this share of the rate (default 0.05)."), QStringLiteral("P"));
    const QCommandLineOption maxSteps(QStringLiteral("max-steps"), QStringLiteral("Capacity: steps at most (default 12)."), QStringLiteral("N"));
    parser.addOptions({url, connections, duration, warmup, rate, threads, expectBody, timeout, chat, clients, payload, json, capacity, sloP99,
                       stepDuration, startRate, precision, maxSteps});

    if (!parser.parse(QStringList{QStringLiteral("showdown loadgen")} + arguments)) {
        err << "showdown loadgen: " << parser.errorText() << "\n";
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the executable in the usage line; the verb belongs there too.
        QString help = parser.helpText();
        help.replace(0, help.indexOf(QLatin1Char('\n')), QStringLiteral("Usage: showdown loadgen [options]"));
        out << help;
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "showdown loadgen: unexpected argument \"" << parser.positionalArguments().first() << "\"\n";
        return Usage;
    }
    if (!parser.isSet(url)) {
        err << "showdown loadgen: --url is required\n";
        return Usage;
    }
    const bool isChat = parser.isSet(chat);
    if (parser.isSet(capacity)) {
        // The search chooses each step's rate and length; options that would fight it are refused.
        for (const QString &name : {QStringLiteral("rate"), QStringLiteral("duration"), QStringLiteral("threads"), QStringLiteral("timeout"),
                                    QStringLiteral("payload")}) {
            if (parser.isSet(name)) {
                err << "showdown loadgen: --" << name << " does not apply to --capacity (each step's rate and length are the search's; "
                    << "use --start-rate and --step-duration)\n";
                return Usage;
            }
        }
        if (!parser.isSet(sloP99)) {
            err << "showdown loadgen: --capacity needs --slo-p99 MS, the p99 objective to search against\n";
            return Usage;
        }
        if ((isChat && parser.isSet(connections)) || (!isChat && parser.isSet(clients))) {
            err << "showdown loadgen: --" << (isChat ? "connections is for HTTP; a chat room takes --clients\n" : "clients is only for --chat\n");
            return Usage;
        }
        LatencyObjective objective;
        CapacityPlan plan;
        plan.stepS = 2;
        plan.warmupS = 0.5;
        plan.maxSteps = 12;
        plan.startRate = isChat ? 100 : 1000;
        LoadRequest base;
        base.url = parser.value(url);
        base.connections = isChat ? 100 : 64;
        base.expectedBody = parser.value(expectBody).toUtf8();
        if (!readNumber(parser, sloP99.names().first(), 1e-3, &objective.p99Ms, err)
            || !readNumber(parser, stepDuration.names().first(), 1e-2, &plan.stepS, err)
            || !readNumber(parser, warmup.names().first(), 0, &plan.warmupS, err)
            || !readNumber(parser, startRate.names().first(), 1e-3, &plan.startRate, err)
            || !readNumber(parser, precision.names().first(), 1e-3, &plan.precision, err)
            || !readCount(parser, maxSteps.names().first(), 2, &plan.maxSteps, err)
            || !readCount(parser, (isChat ? clients : connections).names().first(), 1, &base.connections, err))
            return Usage;
        if (plan.precision >= 1) {
            err << "showdown loadgen: --precision needs a share below 1 (0.05 is 5%), not \"" << parser.value(precision) << "\"\n";
            return Usage;
        }
        // The target is checked once here, so a typo is a usage error rather than a search of failed steps.
        QString urlError;
        if (!LoopbackUrl::parse(base.url, isChat ? QStringLiteral("ws") : QStringLiteral("http"), &urlError)) {
            err << "showdown loadgen: " << urlError << "\n";
            return Usage;
        }
        return runCapacity(base, isChat ? QStringLiteral("chat") : QStringLiteral("http"), objective, plan, parser.isSet(json), out, err);
    }
    for (const QString &name : {QStringLiteral("slo-p99"), QStringLiteral("step-duration"), QStringLiteral("start-rate"),
                                QStringLiteral("precision"), QStringLiteral("max-steps")}) {
        if (parser.isSet(name)) {
            err << "showdown loadgen: --" << name << " is only for --capacity\n";
            return Usage;
        }
    }
    const QStringList wrongMode = isChat ? QStringList{QStringLiteral("connections"), QStringLiteral("threads"), QStringLiteral("expect-body")}
                                         : QStringList{QStringLiteral("clients"), QStringLiteral("payload")};
    for (const QString &name : wrongMode) {
        if (parser.isSet(name)) {
            err << "showdown loadgen: --" << name << (isChat ? " is for HTTP, not --chat\n" : " is only for --chat\n");
            return Usage;
        }
    }

    if (isChat) {
        ChatOptions options;
        options.url = parser.value(url);
        if (!readCount(parser, clients.names().first(), 1, &options.clients, err)
            || !readNumber(parser, rate.names().first(), 1e-9, &options.messagesPerSecond, err)
            || !readNumber(parser, duration.names().first(), 1e-3, &options.durationS, err)
            || !readNumber(parser, warmup.names().first(), 0, &options.warmupS, err)
            || !readCount(parser, payload.names().first(), 0, &options.payloadBytes, err)
            || !readCount(parser, timeout.names().first(), 1, &options.timeoutMs, err))
            return Usage;
        ChatResult result;
        {
            InterruptWatcher stopOnSignal;
            result = ChatLoad::run(options, stopOnSignal.token());
        }
        return reportChat(options, result, parser.isSet(json), out, err);
    }

    LoadOptions options;
    options.url = parser.value(url);
    options.expectedBody = parser.value(expectBody).toUtf8();
    if (!readCount(parser, connections.names().first(), 1, &options.connections, err)
        || !readNumber(parser, duration.names().first(), 1e-3, &options.durationS, err)
        || !readNumber(parser, warmup.names().first(), 0, &options.warmupS, err)
        || !readNumber(parser, rate.names().first(), 0, &options.rate, err)
        || !readCount(parser, threads.names().first(), 1, &options.threads, err)
        || !readCount(parser, timeout.names().first(), 1, &options.timeoutMs, err))
        return Usage;
    LoadResult result;
    {
        InterruptWatcher stopOnSignal;
        result = LoadGenerator::run(options, stopOnSignal.token());
    }
    return reportHttp(options, result, parser.isSet(json), out, err);
}

} // namespace showdown
