#include "ui/panels/print_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/time.hpp"
#include "project/print.hpp"
#include "render/cairo/print_layout.hpp"
#include "ui/item_probe.hpp"
#include "ui/widgets/gl_texture.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

constexpr render::cairo::Paper kPapers[] = {render::cairo::Paper::A4, render::cairo::Paper::A3,
                                            render::cairo::Paper::A2, render::cairo::Paper::A1,
                                            render::cairo::Paper::A0};
constexpr int kPreviewLongSide = 900;  // pixels

std::string todayInBerlin() {
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const core::CivilTime t = core::civilFromUnix(now + core::berlinOffsetSeconds(now));
    char text[16];
    std::snprintf(text, sizeof(text), "%02d.%02d.%04d", t.day, t.month, t.year);
    return text;
}

// As `lagebild render` prints them: the data sources name the project file.
render::cairo::PrintSettings settingsOf(int paper, int orientation, const std::string& title,
                                        const std::string& subtitle, const std::string& project, bool english) {
    render::cairo::PrintSettings settings;
    settings.paper = kPapers[std::clamp(paper, 0, 4)];
    settings.landscape = orientation == 1;
    settings.title = title;
    settings.subtitle = subtitle;
    settings.date = todayInBerlin();
    settings.sources = english ? "OpenStreetMap (base map); thematic data: " + project
                               : "OpenStreetMap (Basiskarte); Fachdaten: " + project;
    return settings;
}

}  // namespace

PrintPanel::PrintPanel(Workspace& workspace) : Panel(false), m_workspace(workspace) {}
PrintPanel::~PrintPanel() = default;

std::string PrintPanel::projectFile() const {
    return std::filesystem::path(m_workspace.projectPath()).filename().string();
}

void PrintPanel::open() {
    const Translator tr = m_workspace.tr();
    m_paper = 0;
    m_orientation = 0;
    const std::string name = m_workspace.projectName().empty() ? std::string("lagebild") : m_workspace.projectName();
    m_title = tr.format(Str::PrintDefaultTitle, name);
    m_subtitle.clear();
    m_error.clear();
    m_path = (std::filesystem::path(m_workspace.projectPath()).parent_path() / (name + "-druck.pdf")).string();
    m_previewWanted = true;
    setOpen(true);
    m_openRequested = true;
}

// The page painted into an image of kPreviewLongSide pixels on its long side, uploaded as a texture.
void PrintPanel::paintPreview() {
    m_previewWanted = false;
    m_preview.reset();
    m_previewPublic = m_workspace.publicMode();
    try {
        const render::cairo::MapPicture picture = m_workspace.printPicture();
        if (!picture.scene) return;
        render::cairo::PrintSettings settings = settingsOf(m_paper, m_orientation, m_title, m_subtitle, projectFile(),
                                                           m_workspace.language() == Language::English);
        settings.area = m_workspace.printArea();
        settings.language = m_workspace.language() == Language::English ? "en" : "de";
        if (m_workspace.publicMode()) settings.publicK = project::kMinimumPublicK;
        const auto preview = render::cairo::paintPrintPreview(picture, settings, kPreviewLongSide);
        m_preview = std::make_unique<widgets::GlTexture>(preview.width, preview.height, preview.rgba.data());
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

bool PrintPanel::submit() {
    const Translator tr = m_workspace.tr();
    if (!project::printFormatOf(m_path)) {
        m_error = tr(Str::PrintBadFile);
        return false;
    }
    m_workspace.writePrint(m_path, settingsOf(m_paper, m_orientation, m_title, m_subtitle, projectFile(),
                                              m_workspace.language() == Language::English));
    return true;
}

void PrintPanel::draw() {
    const Translator tr = m_workspace.tr();
    const std::string title = std::string(tr(Str::PrintTitle)) + "###print_dialog";
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x * 0.7f, viewport->Size.y * 0.85f), ImGuiCond_Appearing);
    if (m_openRequested) ImGui::OpenPopup(title.c_str());
    m_openRequested = false;
    bool keepOpen = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &keepOpen)) {
        if (!ImGui::IsPopupOpen(title.c_str())) {
            setOpen(false);
            m_preview.reset();
        }
        return;
    }
    if (m_previewPublic != m_workspace.publicMode()) m_previewWanted = true;
    if (m_previewWanted) paintPreview();

    const float formWidth = ImGui::GetFontSize() * 22;
    ImGui::BeginChild("print_form", ImVec2(formWidth, 0));
    const char* papers[] = {"A4", "A3", "A2", "A1", "A0"};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::Combo(tr(Str::PrintPaper), &m_paper, papers, 5)) m_previewWanted = true;
    probeItem("print.paper");
    const char* orientations[] = {tr(Str::PrintPortrait), tr(Str::PrintLandscape)};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::Combo(tr(Str::PrintOrientation), &m_orientation, orientations, 2)) m_previewWanted = true;
    probeItem("print.orientation");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputText(tr(Str::PrintMapTitle), &m_title);
    probeItem("print.title");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputText(tr(Str::PrintSubtitle), &m_subtitle);
    probeItem("print.subtitle");
    ImGui::TextWrapped("%s", tr(Str::PrintAreaNote));
    if (m_workspace.publicMode()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", tr(Str::PrintPublicNote));
    if (ImGui::Button(tr(Str::PrintPreview))) m_previewWanted = true;
    probeItem("print.preview");
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Str::PrintFile));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##print_path", &m_path);
    probeItem("print.path");
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
    ImGui::BeginDisabled(m_workspace.busy());
    if (ImGui::Button(tr(Str::PrintButton), ImVec2(ImGui::GetFontSize() * 8, 0)) && submit()) keepOpen = false;
    ImGui::EndDisabled();
    probeItem("print.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::DialogCancel), ImVec2(ImGui::GetFontSize() * 8, 0))) keepOpen = false;
    ImGui::EndChild();

    ImGui::SameLine();
    ImGui::BeginChild("print_preview", ImVec2(0, 0), true);
    if (m_preview) {
        const ImVec2 room = ImGui::GetContentRegionAvail();
        const float f =
            std::min(room.x / static_cast<float>(m_preview->width()), room.y / static_cast<float>(m_preview->height()));
        ImGui::Image(m_preview->imguiId(), ImVec2(m_preview->width() * f, m_preview->height() * f));
    }
    ImGui::EndChild();
    if (!keepOpen) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (!keepOpen) {
        setOpen(false);
        m_preview.reset();
    }
}

}  // namespace lb::ui
