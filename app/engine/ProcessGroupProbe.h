#pragma once

#include <QtGlobal>

namespace showdown {

/// CPU time and memory of every process in a process group, read from /proc. A server may be several
/// processes (cluster workers, pre-forked children); they are summed so one- and many-process servers
/// are compared fairly. Memory is PSS, so pages the workers share are counted once overall.
struct ProcessGroupUsage {
    qint64 cpuNs = 0;   ///< user + system time of the live processes
    qint64 pssKb = 0;   ///< proportional set size, summed
    int processes = 0;  ///< how many were found
};

class ProcessGroupProbe {
public:
    /// Every process whose group is `pgid`, except the one whose pid is `excludePid` (Showdown's exec helper).
    [[nodiscard]] static ProcessGroupUsage read(qint64 pgid, qint64 excludePid);
};

} // namespace showdown
