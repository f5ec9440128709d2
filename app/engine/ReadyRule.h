#pragma once

#include <QRegularExpression>
#include <QString>

namespace showdown {

/// How a user's server says it is listening (USER_BENCHMARKS.md "ready"): a user server speaks no PROTOCOL.md
/// ready line, so the check and the run wait for this instead.
struct ReadyRule {
    enum class Kind { StdoutLine, Url };
    Kind kind = Kind::StdoutLine;
    QRegularExpression pattern;  ///< StdoutLine: matched against each complete stdout line
    QString path;                ///< Url: a path on 127.0.0.1:{port} that answers with any HTTP response
};

} // namespace showdown
