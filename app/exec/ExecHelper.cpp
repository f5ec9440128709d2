// showdown-exec: starts one program and reports how it ended.
//
// Why a helper: ru_maxrss of a forked child starts at the parent's resident size, so a GUI holding a big
// heap would inflate every benchmark's peak RSS. This program is small, so forking from it costs the child
// nothing, and it measures wall time and rusage with wait4() itself.
//
// Usage: showdown-exec PROGRAM [ARG...]
// PROGRAM is executed as given (no PATH search, no shell). Once it has ended, one line is written to stderr:
//   @showdown-exec {"exec_errno":0,"exited":1,"exit_code":0,"signal":0,"wall_ns":...,"user_us":...,
//                   "sys_us":...,"maxrss_kb":...}
// It is always the last line on stderr, so the harness reads it from the stderr tail.

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

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

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: showdown-exec PROGRAM [ARG...]\n");
        return 2;
    }
    // If the harness dies, nothing it started may live on.
    prctl(PR_SET_PDEATHSIG, SIGKILL);

    // A close-on-exec pipe tells us whether exec itself failed (missing file, not executable, ...).
    int errorPipe[2];
    if (pipe2(errorPipe, O_CLOEXEC) != 0) {
        std::perror("showdown-exec: pipe2");
        return 3;
    }

    const pid_t helper = getpid();
    const long long start = nowNs();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("showdown-exec: fork");
        return 3;
    }
    if (child == 0) {
        close(errorPipe[0]);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != helper)
            _exit(127);
        execv(argv[1], argv + 1);
        const int error = errno;
        (void)!write(errorPipe[1], &error, sizeof error);
        _exit(127);
    }
    close(errorPipe[1]);

    int status = 0;
    rusage usage{};
    pid_t reaped;
    do {
        reaped = wait4(child, &status, 0, &usage);
    } while (reaped < 0 && errno == EINTR);
    const long long wall = nowNs() - start;
    if (reaped < 0) {
        std::perror("showdown-exec: wait4");
        return 3;
    }

    int execErrno = 0;
    if (read(errorPipe[0], &execErrno, sizeof execErrno) != static_cast<ssize_t>(sizeof execErrno))
        execErrno = 0;

    std::fprintf(stderr,
                 "\n@showdown-exec {\"exec_errno\":%d,\"exited\":%d,\"exit_code\":%d,\"signal\":%d,"
                 "\"wall_ns\":%lld,\"user_us\":%lld,\"sys_us\":%lld,\"maxrss_kb\":%ld}\n",
                 execErrno, WIFEXITED(status) ? 1 : 0, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                 WIFSIGNALED(status) ? WTERMSIG(status) : 0, wall, microseconds(usage.ru_utime),
                 microseconds(usage.ru_stime), usage.ru_maxrss);
    return 0;
}
