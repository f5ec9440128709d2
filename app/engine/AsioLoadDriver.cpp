#include "AsioLoadDriver.h"

#include "ChatLoad.h"
#include "IdleConnections.h"
#include "LoadGenerator.h"

namespace showdown {
namespace {

QJsonObject errorObject(const QMap<QString, qint64> &errors)
{
    QJsonObject object;
    for (auto it = errors.begin(); it != errors.end(); ++it) {
        if (it.value() > 0)
            object.insert(it.key(), it.value());
    }
    return object;
}

/// The fields HTTP and chat results share; `completed` is what counts as done for each (responses, deliveries).
template <typename Result>
LoadPoint pointFrom(const Result &result, qint64 completed)
{
    LoadPoint point;
    point.durationS = result.durationS;
    point.completed = completed;
    point.sent = result.sent;
    point.errors = errorObject(result.errors);
    point.latency = result.latency.toJson();
    point.generatorCpuNs = result.generatorCpuNs;
    point.error = result.error;
    return point;
}

} // namespace

LoadPoint AsioLoadDriver::http(const LoadRequest &request, std::stop_token stop)
{
    LoadOptions options;
    options.url = request.url;
    options.connections = request.connections;
    options.durationS = request.durationS;
    options.rate = request.rate;
    options.expectedBody = request.expectedBody;
    options.request = request.request;
    options.warmupS = request.warmupS;
    options.onMeasureStart = request.onMeasureStart;
    options.onMeasureEnd = request.onMeasureEnd;
    const LoadResult result = LoadGenerator::run(options, std::move(stop));
    return pointFrom(result, result.completed);
}

LoadPoint AsioLoadDriver::chat(const LoadRequest &request, std::stop_token stop)
{
    ChatOptions options;
    options.url = request.url;
    options.clients = request.connections;
    options.messagesPerSecond = request.rate;
    options.durationS = request.durationS;
    options.warmupS = request.warmupS;
    options.onMeasureStart = request.onMeasureStart;
    options.onMeasureEnd = request.onMeasureEnd;
    const ChatResult result = ChatLoad::run(options, std::move(stop));
    return pointFrom(result, result.delivered);
}

LoadPoint AsioLoadDriver::idle(const LoadRequest &request, const std::function<void(LoadPoint &)> &whileHeld, std::stop_token stop)
{
    LoadPoint point;
    IdleConnections connections;
    QString error;
    const bool opened = connections.open(request.url, request.connections, request.expectedBody, &error);
    point.completed = connections.openCount();
    point.sent = request.connections;
    if (!opened)
        point.error = error;
    else if (!stop.stop_requested())
        whileHeld(point);
    point.durationS = request.durationS;
    // Connections the server dropped while they were held count too.
    point.errors = errorObject(connections.errors());
    connections.close();
    return point;
}

} // namespace showdown
