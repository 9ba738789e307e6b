#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
class EditController;
class EditTools;
class FileDialogPanel;
class FormState;
struct Layout;

// The attribute form of a new or selected feature of a thematic layer, generated from edit::formFor():
// text, numbers, dates (with a date picker), dropdowns; validation messages under the fields, Save only
// while everything is valid. Graffiti sites add their status history and "Status ändern".
class FeatureFormPanel : public Panel {
public:
    FeatureFormPanel(Workspace& workspace, EditController& editor, EditTools& tools, FileDialogPanel& fileDialog,
                     const Layout& layout);
    ~FeatureFormPanel() override;
    std::string_view id() const override { return "feature_form"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

private:
    void syncWithTools();
    void drawFields();
    void drawGraffitiStatus();
    void save();

    Workspace& m_workspace;
    EditController& m_editor;
    EditTools& m_tools;
    FileDialogPanel& m_fileDialog;
    const Layout& m_layout;
    std::unique_ptr<FormState> m_form;
    // The window's own close flag: the panel stays "open" so that it follows the tools every frame.
    bool m_visible = false;
    std::uint64_t m_loadedRevision = 0;
    std::string m_saveError;
    // "Status ändern" inputs
    int m_nextStatus = 0;
    std::string m_statusDate, m_statusCost, m_statusNote;
};

}  // namespace lb::ui
