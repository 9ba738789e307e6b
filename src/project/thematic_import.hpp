#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "core/progress.hpp"
#include "io/import_mapping.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

struct ImportOptions {
    // Reject the whole file when any row is rejected (nothing is written).
    bool strict = false;
    // How many rejected rows are listed in the report (all are counted).
    std::size_t listedRejections = 25;
    // Import a file without an id column although the very same file was imported into the layer before.
    bool allowDuplicates = false;
    // Import rows that lie far from the project area (or, in an empty project, outside Germany).
    bool forceLocation = false;
};

struct ThematicImportReport {
    core::LayerId layer = core::LayerId::Incidents;
    std::int64_t imported = 0;
    std::int64_t rejected = 0;
    std::int64_t alreadyPresent = 0;      // rows skipped because their id is in the layer already
    std::vector<std::string> rejections;  // "file: line 7: reason", the first listedRejections
    std::vector<std::string> warnings;    // things the user should know (assumed CRS, recoded text, …)
    std::string sourceCrs;
    std::map<std::string, std::string> columns;  // layer column ← source column
    // --address (offline geocoding): the match report, one entry per row that had an address, and how many
    // rows matched with each quality ("exact", "fuzzy", "street_only", "ambiguous", "none").
    struct GeocodedRow {
        std::int64_t row = 0;  // the source's row number (CSV line, feature number)
        std::string address;   // as the file wrote it (columns joined with a space)
        std::string quality;
        std::string reason;
    };
    std::vector<GeocodedRow> geocoded;
    std::map<std::string, std::int64_t> geocoding;
    std::size_t addressPoints = 0;  // the address points the rows were matched against
};

// Imports a thematic layer (incidents graffiti routes visits measures observations districts) from a
// CSV/GeoJSON/GeoPackage file: maps columns (flags, same-name columns, German aliases), parses times
// (Europe/Berlin) and numbers (German conventions), checks vocabularies and geometries, reprojects to
// the project CRS, and writes everything in one transaction. Rows with problems are rejected with their
// row number and reason; a file whose structure does not fit (missing column, no coordinates, no valid
// row) throws core::InputError/UsageError and changes nothing. Rows whose id (ext_id) is already in the
// layer are skipped (counted in alreadyPresent), so importing the same export twice adds nothing and is no
// error; a file without ids that was imported before is refused unless allowDuplicates. Rows that lie far
// from the project (detail::LocationCheck) are rejected with the likely CRS mix-up; when no row lies near
// it the whole file is refused. With --address the rows are placed by offline geocoding against the
// project's addresses (geo::AddressIndex): rows whose address is unknown or ambiguous are rejected with the
// reason; the match quality of the others is kept in attrs (geocode, geocode_reason).
ThematicImportReport importThematic(store::ProjectStore& store, core::LayerId layer, const std::filesystem::path& file,
                                    const io::ImportMapping& mapping, const ImportOptions& options,
                                    core::Progress& progress);

}  // namespace lb::project
