// pss_peak: runs a command and measures its wall time, or the peak proportional set size (PSS)
// of its whole process tree, for deploy/bench-vs-chromium.sh (docs/performance.md).
//
//   pss_peak --time [--timeout-s N] -- COMMAND [ARGS...]
//   pss_peak --pss [--interval-ms N] [--always-read] [--timeout-s N] -- COMMAND [ARGS...]
//
// Prints one JSON object on stdout. Both modes: wall_ms (fork to the command's exit), cpu_ms
// (user + system CPU of the command and of the descendants that it or this program waited
// for), exit_code. --pss adds peak_pss_mb (the largest sum over the tree in one sample),
// processes_at_peak, max_processes, samples, pss_reads, interval_ms and sampler_cpu_ms (what
// the sampling itself cost). The command's own stdout and stderr both go to stderr.
//
// Time and memory are measured in separate runs because sampling disturbs what it measures:
// reading /proc/PID/smaps_rollup walks the process's page tables under its mmap lock (1-2 ms for
// the kiosk, 8-9 ms for Chromium's ten processes on the 2-core VM), and sampling Chromium
// every 5 ms made it about a second slower. --time only waits; its wall time has no sampling
// in it.
//
// PSS, unlike RSS, charges each shared page (fonts, libraries, a browser's shared memory) in
// equal parts to the processes mapping it, so the sum over Chromium's browser, zygotes,
// renderer, GPU and utility processes counts every page once. Linux keeps a high-water mark
// for RSS only, so PSS is sampled. Every --interval-ms (default 5) the sampler reads the cheap
// RSS counters of /proc/PID/statm, and reads smaps_rollup of every process in the tree only when
// the tree's RSS has grown by 1 MB or more since the last such read, when the tree gained a
// process, or 250 ms after the last read (--always-read: at every sample). PSS grows only when
// resident pages do, so a peak is caught within one interval, as by reading every time, at a
// fraction of the cost.
//
// The tree is the command's session (it runs under setsid()) plus every descendant of it, by
// parent pid, in case a child starts a session of its own; the sampler is a child subreaper, so
// orphans stay in the tree as its children. Listing /proc costs about 0.2 ms, so it is listed
// every 20 ms (a process found up to 20 ms late has only just started), and stat files are
// read only for new pids and for those whose parent has gone. When the command exits,
// whatever is left of its tree is killed (SIGKILL) and reaped, as on timeout (default 300 s,
// exit 124) or SIGINT/SIGTERM.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/strict_number.h"

#include <algorithm>
#include <climits>
#include <limits>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

volatile sig_atomic_t g_stop_signal = 0;

volatile sig_atomic_t g_alarm = 0;

// SIGCHLD and SIGALRM only cut a sleep or wait short; SIGINT and SIGTERM stop the run.
void on_signal(int sig) {
    if (sig == SIGINT || sig == SIGTERM) g_stop_signal = sig;
    if (sig == SIGALRM) g_alarm = 1;
}

struct ProcInfo {
    pid_t ppid = 0;
    pid_t sid = 0;
};

bool read_small_file(const std::string& path, std::string* out) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    out->clear();
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        out->append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return !out->empty();
}

// Parent pid and session id from /proc/PID/stat; the command name may hold spaces and ')'.
bool read_proc_info(pid_t pid, ProcInfo* out) {
    std::string stat;
    if (!read_small_file("/proc/" + std::to_string(pid) + "/stat", &stat)) return false;
    size_t close = stat.rfind(')');
    if (close == std::string::npos) return false;
    char state = 0;
    int ppid = 0, pgrp = 0, sid = 0;
    if (std::sscanf(stat.c_str() + close + 1, " %c %d %d %d", &state, &ppid, &pgrp, &sid) != 4) return false;
    out->ppid = ppid;
    out->sid = sid;
    return true;
}

// PSS in kB, or -1 if the process is gone (or a zombie, which has no smaps).
long read_pss_kb(pid_t pid) {
    std::string rollup;
    if (!read_small_file("/proc/" + std::to_string(pid) + "/smaps_rollup", &rollup)) return -1;
    size_t at = rollup.find("\nPss:");
    if (at == std::string::npos) return -1;
    // "\nPss:   1234 kB"
    const size_t digits = rollup.find_first_not_of(' ', at + 5);
    const size_t unit = rollup.find(" kB", at);
    long kb = -1;
    if (digits == std::string::npos || unit == std::string::npos || unit < digits ||
        !kiosk::core::parse_integer(std::string_view(rollup).substr(digits, unit - digits), 0L, LONG_MAX, &kb))
        return -1;
    return kb;
}

// Resident pages (the second field of /proc/PID/statm), or -1 if the process is gone.
long read_resident_pages(pid_t pid) {
    std::string statm;
    if (!read_small_file("/proc/" + std::to_string(pid) + "/statm", &statm)) return -1;
    long size = 0, resident = 0;
    if (std::sscanf(statm.c_str(), "%ld %ld", &size, &resident) != 2) return -1;
    return resident;
}

