// lagebild — the headless front end. main() is the only place that catches exceptions; it maps them to
// one-line messages with a hint and to the exit codes of exit_codes.hpp.

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands/animate_command.hpp"
#include "cli/commands/bench_render_command.hpp"
#include "cli/commands/demo_command.hpp"
#include "cli/commands/export_command.hpp"
#include "cli/commands/field_export_command.hpp"
#include "cli/commands/field_merge_command.hpp"
#include "cli/commands/gui_command.hpp"
#include "cli/commands/hotspots_command.hpp"
#include "cli/commands/import_command.hpp"
#include "cli/commands/import_osm_command.hpp"
#include "cli/commands/info_command.hpp"
#include "cli/commands/init_command.hpp"
#include "cli/commands/present_command.hpp"
#include "cli/commands/purge_command.hpp"
#include "cli/commands/query_command.hpp"
#include "cli/commands/render_command.hpp"
#include "cli/commands/repair_command.hpp"
#include "cli/commands/sql_command.hpp"
#include "cli/exit_codes.hpp"
#include "core/error.hpp"
#include "core/temp_files.hpp"

namespace {

// Ctrl+C, kill or a closed terminal outside a cancellable job: remove the temporary files of outputs being
// written, then die of the signal as before.
extern "C" void onFatalSignal(int signal) {
    lb::core::removeTempFilesNow();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

int report(const char* command, const char* kind, const std::string& message, const std::string& hint, int code) {
    fmt::print(stderr, "lagebild {}: {}: {}\n", command, kind, message);
    if (!hint.empty()) fmt::print(stderr, "  hint: {}\n", hint);
    return code;
}

// CLI11 answers an unknown command with "A subcommand is required", which tells a user nothing. The only
// top-level options are flags (--help, --version), so the first argument that is not one is the command.
// Returns the exit status when it is missing or unknown (after printing the commands), nullopt otherwise.
std::optional<int> checkCommandName(int argc, char** argv,
                                    const std::vector<std::unique_ptr<lb::cli::Command>>& commands) {
    const char* given = nullptr;
    for (int i = 1; i < argc && !given; ++i) {
        if (argv[i][0] != '-')
            given = argv[i];
        else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0 ||
                 std::strcmp(argv[i], "--version") == 0) {
            return std::nullopt;  // CLI11 answers these
        }
    }
    std::string list;
    for (const auto& command : commands) list += std::string(list.empty() ? "" : ", ") + command->name();
    if (given) {
        for (const auto& command : commands) {
            if (std::strcmp(command->name(), given) == 0) return std::nullopt;
        }
        fmt::print(stderr, "lagebild: unknown command '{}'\n", given);
    } else {
        fmt::print(stderr, "lagebild: a command is required\n");
    }
    fmt::print(stderr, "  commands: {}\n  hint: lagebild --help describes them, lagebild COMMAND --help its options\n",
               list);
    return lb::cli::kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace lb;
    // Never let SpatiaLite register its file functions (ImportSHP, BlobToFile, …): see store::ProjectStore.
    ::unsetenv("SPATIALITE_SECURITY");
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, onFatalSignal);
    CLI::App app{"Lagebild — GIS for municipal crime and disorder prevention", "lagebild"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "lagebild " LAGEBILD_VERSION);
    std::vector<std::unique_ptr<cli::Command>> commands;
    commands.push_back(std::make_unique<cli::InitCommand>());
    commands.push_back(std::make_unique<cli::FieldExportCommand>());
    commands.push_back(std::make_unique<cli::FieldMergeCommand>());
    commands.push_back(std::make_unique<cli::DemoCommand>());
    commands.push_back(std::make_unique<cli::ImportOsmCommand>());
    commands.push_back(std::make_unique<cli::ImportCommand>());
    commands.push_back(std::make_unique<cli::InfoCommand>());
    commands.push_back(std::make_unique<cli::GuiCommand>());
    commands.push_back(std::make_unique<cli::PresentCommand>());
    commands.push_back(std::make_unique<cli::AnimateCommand>());
    commands.push_back(std::make_unique<cli::RenderCommand>());
    commands.push_back(std::make_unique<cli::BenchRenderCommand>());
    commands.push_back(std::make_unique<cli::QueryCommand>());
    commands.push_back(std::make_unique<cli::HotspotsCommand>());
    commands.push_back(std::make_unique<cli::ExportCommand>());
    commands.push_back(std::make_unique<cli::SqlCommand>());
    commands.push_back(std::make_unique<cli::PurgeCommand>());
    commands.push_back(std::make_unique<cli::RepairCommand>());
    if (const auto code = checkCommandName(argc, argv, commands)) return *code;
    std::vector<std::pair<CLI::App*, cli::Command*>> registered;
    for (auto& command : commands) {
        CLI::App* sub = app.add_subcommand(command->name(), command->description());
        command->addOptions(*sub);
        registered.emplace_back(sub, command.get());
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? cli::kExitOk : cli::kExitBadInput;
    }
    cli::Command* selected = nullptr;
    for (auto& [sub, command] : registered) {
        if (sub->parsed()) selected = command;
    }
    const char* name = selected ? selected->name() : "";
    try {
        selected->setup();
        return selected->run();
    } catch (const core::CancelledError& e) {
        return report(name, "cancelled", "nothing was changed", "", cli::kExitCancelled);
    } catch (const core::UsageError& e) {
        return report(name, "error", e.what(), e.hint(), cli::kExitBadInput);
    } catch (const core::InputError& e) {
        return report(name, "error", e.what(), e.hint(), cli::kExitBadInput);
    } catch (const core::Error& e) {
        return report(name, "failed", e.what(), e.hint(), cli::kExitFailure);
    } catch (const std::bad_alloc&) {
        return report(name, "failed", "out of memory", "", cli::kExitFailure);
    } catch (const std::exception& e) {
        return report(name, "internal error", e.what(), "please report this", cli::kExitFailure);
    }
}
