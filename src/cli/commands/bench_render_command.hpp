#pragma once

#include <string>

#include "cli/command.hpp"
#include "project/map_request.hpp"

namespace lb::cli {

// `lagebild bench-render PROJECT [--size WxH] [--frames N] [--bbox ...] [--layers ...] [--json]`.
class BenchRenderCommand : public Command {
public:
    const char* name() const override { return "bench-render"; }
    const char* description() const override {
        return "Time N frames of a fixed pan/zoom path through the interactive renderer";
    }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project, m_size = "1920x1080", m_bbox, m_layers, m_style;
    int m_frames = 100;
    int m_samples = 1;
    double m_lodPixels = 0.25;  // RenderOptions::pointLodPixels
    bool m_static = false;
    bool m_json = false;
    std::string m_editLayer;    // --edit-layer: time edit → next finished frame instead of a pan/zoom path
    bool m_fullUpload = false;  // --full-upload: upload every layer after each edit (no buffers kept)
    int runEdits(const project::MapRequest& request);
};

}  // namespace lb::cli