std::vector<pid_t> list_pids() {
    std::vector<pid_t> pids;
    DIR* dir = ::opendir("/proc");
    if (!dir) return pids;
    while (dirent* entry = ::readdir(dir)) {
        pid_t pid = 0;
        if (kiosk::core::parse_integer(entry->d_name, pid_t{1}, std::numeric_limits<pid_t>::max(), &pid))
            pids.push_back(pid);
    }
    ::closedir(dir);
    return pids;
}

// The processes of the command's tree, as of now.
class TreeTracker {
public:
    explicit TreeTracker(pid_t root) : root_(root), self_(::getpid()) {}

    // Lists /proc again and returns the tree.
    std::vector<pid_t> rescan() {
        std::vector<pid_t> alive = list_pids();
        std::set<pid_t> alive_set(alive.begin(), alive.end());
        for (auto it = known_.begin(); it != known_.end();)
            it = alive_set.count(it->first) ? std::next(it) : known_.erase(it);
        for (pid_t pid : alive) {
            // A pid seen before is read again only when its parent has gone: it has been
            // reparented (to this subreaper, if it belongs to the tree).
            auto it = known_.find(pid);
            if (it != known_.end() && alive_set.count(it->second.ppid)) continue;
            ProcInfo info;
            if (read_proc_info(pid, &info)) known_[pid] = info;
        }
        tree_.clear();
        for (const auto& [pid, info] : known_)
            if (in_tree(pid)) tree_.push_back(pid);
        return tree_;
    }
    // The tree as of the last rescan.
    const std::vector<pid_t>& members() const { return tree_; }

private:
    bool in_tree(pid_t pid) const {
        for (int depth = 0; depth < 64 && pid > 1; ++depth) {
            auto it = known_.find(pid);
            if (it == known_.end()) return false;
            if (pid == root_ || it->second.sid == root_ || it->second.ppid == self_) return true;
            pid = it->second.ppid;
        }
        return false;
    }

    pid_t root_;
    pid_t self_;
    std::map<pid_t, ProcInfo> known_;
    std::vector<pid_t> tree_;
};

void kill_tree(pid_t root, TreeTracker* tracker) {
    ::kill(-root, SIGKILL);  // the command's process group (it is the session leader)
    for (pid_t pid : tracker->rescan())
        if (pid != root) ::kill(pid, SIGKILL);
}

