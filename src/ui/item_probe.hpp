#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace lb::ui {

struct ItemRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int frame = 0;  // ImGui::GetFrameCount() when it was drawn
    float cx() const { return (x0 + x1) / 2; }
    float cy() const { return (y0 + y1) / 2; }
};

// Where named widgets were drawn, for the GUI script driver (lagebild-gui --script) that clicks them through
// ImGui's input like a user. Panels call probeItem("form.cancel") after a widget; it records only while
// the app has put an ItemProbe into ImGui::GetIO().UserData (scripted runs), otherwise it costs a test.
class ItemProbe {
public:
    void record(std::string_view key, const ItemRect& rect) { m_items[std::string(key)] = rect; }
    // The widget as drawn in the last frame that drew it; nothing if it never was.
    std::optional<ItemRect> find(std::string_view key) const;
    // A named fact of the frame ("form.state" = "graffiti valid"), with the frame it was stated in.
    void state(std::string_view key, std::string value, int frame) {
        m_facts[std::string(key)] = {std::move(value), frame};
    }
    std::optional<std::pair<std::string, int>> fact(std::string_view key) const;

private:
    std::map<std::string, ItemRect, std::less<>> m_items;
    std::map<std::string, std::pair<std::string, int>, std::less<>> m_facts;
};

// Records the last submitted ImGui item under `key` (no-op without a probe).
void probeItem(std::string_view key);
void probeFact(std::string_view key, std::string value);

}  // namespace lb::ui
