#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
namespace widgets {
class GlTexture;
}

// Projekt → Drucken / PDF… (issue 11): the vector print layout of the current view as PDF or SVG, with a
// preview (the layout painted by Cairo into an image, shown as a texture), paper, orientation, title,
// subtitle and the output file. It writes through Workspace::writePrint — the function `lagebild render --out
// .pdf` uses — and follows the workspace's public mode. The preview is painted when the dialog opens and when
// asked, never per frame.
class PrintPanel : public Panel {
public:
    explicit PrintPanel(Workspace& workspace);
    ~PrintPanel() override;
    std::string_view id() const override { return "print"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

    // Opens the dialog with its defaults: A4 portrait, "Lagebild <project>", a PDF beside the project.
    void open();

private:
    void paintPreview();
    bool submit();  // true when the print was started
    std::string projectFile() const;

    Workspace& m_workspace;
    bool m_openRequested = false;
    bool m_previewWanted = false;
    int m_paper = 0;        // index into A4, A3, A2, A1, A0
    int m_orientation = 0;  // 0 portrait, 1 landscape
    std::string m_title, m_subtitle, m_path, m_error;
    std::unique_ptr<widgets::GlTexture> m_preview;
    bool m_previewPublic = false;  // the audience the preview was painted for
};

}  // namespace lb::ui
