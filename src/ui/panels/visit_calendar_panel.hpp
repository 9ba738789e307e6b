#pragma once

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
class EditController;

// Streetwork visits per route as a month grid (edit::visitCalendar): one row per route, a cell per day
// with the number of visits (tooltip: visits and contacts).
class VisitCalendarPanel : public Panel {
public:
    VisitCalendarPanel(Workspace& workspace, EditController& editor);
    std::string_view id() const override { return "visit_calendar"; }
    void draw() override;

private:
    Workspace& m_workspace;
    EditController& m_editor;
    int m_year = 0;
    int m_month = 0;
};

}  // namespace lb::ui
