// import_bench — times Lagebild's imports side by side with GDAL's ogr2ogr on the same input and prints
// wall time and peak memory (max RSS of the child process, from wait4). Usage:
//   import_bench [--nodes 1000000] [--incidents 1000000] [--workdir DIR] [--skip-demo]

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "demo/sources.hpp"
#include "synthetic_osm.hpp"

namespace {

struct Measurement {
    double seconds = 0;
    double peakMiB = 0;
    int exitCode = -1;
};

Measurement run(const std::vector<std::string>& args) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    Measurement m;
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0;
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return m;
}

// The first line a shell command prints ("" when it fails).
std::string firstLine(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[512];
        if (std::fgets(buffer, sizeof buffer, pipe)) out = buffer;
        ::pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

void row(const std::string& task, const Measurement& m) {
    fmt::print("| {:<58} | {:>8.2f} | {:>9.1f} | {:>4} |\n", task, m.seconds, m.peakMiB, m.exitCode);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times Lagebild imports side by side with ogr2ogr"};
    std::size_t nodes = 1'000'000, incidents = 1'000'000;
    std::string workdir = (std::filesystem::temp_directory_path() / "lagebild-bench").string();
    bool skipDemo = false, keep = false;
    app.add_option("--nodes", nodes, "Minimum nodes of the synthetic OSM file")->capture_default_str();
    app.add_option("--incidents", incidents, "Incidents of the demo import")->capture_default_str();
    app.add_option("--workdir", workdir, "Scratch folder (emptied first)")->capture_default_str();
    app.add_flag("--skip-demo", skipDemo, "Only the OSM comparison");
    app.add_flag("--keep", keep, "Keep the scratch folder (for profiling)");
    CLI11_PARSE(app, argc, argv);

    namespace fs = std::filesystem;
    fs::remove_all(workdir);
    fs::create_directories(workdir);
    const fs::path dir = workdir;
    const std::string lagebild = LAGEBILD_BINARY;

    const auto osm = dir / "synthetic.osm";
    const auto stats = lb::bench::writeSyntheticOsm(osm, nodes);
    fmt::print(
        "synthetic OSM: {} nodes, {} ways ({} roads, {} buildings incl. relations), {} relations, {} POIs, "
        "{:.1f} MiB XML\n",
        stats.nodes, stats.ways, stats.roads, stats.buildings, stats.relations, stats.pois,
        double(fs::file_size(osm)) / (1 << 20));
    const auto pbf = dir / "synthetic.osm.pbf";
    const bool havePbf = run({"osmium", "cat", "-o", pbf.string(), osm.string()}).exitCode == 0;
    if (havePbf) fmt::print("PBF: {:.1f} MiB (osmium cat)\n", double(fs::file_size(pbf)) / (1 << 20));

    fmt::print("\n| {:<58} | {:>8} | {:>9} | {:>4} |\n", "task", "wall s", "peak MiB", "exit");
    fmt::print("|{:-<60}|{:->10}|{:->11}|{:->6}|\n", "", "", "", "");
    for (const auto& input : havePbf ? std::vector<fs::path>{osm, pbf} : std::vector<fs::path>{osm}) {
        const std::string kind = input.extension() == ".pbf" ? "PBF" : "XML";
        const auto project = dir / ("osm-" + kind + ".sqlite");
        run({lagebild, "init", project.string()});
        row("lagebild import-osm (" + kind + ", incl. spatial indexes)",
            run({lagebild, "import-osm", project.string(), input.string()}));
        const auto gpkg = dir / ("ogr-" + kind + ".gpkg");
        row("ogr2ogr -f GPKG -t_srs EPSG:25833 (" + kind + ")",
            run({"ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:25833", gpkg.string(), input.string()}));
    }
    if (havePbf) {
        // A town out of the larger file: the central quarter of its extent (a sixteenth of its area), cut
        // while importing vs. osmium extract followed by ogr2ogr on the extract.
        const std::string bbox = firstLine("osmium fileinfo -e -g data.bbox " + pbf.string());
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (std::sscanf(bbox.c_str(), "(%lf,%lf,%lf,%lf)", &x0, &y0, &x1, &y1) == 4) {
            const double w = x1 - x0, h = y1 - y0;
            const std::string box = fmt::format("{:.6f},{:.6f},{:.6f},{:.6f}", x0 + 0.375 * w, y0 + 0.375 * h,
                                                x0 + 0.625 * w, y0 + 0.625 * h);
            fmt::print("|{:-<60}|{:->10}|{:->11}|{:->6}|\n", "", "", "", "");
            const auto project = dir / "osm-clip.sqlite";
            run({lagebild, "init", project.string()});
            row("lagebild import-osm --bbox-wgs84 (central 1/16, PBF)",
                run({lagebild, "import-osm", project.string(), pbf.string(), "--bbox-wgs84", box}));
            const auto extract = dir / "extract.osm.pbf";
            const Measurement cut = run(
                {"osmium", "extract", "-b", box, "-s", "complete_ways", "-O", "-o", extract.string(), pbf.string()});
            row("osmium extract -b (same box, complete ways)", cut);
            const auto gpkg = dir / "ogr-extract.gpkg";
            const Measurement convert =
                run({"ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:25833", gpkg.string(), extract.string()});
            row("ogr2ogr -f GPKG -t_srs EPSG:25833 (the extract)", convert);
            row("osmium extract + ogr2ogr (sum; ways not cut at the edge)",
                {cut.seconds + convert.seconds, std::max(cut.peakMiB, convert.peakMiB),
                 cut.exitCode != 0 ? cut.exitCode : convert.exitCode});
        }
    }
    if (!skipDemo) {
        const auto sourcesDir = dir / "demo-sources";
        fs::create_directories(sourcesDir);
        const auto start = std::chrono::steady_clock::now();
        const auto sources = lb::demo::writeDemoSources(sourcesDir, {1, incidents}, lb::core::Progress::none());
        const double writeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        fmt::print("\ndemo sources written in {:.2f} s ({} incidents)\n", writeSeconds, incidents);
        for (const auto& source : sources.thematic) {
            if (source.layer != lb::core::LayerId::Incidents) continue;
            const auto project = dir / "incidents.sqlite";
            run({lagebild, "init", project.string()});
            std::vector<std::string> args = {lagebild,  "import",    project.string(),
                                             "--layer", "incidents", source.path.string()};
            const auto& m = source.mapping;
            for (const auto& [flag, value] :
                 std::vector<std::pair<std::string, std::string>>{{"--id", m.id},
                                                                  {"--time", m.time},
                                                                  {"--category", m.category},
                                                                  {"--x", m.x},
                                                                  {"--y", m.y},
                                                                  {"--crs", m.crs},
                                                                  {"--delimiter", m.delimiter}}) {
                if (!value.empty()) {
                    args.push_back(flag);
                    args.push_back(value);
                }
            }
            row("lagebild import --layer incidents (" + std::to_string(incidents) + " rows CSV)", run(args));
            const auto gpkg = dir / "incidents-ogr.gpkg";
            row("ogr2ogr -f GPKG -t_srs EPSG:25833 (same CSV, X/Y columns)",
                run({"ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:25833", "-s_srs", "EPSG:25833", "-oo",
                     "X_POSSIBLE_NAMES=Rechtswert", "-oo", "Y_POSSIBLE_NAMES=Hochwert", gpkg.string(),
                     source.path.string()}));
        }
        const auto demo = dir / "demo.sqlite";
        row("lagebild demo --incidents " + std::to_string(incidents) + " (generate + all imports)",
            run({lagebild, "demo", demo.string(), "--incidents", std::to_string(incidents)}));
    }
    if (!keep) fs::remove_all(workdir);
    return 0;
}
