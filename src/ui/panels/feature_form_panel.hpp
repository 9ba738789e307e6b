#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/visit_calendar.hpp"
#include "ui/photo_list.hpp"

#include "ui/docked_panel.hpp"

namespace lb::ui {

class Workspace;
class EditController;
class EditTools;
class FileDialogPanel;
class FormState;
struct Layout;
namespace widgets {
class GlTexture;
}

// The attribute form of a new or selected feature of a thematic layer, generated from edit::formFor():
// text, numbers, dates (with a date picker), dropdowns; validation messages under the fields, Save only
// while everything is valid. Graffiti sites add their status history and "Status ändern"; observations list
// their photos as thumbnails (add through the file dialog, remove after a confirmation). A visit's route is
// a dropdown of the routes' names. A saved new feature becomes the map selection.
// It is the "Merkmale" tab of the right dock, shown while a form is open.
class FeatureFormPanel : public DockedPanel {
public:
    FeatureFormPanel(Workspace& workspace, EditController& editor, EditTools& tools, FileDialogPanel& fileDialog,
                     const Layout& layout);
    ~FeatureFormPanel() override;
    std::string_view id() const override { return "feature_form"; }
    bool persistsOpenState() const override { return false; }
    std::string tabTitle() const override;
    bool tabShown() const override { return m_form && m_visible; }
    void closeTab() override { m_visible = false; }
    void drawContent() override;

protected:
    void update() override;

private:
    void syncWithTools();
    void drawFields();
    void drawGraffitiStatus();
    void drawPhotos();
    void dropPhotos();  // frees the thumbnails' textures
    const std::vector<edit::RouteName>& routes();
    void save();

    Workspace& m_workspace;
    EditController& m_editor;
    EditTools& m_tools;
    FileDialogPanel& m_fileDialog;
    const Layout& m_layout;
    std::unique_ptr<FormState> m_form;
    // The tab's close flag: the panel stays "open" so that it follows the tools every frame.
    bool m_visible = false;
    std::uint64_t m_loadedRevision = 0;
    std::string m_saveError;
    // "Status ändern" inputs
    int m_nextStatus = 0;
    std::string m_statusDate, m_statusCost, m_statusNote;
    // Photos of an observation: thumbnails (textures parallel to the list's entries; null: no preview).
    PhotoList m_photos;
    std::vector<std::unique_ptr<widgets::GlTexture>> m_textures;
    std::int64_t m_confirmRemove = 0;  // the photo whose removal waits for "Ja, entfernen"
    std::string m_photoError;
    // The visit form's route choices, reloaded after edits.
    std::vector<edit::RouteName> m_routes;
    std::uint64_t m_routesRevision = std::numeric_limits<std::uint64_t>::max();
};

}  // namespace lb::ui
