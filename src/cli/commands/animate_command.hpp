#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

// `lagebild animate PROJECT --out FILE.mp4|.gif [--from DATE --to DATE] [--step month|week] [--size WxH]
// [--public]`: the time animation of the heat map, one frame per month or week (each frame the density of
// that window's incidents, with its date as caption and the legend), rendered offscreen by the GL map renderer
// and encoded by ffmpeg (io::VideoEncoder). Written atomically: a failed or killed run leaves no file.
class AnimateCommand : public Command {
public:
    const char* name() const override { return "animate"; }
    const char* description() const override { return "Write the time animation of the heat map as MP4 or GIF"; }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project, m_out, m_from, m_to, m_step = "month", m_size = "1280x720", m_bbox, m_layers;
    std::string m_language = "de";
    double m_fps = 2;
    int m_k = 5;
    bool m_public = false, m_json = false;
};

}  // namespace lb::cli
