#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "edit/graffiti.hpp"
#include "edit/visit_calendar.hpp"
#include "ui/docked_panel.hpp"
#include "ui/edit/photo_list.hpp"
#include "ui/frame_owned.hpp"
#include "ui/revision_cache.hpp"

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

// The attribute form of a new feature, or of the selected feature of a thematic layer once editing was asked
// for (double-click, "Bearbeiten", E: EditTools::requestEdit) — a click only selects. Generated from edit::formFor():
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
    bool tabShown() const override { return static_cast<bool>(m_form); }
    void closeTab() override { close(); }
    void drawContent() override;

protected:
    void update() override;

private:
    void syncWithTools();
    // The stored feature's form, or nullptr (not found, or the store failed: m_saveError says why).
    std::unique_ptr<FormState> load(core::LayerId layer, const std::string& uuid);
    void close();
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
    // The open form (none: the tab is closed). Buttons drawn from it change it only through
    // FrameOwned, so it stays alive until the frame ends; the panel stays "open" to follow the tools.
    FrameOwned<FormState> m_form;
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
    // The visit form's route choices and a graffiti site's status history, read once per edit revision (and
    // site), never per frame.
    RevisionCache<int, std::vector<edit::RouteName>> m_routes;
    RevisionCache<std::string, std::vector<edit::GraffitiStatusEntry>> m_history;
};

}  // namespace lb::ui
