#include "edit/field_package.hpp"

#include "core/error.hpp"

namespace lb::edit {

FieldExportReport exportFieldPackage(store::ProjectStore&, const std::filesystem::path&, const FieldExportOptions&) {
    throw core::ProcessingError("field packages are not implemented yet");
}

FieldMergeReport mergeFieldPackage(store::ProjectStore&, const std::filesystem::path&, const std::string&) {
    throw core::ProcessingError("field packages are not implemented yet");
}

bool isFieldPackage(const std::filesystem::path&) {
    return false;
}

}  // namespace lb::edit
