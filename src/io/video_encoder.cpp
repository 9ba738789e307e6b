#include "io/video_encoder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/error.hpp"

extern char** environ;

namespace lb::io {
namespace {

std::string fpsText(double fps) {
    std::ostringstream out;
    out << fps;
    return out.str();
}

// The last part of ffmpeg's messages (they can be long; the end says what went wrong).
std::string tail(const std::string& text, std::size_t max = 2000) {
    std::string t = text.size() > max ? "…" + text.substr(text.size() - max) : text;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
    return t;
}

}  // namespace

struct VideoEncoder::Impl {
    pid_t pid = -1;
    int input = -1;  // ffmpeg's stdin
    std::thread reader;
    std::mutex mutex;
    std::string messages;  // ffmpeg's stderr
    void (*previousPipe)(int) = SIG_DFL;

    std::string collected() {
        std::lock_guard lock(mutex);
        return messages;
    }

    // Waits for the child; its exit status as text ("" for success).
    std::string wait() {
        if (input >= 0) {
            ::close(input);
            input = -1;
        }
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        pid = -1;
        if (reader.joinable()) reader.join();
        std::signal(SIGPIPE, previousPipe);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
        if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
        if (WIFSIGNALED(status)) return std::string("killed by signal ") + ::strsignal(WTERMSIG(status));
        return "stopped";
    }
};

std::string VideoEncoder::program() {
    const char* override = std::getenv("LAGEBILD_FFMPEG");
    return override && *override ? override : "ffmpeg";
}

std::vector<std::string> VideoEncoder::arguments(const std::filesystem::path& file, Format format, int width,
                                                 int height, double framesPerSecond) {
    std::vector<std::string> args{"-hide_banner", "-loglevel",
                                  "error",        "-y",
                                  "-f",           "rawvideo",
                                  "-pix_fmt",     "rgba",
                                  "-s",           std::to_string(width) + "x" + std::to_string(height),
                                  "-r",           fpsText(framesPerSecond),
                                  "-i",           "pipe:0",
                                  "-an"};
    if (format == Format::Mp4) {
        for (const char* a : {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "20",
                              "-movflags", "+faststart", "-f", "mp4"})
            args.emplace_back(a);
    } else {
        for (const char* a :
             {"-filter_complex", "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=none", "-loop",
              "0", "-f", "gif"})
            args.emplace_back(a);
    }
    args.push_back(file.string());
    return args;
}

VideoEncoder::VideoEncoder(const std::filesystem::path& file, Format format, int width, int height,
                           double framesPerSecond)
    : m_impl(std::make_unique<Impl>()), m_width(width), m_height(height) {
    if (format == Format::Mp4 && (width % 2 != 0 || height % 2 != 0)) {
        throw core::UsageError("an MP4 video needs an even width and height, not " + std::to_string(width) + "x" +
                               std::to_string(height));
    }
    int in[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0) throw core::ProcessingError(std::string("pipe: ") + std::strerror(errno));
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        throw core::ProcessingError(std::string("pipe: ") + std::strerror(errno));
    }
    const std::string prog = program();
    std::vector<std::string> args = arguments(file, format, width, height, framesPerSecond);
    args.insert(args.begin(), prog);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    pid_t pid = -1;
    const int rc = ::posix_spawnp(&pid, prog.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(err[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(err[0]);
        throw core::ProcessingError("cannot start " + prog + ": " + std::strerror(rc),
                                    "install Debian's ffmpeg package (apt install ffmpeg)");
    }
    m_impl->pid = pid;
    m_impl->input = in[1];
    // A dead ffmpeg must give an error message (EPIPE), not kill this process.
    m_impl->previousPipe = std::signal(SIGPIPE, SIG_IGN);
    m_impl->reader = std::thread([impl = m_impl.get(), fd = err[0]] {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            std::lock_guard lock(impl->mutex);
            impl->messages.append(buffer, static_cast<std::size_t>(n));
            if (impl->messages.size() > 65536) impl->messages.erase(0, impl->messages.size() - 32768);
        }
        ::close(fd);
    });
}

VideoEncoder::~VideoEncoder() {
    if (m_impl && m_impl->pid > 0) {
        ::kill(m_impl->pid, SIGKILL);
        m_impl->wait();
    }
}

void VideoEncoder::addFrame(const std::vector<std::uint8_t>& rgba) {
    if (rgba.size() != static_cast<std::size_t>(m_width) * m_height * 4)
        throw core::ProcessingError("video frame of the wrong size");
    if (m_impl->pid <= 0) throw core::ProcessingError("the video encoder has finished");
    const std::uint8_t* data = rgba.data();
    std::size_t left = rgba.size();
    while (left > 0) {
        const ssize_t n = ::write(m_impl->input, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const std::string reason = std::strerror(errno);
            const std::string status = m_impl->wait();
            throw core::ProcessingError(program() + " stopped reading frames (" + reason +
                                        (status.empty() ? "" : ", " + status) + "): " + tail(m_impl->collected()));
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    ++m_frames;
}

void VideoEncoder::finish() {
    if (m_impl->pid <= 0) return;
    const std::string status = m_impl->wait();
    if (!status.empty()) {
        throw core::ProcessingError(program() + " failed (" + status + "): " + tail(m_impl->collected()));
    }
}

}  // namespace lb::io
