#pragma once

#include <cstdint>
#include <memory>

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
class Presentation;
struct Layout;
namespace widgets {
class GlTexture;
}

// The presentation over the full-screen map: a discreet slide title and caption (bottom left), the slide
// counter, the town logo (bottom right), the public-mode badge and a small control bar (time animation
// play/pause and speed, leave). Keys: Right, Down, PageDown, Space next; Left, Up, PageUp previous; P play or
// pause; + / - speed; Escape leaves. Turning public mode off asks for a confirmation first. Drawn only while
// the presentation is active (the Shell then hides every other panel).
class PresentationPanel : public Panel {
public:
    PresentationPanel(Workspace& workspace, Presentation& presentation, const Layout& layout);
    ~PresentationPanel() override;
    std::string_view id() const override { return "presentation"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

private:
    void handleKeys();
    void drawTitle();
    void drawControls();
    void drawLogo();
    void drawPublicConfirmation();

    Workspace& m_workspace;
    Presentation& m_presentation;
    const Layout& m_layout;
    std::unique_ptr<widgets::GlTexture> m_logo;
    std::uint64_t m_logoGeneration = 0;
    bool m_confirmPublicOff = false;
};

}  // namespace lb::ui
