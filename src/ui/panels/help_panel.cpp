#include "ui/panels/help_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

void HelpPanel::show(HelpPage page, std::string section) {
    m_page = page;
    m_selectTab = true;
    m_jumpTo = std::move(section);
    setOpen(true);
}

const HelpDocument& HelpPanel::document(HelpPage page) {
    const auto index = static_cast<std::size_t>(page);
    const Language language = m_workspace.language();
    if (language != m_parsedLanguage) {
        m_parsed = {};
        m_parsedLanguage = language;
    }
    if (!m_parsed[index]) {
        m_documents[index] = parseHelp(helpMarkup(page, language));
        m_parsed[index] = true;
    }
    return m_documents[index];
}

void HelpPanel::draw() {
    const Translator tr = m_workspace.tr();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 56, viewport->Size.x * 0.9f), viewport->Size.y * 0.8f),
                             ImGuiCond_Appearing);
    const std::string title = std::string(tr(Str::HelpTitle)) + "###help";
    if (ImGui::Begin(title.c_str(), openFlag(), ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTabBar("help_pages")) {
            for (const HelpPage page : kHelpPages) {
                const char* label = tr(page == HelpPage::Manual ? Str::MenuManual : Str::MenuFirstSteps);
                const bool select = m_selectTab && page == m_page;
                const std::string tab = std::string(label) + "###" + std::string(helpPageName(page));
                if (ImGui::BeginTabItem(tab.c_str(), nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
                    if (!m_selectTab) m_page = page;
                    drawPage(page);
                    ImGui::EndTabItem();
                }
            }
            m_selectTab = false;
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

void HelpPanel::drawPage(HelpPage page) {
    const Translator tr = m_workspace.tr();
    const HelpDocument& doc = document(page);
    if (doc.blocks.empty()) {
        ImGui::TextWrapped("%s", tr(Str::HelpMissing));
        return;
    }
    const float em = ImGui::GetFontSize();
    // Contents on the left.
    ImGui::BeginChild("contents", ImVec2(em * 16, 0), true);
    ImGui::TextDisabled("%s", tr(Str::HelpContents));
    ImGui::Separator();
    for (const HelpBlock* section : doc.sections()) {
        ImGui::PushID(section->id.c_str());
        if (ImGui::Selectable(section->text.c_str())) m_jumpTo = section->id;
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("text", ImVec2(0, 0), false);
    drawBlocks(doc);
    ImGui::EndChild();
}

void HelpPanel::drawBlocks(const HelpDocument& doc) {
    const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme::kAccent);
    const float em = ImGui::GetFontSize();
    const float indent = em * 1.4f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::PushTextWrapPos(0);
    ImGui::SetWindowFontScale(1.35f);
    ImGui::TextColored(accent, "%s", doc.title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    for (const HelpBlock& block : doc.blocks) {
        switch (block.kind) {
            case HelpBlock::Kind::Section:
                ImGui::Spacing();
                ImGui::Spacing();
                if (m_jumpTo == block.id) {
                    ImGui::SetScrollHereY(0.0f);
                    m_jumpTo.clear();
                }
                ImGui::SetWindowFontScale(1.15f);
                ImGui::PushStyleColor(ImGuiCol_Text, accent);
                ImGui::TextUnformatted(block.text.c_str());
                ImGui::PopStyleColor();
                ImGui::SetWindowFontScale(1.0f);
                ImGui::Separator();
                break;
            case HelpBlock::Kind::Heading:
                ImGui::Spacing();
                ImGui::PushStyleColor(ImGuiCol_Text, accent);
                ImGui::TextUnformatted(block.text.c_str());
                ImGui::PopStyleColor();
                break;
            case HelpBlock::Kind::Paragraph:
                ImGui::TextUnformatted(block.text.c_str());
                ImGui::Spacing();
                break;
            case HelpBlock::Kind::Bullet:
            case HelpBlock::Kind::Numbered: {
                ImGui::Indent(indent);
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
                if (block.kind == HelpBlock::Kind::Bullet) {
                    draw->AddCircleFilled(ImVec2(at.x - indent * 0.5f, at.y + ImGui::GetTextLineHeight() * 0.5f),
                                          em * 0.16f, colour);
                } else {
                    const std::string number = std::to_string(block.number) + ".";
                    draw->AddText(ImVec2(at.x - indent * 0.85f, at.y), colour, number.c_str());
                }
                ImGui::TextUnformatted(block.text.c_str());
                ImGui::Unindent(indent);
                break;
            }
            case HelpBlock::Kind::Note: {
                ImGui::Spacing();
                ImGui::Indent(indent * 0.6f);
                const ImVec2 top = ImGui::GetCursorScreenPos();
                ImGui::PushStyleColor(ImGuiCol_Text, accent);
                ImGui::TextUnformatted(block.text.c_str());
                ImGui::PopStyleColor();
                const float bottom = ImGui::GetItemRectMax().y;
                draw->AddRectFilled(ImVec2(top.x - indent * 0.4f, top.y), ImVec2(top.x - indent * 0.25f, bottom),
                                    theme::kAccent);
                ImGui::Unindent(indent * 0.6f);
                ImGui::Spacing();
                break;
            }
        }
    }
    ImGui::PopTextWrapPos();
}

}  // namespace lb::ui
