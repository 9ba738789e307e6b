#pragma once

#include <optional>

#include "render/render_options.hpp"
#include "ui/docked_panel.hpp"

namespace lb::ui {

class Workspace;

// The attributes of the feature picked on the map ("Objektinformationen" tab of the right dock), with
// German column labels and formats: the name first, the UUID last. A new selection brings the tab to the front.
class InfoPanel : public DockedPanel {
public:
    explicit InfoPanel(Workspace& workspace);
    std::string_view id() const override { return "info"; }
    std::string tabTitle() const override;
    void drawContent() override;

protected:
    void update() override;

private:
    Workspace& m_workspace;
    std::optional<render::FeatureRef> m_shown;  // the selection seen last frame
};

}  // namespace lb::ui
