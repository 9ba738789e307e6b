#include "project/print.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/error.hpp"
#include "io/atomic_output.hpp"

namespace lb::project {

std::optional<render::cairo::PrintFormat> printFormatOf(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".pdf") return render::cairo::PrintFormat::Pdf;
    if (ext == ".svg") return render::cairo::PrintFormat::Svg;
    return std::nullopt;
}

render::cairo::MapPicture printPicture(const PrintInput& input) {
    if (!input.style || !input.scene || !input.options || !input.scene->value()) {
        throw core::ProcessingError("print: no map to print (style, scene and options are needed)");
    }
    const Audience audience = input.scene->audience();
    if (input.options->audience() != audience) {
        throw core::ProcessingError("print: the map's options were released for another audience than its scene");
    }
    render::cairo::MapPicture picture;
    picture.scene = input.scene->value();
    picture.style = input.style;
    picture.options = input.options->value();
    if (input.heatmap && input.heatmap->value()) {
        if (input.heatmap->audience() != audience) {
            throw core::ProcessingError("print: the heat map was released for another audience than the map");
        }
        picture.heatmap = input.heatmap->value();
    }
    if (input.hotspots && input.hotspots->value()) {
        if (input.hotspots->audience() != audience) {
            throw core::ProcessingError("print: the hot-spot map was released for another audience than the map");
        }
        picture.hotspots = input.hotspots->value();
    }
    return picture;
}

render::cairo::PrintResult writePrintLayout(const std::filesystem::path& file, const PrintInput& input,
                                            render::cairo::PrintSettings settings, int publicK) {
    const auto format = printFormatOf(file);
    if (!format) throw core::UsageError(file.string() + ": a print is written as .pdf or .svg");
    const render::cairo::MapPicture picture = printPicture(input);
    settings.publicK = input.scene->isPublic() ? std::optional<int>(publicK) : std::nullopt;
    io::AtomicOutput output(file);
    const auto result = render::cairo::writePrint(output.tempPath(), *format, picture, settings);
    output.commit();
    return result;
}

}  // namespace lb::project
