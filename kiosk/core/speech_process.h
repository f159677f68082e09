// A speech synthesizer run as a child process: text goes to its standard input, audio comes
// back on its standard output. Both pipes are non-blocking, so the thread that drives the
// process never waits on it; stop() kills the child and reaps it at once (no zombies).
//
// eSpeak NG is GPL-3.0: the kiosk runs the `espeak-ng` program and never links its library
// (docs/architecture.md, Read aloud).
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace kiosk::core {

class SpeechProcess {
public:
    SpeechProcess() = default;
    ~SpeechProcess() { stop(); }
    SpeechProcess(const SpeechProcess&) = delete;
    SpeechProcess& operator=(const SpeechProcess&) = delete;

    // Starts `argv[0]` (looked up in PATH) with `input` to be written to its standard input.
    // Its standard error is discarded. False with `error` when it cannot be started.
    bool start(const std::vector<std::string>& argv, std::string input, std::string* error);
    // Kills the child (SIGKILL) and waits for it; closes the pipes. Safe to call at any time.
    void stop();

    bool running() const { return pid_ > 0; }
    // Writes as much of the pending input as the pipe takes; closes standard input when all
    // is written, so the synthesizer sees the end of the text. Call it from a thread that
    // blocks SIGPIPE (EspeakEngine's worker does): a child that exits early then gives EPIPE.
    void write_some();
    bool input_pending() const { return in_fd_ >= 0; }
    // Appends what standard output holds now (at most `max` bytes) to `out`. Returns false
    // once the output has ended (end of file or an error).
    bool read_some(std::vector<unsigned char>* out, size_t max);
    // After the output ended: reaps the child; its exit status (-1 when killed by a signal).
    int finish();

    int stdin_fd() const { return in_fd_; }
    int stdout_fd() const { return out_fd_; }

private:
    pid_t pid_ = -1;
    int in_fd_ = -1, out_fd_ = -1;
    std::string input_;
    size_t written_ = 0;
};

// Runs `argv` to completion with no input and returns its standard output, waiting at most
// `timeout_s` (then it is killed). False with `error` when it cannot be run, times out or fails.
bool run_for_output(const std::vector<std::string>& argv, double timeout_s, std::string* output, std::string* error);

}  // namespace kiosk::core
