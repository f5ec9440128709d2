// showdown-exec: starts one program and reports how it ended.
//
// Why a helper: ru_maxrss of a forked child starts at the parent's resident size, so a GUI holding a big
// heap would inflate every benchmark's peak RSS. This program is small, so forking from it costs the child
// nothing, and it measures wall time and rusage with wait4() itself.
//
// Usage: showdown-exec [--warmup-starts N] [--stdout-file CAP] PROGRAM [ARG...]
// PROGRAM is executed as given (no PATH search, no shell). Both options exist so that a start-up time is
// measured as hyperfine measures it:
//   --warmup-starts N  PROGRAM is first started N times unmeasured (output discarded, outcome ignored), right
//                      before the measured start, as hyperfine's --warmup: the measured start then finds the
//                      caches as the same program's previous start left them, not as whatever ran before it
//                      (the other runtime, in an interleaved run).
//   --stdout-file CAP  the measured start writes its stdout to a memory file (as hyperfine's /dev/null, not a
//                      pipe: Node.js builds a costlier stream for a pipe), copied to our stdout once it has
//                      ended; writes beyond CAP bytes fail.
// Once the measured start has ended, one line is written to stderr:
//   @showdown-exec {"exec_errno":0,"exited":1,"exit_code":0,"signal":0,"wall_ns":...,"user_us":...,
//                   "sys_us":...,"maxrss_kb":...}
// It is always the last line on stderr, so the harness reads it from the stderr tail.
//
// Signals: PROGRAM starts with nothing blocked and every disposition at its default, whatever this helper
// inherited. A SIGTERM sent to the helper is passed on to PROGRAM (the harness stops servers that way, with
// the whole process group killed after a grace period), and the helper still reports how PROGRAM ended.

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <algorithm>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ChildSignals.h"

namespace {

// The program being run, for the SIGTERM handler; SIGTERM is unblocked only while it is set.
volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_terminated = 0;

void forwardTerm(int signal)
{
    const int savedErrno = errno;
    g_terminated = 1;
    if (g_child > 0)
        ::kill(pid_t(g_child), signal);
    errno = savedErrno;
}

long long nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

long long microseconds(const timeval &tv)
{
    return static_cast<long long>(tv.tv_sec) * 1000000LL + tv.tv_usec;
}

/// One start of the program: how it ended and what it cost, measured from fork to reaping.
struct Start {
    int status = 0;
    rusage usage{};
    long long wallNs = 0;
    int execErrno = 0;
    const char *failedCall = nullptr;  ///< set when the helper itself could not do its part
    int failedErrno = 0;
};

/// Forks and execs argv, then waits for it; SIGTERM reaching the helper meanwhile goes to the program.
/// `quiet` sends its stdout and stderr to /dev/null (a warm-up start's output is not the result).
/// `stdoutFd`, when not -1, becomes the program's stdout.
Start runOnce(char **argv, bool quiet, int stdoutFd)
{
    Start result;
    // A close-on-exec pipe tells us whether exec itself failed (missing file, not executable, ...).
    int errorPipe[2];
    if (pipe2(errorPipe, O_CLOEXEC) != 0) {
        result.failedCall = "pipe2";
        result.failedErrno = errno;
        return result;
    }
    const int devNull = quiet ? open("/dev/null", O_WRONLY | O_CLOEXEC) : -1;
    const pid_t helper = getpid();
    const long long start = nowNs();
    const pid_t child = fork();
    if (child < 0) {
        result.failedCall = "fork";
        result.failedErrno = errno;
        return result;
    }
    if (child == 0) {
        close(errorPipe[0]);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != helper)
            _exit(127);
        if (devNull >= 0) {
            dup2(devNull, STDOUT_FILENO);
            dup2(devNull, STDERR_FILENO);
        }
        if (stdoutFd >= 0)
            dup2(stdoutFd, STDOUT_FILENO);
        // The forwarding handler is the helper's, not the program's (exec would reset it too, but a SIGTERM
        // that arrived before exec must kill, not vanish).
        signal(SIGTERM, SIG_DFL);
        showdown::ChildSignals::unblockAll();
        execv(argv[0], argv);
        const int error = errno;
        (void)!write(errorPipe[1], &error, sizeof error);
        _exit(127);
    }
    close(errorPipe[1]);
    if (devNull >= 0)
        close(devNull);
    g_child = child;
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigprocmask(SIG_UNBLOCK, &term, nullptr);

    pid_t reaped;
    do {
        reaped = wait4(child, &result.status, 0, &result.usage);
    } while (reaped < 0 && errno == EINTR);
    result.wallNs = nowNs() - start;
    if (reaped < 0) {
        result.failedCall = "wait4";
        result.failedErrno = errno;
    }
    sigprocmask(SIG_BLOCK, &term, nullptr);
    g_child = 0;
    if (read(errorPipe[0], &result.execErrno, sizeof result.execErrno) != static_cast<ssize_t>(sizeof result.execErrno))
        result.execErrno = 0;
    close(errorPipe[0]);
    return result;
}

