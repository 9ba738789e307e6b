// lagebild-gui: the workstation. `lagebild gui [PROJECT]` runs this program (the CLI links no GUI code).
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "app/app_options.hpp"
#include "app/application.hpp"

int main(int argc, char** argv) {
    // Never let SpatiaLite register its file functions (ImportSHP, BlobToFile, …): see store::ProjectStore.
    ::unsetenv("SPATIALITE_SECURITY");
    const auto parsed = lb::app::parseOptions(argc, argv);
    if (parsed.exitCode) return *parsed.exitCode;
    try {
        lb::app::Application app(parsed.options);
        return app.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lagebild-gui: %s\n", e.what());
        return 1;
    }
}