double cpu_ms_of(int who) {
    rusage usage{};
    ::getrusage(who, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

struct Options {
    bool sample_pss = false;
    bool always_read = false;
    long interval_ms = 5;
    long timeout_s = 300;
    char** command = nullptr;
};

struct Run {
    pid_t root = 0;
    Clock::time_point start, end;
    int status = 0;
    bool exited = false;
    bool timed_out = false;
};

struct PssPeak {
    long peak_kb = 0, samples = 0, pss_reads = 0;
    size_t processes_at_peak = 0, max_processes = 0;
};

// Reaps the command and any orphan of its tree handed to this subreaper; `block` waits for one.
void reap(Run* run, bool block) {
    for (int status = 0;;) {
        pid_t done = ::waitpid(-1, &status, block ? 0 : WNOHANG);
        if (done <= 0) return;  // nothing more now, or interrupted by a signal
        if (done == run->root) {
            run->end = Clock::now();
            run->status = status;
            run->exited = true;
        }
        block = false;
    }
}

bool must_stop(const Options& options, Run* run) {
    if (g_stop_signal) return true;
    if (Clock::now() - run->start <= std::chrono::seconds(options.timeout_s)) return false;
    run->timed_out = true;
    return true;
}

// --time: sleeps in waitpid() until the command exits. SIGCHLD and the one-second alarm interrupt it.
void wait_for_exit(const Options& options, Run* run, TreeTracker* tracker) {
    while (!run->exited) {
        ::alarm(1);
        reap(run, true);
        ::alarm(0);
        if (!run->exited && must_stop(options, run)) kill_tree(run->root, tracker);
    }
}

// --pss: samples the tree until the command exits.
void sample_until_exit(const Options& options, Run* run, TreeTracker* tracker, PssPeak* out) {
    const long growth_pages = (1 << 20) / ::sysconf(_SC_PAGESIZE);
    const auto backstop = std::chrono::milliseconds(250), rescan_period = std::chrono::milliseconds(20);
    long resident_at_read = -1;
    size_t members_at_read = 0;
    Clock::time_point last_read = run->start, last_scan = run->start - rescan_period;
    while (true) {
        reap(run, false);
        if (run->exited) return;
        if (must_stop(options, run)) {
            kill_tree(run->root, tracker);
            ::usleep(1000);
            continue;
        }
        const Clock::time_point now = Clock::now();
        ++out->samples;
        if (now - last_scan >= rescan_period) {
            tracker->rescan();
            last_scan = now;
        }
        const std::vector<pid_t>& members = tracker->members();
        long resident = 0;
        for (pid_t pid : members) resident += std::max(0L, read_resident_pages(pid));
        if (options.always_read || resident >= resident_at_read + growth_pages || members.size() > members_at_read ||
            now - last_read >= backstop) {
            long sum_kb = 0;
            size_t counted = 0;
            for (pid_t pid : members) {
                long kb = read_pss_kb(pid);
                if (kb < 0) continue;
                sum_kb += kb;
                ++counted;
            }
            ++out->pss_reads;
            resident_at_read = resident;
            members_at_read = members.size();
            last_read = now;
            if (sum_kb > out->peak_kb) {
                out->peak_kb = sum_kb;
                out->processes_at_peak = counted;
            }
            out->max_processes = std::max(out->max_processes, counted);
        }
        ::usleep(static_cast<useconds_t>(options.interval_ms * 1000));
    }
}

int usage(const std::string& message) {
    std::fprintf(stderr,
                 "pss_peak: %s\n"
                 "usage: pss_peak --time [--timeout-s N] -- COMMAND [ARGS...]\n"
                 "       pss_peak --pss [--interval-ms N] [--always-read] [--timeout-s N] -- COMMAND [ARGS...]\n",
                 message.c_str());
    return 2;
}

int parse_options(int argc, char** argv, Options* out) {
    bool mode_given = false;
    int i = 1;
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg == "--time" || arg == "--pss") {
            out->sample_pss = arg == "--pss";
            mode_given = true;
        } else if (arg == "--always-read") {
            out->always_read = true;
        } else if ((arg == "--interval-ms" || arg == "--timeout-s") && i + 1 < argc) {
            long value = 0;
            if (!kiosk::core::parse_integer(argv[++i], 1L, 100000L, &value))
                return usage(arg + " must be a number from 1 to 100000");
            (arg == "--interval-ms" ? out->interval_ms : out->timeout_s) = value;
        } else {
            return usage("unknown option " + arg);
        }
    }
    if (!mode_given) return usage("give --time or --pss");
    if (i >= argc) return usage("no command given");
    out->command = argv + i;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (int status = parse_options(argc, argv, &options)) return status;

    struct sigaction action {};
    action.sa_handler = on_signal;  // no SA_RESTART: signals cut sleeps and waits short
    for (int sig : {SIGINT, SIGTERM, SIGCHLD, SIGALRM}) ::sigaction(sig, &action, nullptr);
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);

    Run run;
    run.start = Clock::now();
    run.root = ::fork();
    if (run.root < 0) {
        std::perror("pss_peak: fork");
        return 1;
    }
    if (run.root == 0) {
        ::setsid();
        ::dup2(STDERR_FILENO, STDOUT_FILENO);
        ::execvp(options.command[0], options.command);
        std::fprintf(stderr, "pss_peak: cannot run %s: %s\n", options.command[0], std::strerror(errno));
        _exit(127);
    }

    TreeTracker tracker(run.root);
    PssPeak pss;
    if (options.sample_pss) sample_until_exit(options, &run, &tracker, &pss);
    else wait_for_exit(options, &run, &tracker);
    const double sampler_cpu_ms = cpu_ms_of(RUSAGE_SELF);
    // Stray helpers the command left behind. Killed orphans come to this subreaper: reap them
    // all (at most 5 s), so none is left as a zombie.
    kill_tree(run.root, &tracker);
    g_alarm = 0;
    ::alarm(5);
    while (::waitpid(-1, nullptr, 0) > 0 || (errno == EINTR && !g_alarm)) errno = 0;
    ::alarm(0);

    const double wall_ms = std::chrono::duration<double, std::milli>(run.end - run.start).count();
    const int exit_code = WIFEXITED(run.status) ? WEXITSTATUS(run.status) : 128 + WTERMSIG(run.status);
    std::printf("{\"wall_ms\": %.1f, \"cpu_ms\": %.1f, \"exit_code\": %d", wall_ms, cpu_ms_of(RUSAGE_CHILDREN), exit_code);
    if (options.sample_pss) {
        std::printf(", \"peak_pss_mb\": %.1f, \"processes_at_peak\": %zu, \"max_processes\": %zu, \"samples\": %ld, "
                    "\"pss_reads\": %ld, \"interval_ms\": %ld, \"sampler_cpu_ms\": %.1f",
                    pss.peak_kb / 1024.0, pss.processes_at_peak, pss.max_processes, pss.samples, pss.pss_reads,
                    options.interval_ms, sampler_cpu_ms);
    }
    std::printf("}\n");
    if (run.timed_out)
        std::fprintf(stderr, "pss_peak: %s did not finish within %ld s; killed\n", options.command[0], options.timeout_s);
    if (g_stop_signal) return 128 + g_stop_signal;
    return run.timed_out ? 124 : exit_code;
}
