#include "demo/sources.hpp"

#include <system_error>

#include "core/error.hpp"
#include "demo/osm_model.hpp"
#include "demo/output.hpp"
#include "demo/thematic.hpp"
#include "demo/town.hpp"

namespace lb::demo {

DemoSources writeDemoSources(const std::filesystem::path& dir, const DemoOptions& options, core::Progress& progress) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        throw core::ProcessingError("cannot create the folder " + dir.string() + " (" + error.message() + ")");
    }

    const detail::Vec2 origin = detail::projectedTownCentre();
    const detail::Town town = detail::buildTown(origin, options.seed, progress);
    const detail::Wgs84Projector projector(origin);

    DemoSources sources;
    sources.osm = dir / "musterstadt.osm";
    progress.beginStage("OSM-Datei schreiben", 1);
    detail::writeOsmXml(town.osm, projector, sources.osm);
    progress.finishStage();

    progress.beginStage("Themendaten schreiben", 6);
    const auto file = [&](core::LayerId layer, const char* name, io::ImportMapping mapping = {}) {
        sources.thematic.push_back({layer, dir / name, std::move(mapping)});
        return sources.thematic.back().path;
    };
    io::ImportMapping latLon;
    latLon.lat = "lat";
    latLon.lon = "lon";

    detail::writeDistricts(town, projector, options.seed, file(core::LayerId::Districts, "districts.geojson"));
    progress.step();
    const std::vector<detail::DemoRoute> routes =
        detail::writeRoutes(town, projector, file(core::LayerId::Routes, "routes.geojson"));
    progress.step();
    detail::writeVisits(routes, projector, options.seed, file(core::LayerId::Visits, "visits.csv", latLon));
    progress.step();
    detail::writeGraffiti(town, projector, options.seed, file(core::LayerId::Graffiti, "graffiti.geojson"));
    progress.step();
    detail::writeMeasures(town, projector, file(core::LayerId::Measures, "measures.geojson"));
    progress.step();
    detail::writeObservations(town, projector, options.seed,
                              file(core::LayerId::Observations, "observations.csv", latLon));
    progress.step();
    progress.finishStage();

    io::ImportMapping police;
    police.id = "Vorgang";
    police.time = "Tatzeit";
    police.category = "Handlungsfeld";
    police.x = "Rechtswert";
    police.y = "Hochwert";
    police.crs = "EPSG:25833";
    police.delimiter = ";";
    detail::writeIncidents(town, options.seed, options.incidents,
                           file(core::LayerId::Incidents, "incidents.csv", police), progress);
    return sources;
}

}  // namespace lb::demo
