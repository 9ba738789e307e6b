#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/detail/edit_context.hpp"
#include "edit/detail/feature_snapshot.hpp"
#include "edit/edit_command.hpp"

namespace lb::edit::detail {

// The one command type behind every single-feature edit: `change` computes the feature's new state from
// its current one (nothing: it does not exist) or nothing to delete it, validating as it goes. The first
// apply records the states before and after; undo writes "before" back, redo writes "after" again. Both
// refuse when the feature's `modified` is not the one the session wrote last (someone else edited it).
class FeatureCommand : public EditCommand {
public:
    using Change = std::function<std::optional<FeatureSnapshot>(EditContext&, const std::optional<FeatureSnapshot>&)>;

    FeatureCommand(EditKind kind, core::LayerId layer, std::string uuid, Change change);
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;

private:
    void write(EditContext& context, const std::optional<FeatureSnapshot>& current,
               const std::optional<FeatureSnapshot>& target);

    Change m_change;
    bool m_computed = false;
    std::optional<FeatureSnapshot> m_before;
    std::optional<FeatureSnapshot> m_after;
};

// Several commands applied in order and reverted in reverse order (one transaction, one undo step).
class CombinedCommand : public EditCommand {
public:
    CombinedCommand(EditKind kind, core::LayerId layer, std::string uuid,
                    std::vector<std::unique_ptr<EditCommand>> parts);
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;

private:
    std::vector<std::unique_ptr<EditCommand>> m_parts;
};

// add_point / add_line / add_polygon / add_record for a new feature's geometry.
EditKind addKindFor(const core::Wkb& geometry);

// The current state, or core::InputError naming layer and uuid when the feature does not exist.
const FeatureSnapshot& requireFeature(const std::optional<FeatureSnapshot>& current, core::LayerId layer,
                                      const std::string& uuid);

}  // namespace lb::edit::detail