/// A memory file for the program's stdout that cannot grow beyond `cap` bytes, so a flood cannot eat memory.
int stdoutFile(long long cap)
{
    const int fd = memfd_create("showdown-stdout", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0 || ftruncate(fd, off_t(cap)) != 0 || fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK) != 0)
        return -1;
    return fd;
}

/// Copies what the program wrote (up to its file offset, which it shares with us) to our stdout.
bool copyStdout(int fd)
{
    const off_t written = lseek(fd, 0, SEEK_CUR);
    if (written < 0)
        return false;
    char buffer[65536];
    for (off_t at = 0; at < written;) {
        const ssize_t got = pread(fd, buffer, size_t(std::min<off_t>(off_t(sizeof buffer), written - at)), at);
        if (got <= 0)
            return false;
        for (ssize_t sent = 0; sent < got;) {
            const ssize_t n = write(STDOUT_FILENO, buffer + sent, size_t(got - sent));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            sent += n;
        }
        at += got;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    long long warmupStarts = 0;
    long long stdoutCap = -1;
    int first = 1;
    // Options come before PROGRAM, which is an absolute path and so never starts with "--".
    while (first + 1 < argc && std::strncmp(argv[first], "--", 2) == 0) {
        const bool warmup = std::strcmp(argv[first], "--warmup-starts") == 0;
        if (!warmup && std::strcmp(argv[first], "--stdout-file") != 0)
            break;
        char *end = nullptr;
        const long long value = std::strtoll(argv[first + 1], &end, 10);
        if (*argv[first + 1] == '\0' || *end != '\0' || value < 0 || (warmup && value > 100)) {
            std::fprintf(stderr, "showdown-exec: %s needs a whole number%s\n", argv[first], warmup ? " up to 100" : "");
            return 2;
        }
        (warmup ? warmupStarts : stdoutCap) = value;
        first += 2;
    }
    if (argc <= first || std::strncmp(argv[first], "--", 2) == 0) {
        std::fprintf(stderr, "usage: showdown-exec [--warmup-starts N] [--stdout-file CAP] PROGRAM [ARG...]\n");
        return 2;
    }
    // If the harness dies, nothing it started may live on.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // Before any clock starts: every child then inherits clean dispositions and needs little work of its own.
    showdown::ChildSignals::reset();
    struct sigaction forward {};
    forward.sa_handler = forwardTerm;
    forward.sa_flags = SA_RESTART;
    sigemptyset(&forward.sa_mask);
    sigaction(SIGTERM, &forward, nullptr);
    // Blocked except while a child runs, so that a SIGTERM is always forwarded to one rather than lost.
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigprocmask(SIG_BLOCK, &term, nullptr);

    for (int i = 0; i < warmupStarts && !g_terminated; ++i)
        (void)runOnce(argv + first, true, -1);
    if (g_terminated) {
        // Stopped during the warm-up: end as the harness asked, without starting the measured run.
        signal(SIGTERM, SIG_DFL);
        raise(SIGTERM);
        showdown::ChildSignals::unblockAll();
        return 4;
    }

    const int outputFile = stdoutCap >= 0 ? stdoutFile(stdoutCap) : -1;
    if (stdoutCap >= 0 && outputFile < 0) {
        std::fprintf(stderr, "showdown-exec: cannot create a memory file for stdout: %s\n", std::strerror(errno));
        return 3;
    }
    const Start measured = runOnce(argv + first, false, outputFile);
    if (outputFile >= 0 && !copyStdout(outputFile)) {
        std::fprintf(stderr, "showdown-exec: cannot pass on the program's stdout: %s\n", std::strerror(errno));
        return 3;
    }
    if (measured.failedCall) {
        std::fprintf(stderr, "showdown-exec: %s: %s\n", measured.failedCall, std::strerror(measured.failedErrno));
        return 3;
    }
    const int status = measured.status;
    std::fprintf(stderr,
                 "\n@showdown-exec {\"exec_errno\":%d,\"exited\":%d,\"exit_code\":%d,\"signal\":%d,"
                 "\"wall_ns\":%lld,\"user_us\":%lld,\"sys_us\":%lld,\"maxrss_kb\":%ld}\n",
                 measured.execErrno, WIFEXITED(status) ? 1 : 0, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                 WIFSIGNALED(status) ? WTERMSIG(status) : 0, measured.wallNs, microseconds(measured.usage.ru_utime),
                 microseconds(measured.usage.ru_stime), measured.usage.ru_maxrss);
    return 0;
}
