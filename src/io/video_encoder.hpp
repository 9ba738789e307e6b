#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace lb::io {

// Writes a video from raw RGBA frames through the `ffmpeg` program (Debian's ffmpeg package): spawned with
// posix_spawnp, no shell, frames piped into its stdin, its stderr kept for the error message. MP4 is H.264
// (libx264, yuv420p: width and height must be even), GIF goes through palettegen/paletteuse (one palette for
// the whole animation, as the frames share their colours). The program is `ffmpeg` on PATH, or
// $LAGEBILD_FFMPEG when set. The caller writes into a temporary path (AtomicOutput) and commits it after
// finish(): a failed or killed encode leaves no file under the target name.
class VideoEncoder {
public:
    enum class Format { Mp4, Gif };

    // Starts ffmpeg; throws core::ProcessingError when it cannot be started.
    VideoEncoder(const std::filesystem::path& file, Format format, int width, int height, double framesPerSecond);
    // Without finish(): ffmpeg is killed and waited for.
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // One frame, width * height * 4 bytes, first row = top. Throws core::ProcessingError (with ffmpeg's
    // messages) when ffmpeg has stopped reading.
    void addFrame(const std::vector<std::uint8_t>& rgba);
    // Closes the input and waits; throws core::ProcessingError with ffmpeg's exit status and messages when it
    // failed.
    void finish();
    int frames() const { return m_frames; }

    // The program that will be run ($LAGEBILD_FFMPEG or "ffmpeg").
    static std::string program();
    // The arguments after the program name (for tests and the error message).
    static std::vector<std::string> arguments(const std::filesystem::path& file, Format format, int width, int height,
                                              double framesPerSecond);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    int m_frames = 0;
    int m_width, m_height;
};

}  // namespace lb::io
