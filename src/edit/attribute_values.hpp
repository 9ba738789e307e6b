#pragma once

#include <functional>
#include <map>
#include <string>

#include "core/value.hpp"

namespace lb::edit {

// Attribute values of one feature by column name: the layer's columns of store/schema.cpp without the
// bookkeeping the store fills itself (uuid, created, modified, author). A null Value clears a column.
using AttributeValues = std::map<std::string, core::Value, std::less<>>;

}  // namespace lb::edit
