#pragma once

#include <string>

#include "ui/panel.hpp"

namespace lb::ui {

class AnalysisController;
class Workspace;
struct Layout;

// The expert SQL console ("SQL-Konsole"): SpatiaLite SQL on a read-only connection (store/sql_console.hpp;
// the authorizer refuses writes), results as tables with a row cap, errors in the panel.
class SqlConsolePanel : public Panel {
public:
    static constexpr int kMaxRows = 500;

    SqlConsolePanel(Workspace& workspace, AnalysisController& analysis, const Layout& layout);
    std::string_view id() const override { return "sql_console"; }
    void draw() override;

private:
    Workspace& m_workspace;
    AnalysisController& m_analysis;
    const Layout& m_layout;
    std::string m_sql = "SELECT category, count(*) AS n\nFROM incidents\nGROUP BY category\nORDER BY n DESC;";
};

}  // namespace lb::ui
