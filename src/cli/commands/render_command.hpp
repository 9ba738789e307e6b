#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

struct LoadedMap;

// `lagebild render PROJECT --out FILE.png|.pdf|.svg [--paper A4…A0] [--landscape] [--title T] [--size WxH]
// [--bbox ...] [--layers ...] [--public]`: the map as the GUI shows it, a PNG drawn offscreen (EGL, no display
// needed) by the same renderer, or a vector print layout (render/cairo) of the same released scene.
class RenderCommand : public Command {
public:
    const char* name() const override { return "render"; }
    const char* description() const override {
        return "Render the map to a PNG, or a PDF/SVG print layout, without a window";
    }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    int writePrint(LoadedMap& map, bool exactArea);

    std::string m_paper = "A4", m_title, m_subtitle, m_date;
    bool m_landscape = false;
    std::string m_project, m_out, m_size = "1600x1200", m_bbox, m_layers, m_language = "de", m_style;
    bool m_public = false, m_noLabels = false, m_noLegend = false, m_noFurniture = false, m_heatmap = false;
    int m_samples = 4;
    int m_k = 5;  // project::kMinimumPublicK
};

}  // namespace lb::cli
