#include "render/png_image.hpp"

#include <cairo.h>

#include <system_error>

#include "core/error.hpp"
#include "core/temp_files.hpp"

namespace lb::render {

void writePng(const std::filesystem::path& file, const Image& image) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw core::ProcessingError(file.string() + ": cannot allocate the image");
    }
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < image.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(stride) * y);
        const std::uint8_t* src = image.rgba.data() + static_cast<std::size_t>(y) * image.width * 4;
        for (int x = 0; x < image.width; ++x) {
            const std::uint32_t a = src[4 * x + 3];
            // Cairo wants premultiplied ARGB in native byte order.
            const std::uint32_t r = (src[4 * x] * a + 127) / 255;
            const std::uint32_t g = (src[4 * x + 1] * a + 127) / 255;
            const std::uint32_t b = (src[4 * x + 2] * a + 127) / 255;
            row[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
    cairo_surface_mark_dirty(surface);
    std::filesystem::path temporary = file;
    temporary += ".part";
    const core::TempFileGuard guard(temporary);  // removed if a signal ends the process while writing
    const cairo_status_t status = cairo_surface_write_to_png(surface, temporary.c_str());
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw core::ProcessingError(file.string() + ": cannot write the PNG (" + cairo_status_to_string(status) + ")");
    }
    std::error_code error;
    std::filesystem::rename(temporary, file, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        throw core::ProcessingError(file.string() + ": cannot write the PNG (" + error.message() + ")");
    }
}

Image readPng(const std::filesystem::path& file) {
    cairo_surface_t* surface = cairo_image_surface_create_from_png(file.c_str());
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const std::string reason = cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        throw core::InputError(file.string() + ": not a readable PNG (" + reason + ")");
    }
    Image image;
    image.width = cairo_image_surface_get_width(surface);
    image.height = cairo_image_surface_get_height(surface);
    image.rgba.resize(static_cast<std::size_t>(image.width) * image.height * 4);
    const cairo_format_t format = cairo_image_surface_get_format(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < image.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(stride) * y);
        std::uint8_t* dst = image.rgba.data() + static_cast<std::size_t>(y) * image.width * 4;
        for (int x = 0; x < image.width; ++x) {
            const std::uint32_t p = row[x];
            std::uint32_t a = format == CAIRO_FORMAT_RGB24 ? 255 : (p >> 24) & 0xff;
            auto un = [a](std::uint32_t c) {
                return a == 0 ? 0u : std::min<std::uint32_t>(255, (c * 255 + a / 2) / a);
            };
            dst[4 * x] = static_cast<std::uint8_t>(un((p >> 16) & 0xff));
            dst[4 * x + 1] = static_cast<std::uint8_t>(un((p >> 8) & 0xff));
            dst[4 * x + 2] = static_cast<std::uint8_t>(un(p & 0xff));
            dst[4 * x + 3] = static_cast<std::uint8_t>(a);
        }
    }
    cairo_surface_destroy(surface);
    return image;
}

}  // namespace lb::render
