#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown loadgen`: the built-in load generator on its own, to load any local server by hand and to
/// compare the generator against wrk (tests/perf/loadgen_vs_wrk.sh). HTTP by default, a chat room with --chat.
/// Exit codes: 0 measured, 1 the run failed or was stopped, 2 usage error.
[[nodiscard]] int loadgenVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace showdown
