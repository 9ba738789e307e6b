// Decoding stored photo thumbnails for display (edit::decodeThumbnail): size, colours, grey and palette
// images, refusal of non-images and oversized ones.

#include <gdal.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "edit/photos.hpp"
#include "io/image_thumbnail.hpp"
#include "unit/edit/gdal_image_encoder.hpp"

using namespace lb;

namespace {

// A PNG written by GDAL's PNG driver (an encoder independent of the decoder under test): `bands` bands
// (1 grey, 3 RGB, 4 RGBA), the left half of every row filled with `left`, the right half with `right`.
std::vector<std::uint8_t> writePng(int width, int height, int bands, std::array<std::uint8_t, 4> left,
                                   std::array<std::uint8_t, 4> right) {
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("MEM"), "", width, height, bands, GDT_Byte, nullptr);
    std::vector<std::uint8_t> band(static_cast<std::size_t>(width * height));
    for (int b = 0; b < bands; ++b) {
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x)
                band[static_cast<std::size_t>(y * width + x)] = x < width / 2 ? left[b] : right[b];
        }
        if (GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, width, height, band.data(), width, height,
                         GDT_Byte, 0, 0) != CE_None) {
            throw std::runtime_error("RasterIO failed");
        }
    }
    return test::encodeWithGdal(ds, "PNG", "thumbnail-" + std::to_string(bands));
}

std::array<std::uint8_t, 4> pixel(const edit::ThumbnailPixels& image, int x, int y) {
    const auto* p = &image.rgba[static_cast<std::size_t>((y * image.width + x) * 4)];
    return {p[0], p[1], p[2], p[3]};
}

using Rgba = std::array<std::uint8_t, 4>;

}  // namespace

TEST(PhotoThumbnail, RgbPngDecodesToItsSizeAndColours) {
    const auto png = writePng(40, 30, 3, {200, 30, 10, 0}, {5, 120, 250, 0});
    const auto image = edit::decodeThumbnail(png);
    EXPECT_EQ(image.width, 40);
    EXPECT_EQ(image.height, 30);
    ASSERT_EQ(image.rgba.size(), 40u * 30u * 4u);
    EXPECT_EQ(pixel(image, 0, 0), (Rgba{200, 30, 10, 255}));  // no alpha band: opaque
    EXPECT_EQ(pixel(image, 19, 29), (Rgba{200, 30, 10, 255}));
    EXPECT_EQ(pixel(image, 20, 0), (Rgba{5, 120, 250, 255}));
    EXPECT_EQ(pixel(image, 39, 29), (Rgba{5, 120, 250, 255}));
}

TEST(PhotoThumbnail, AlphaAndGreyAreKept) {
    const auto rgba = edit::decodeThumbnail(writePng(8, 4, 4, {10, 20, 30, 40}, {50, 60, 70, 255}));
    EXPECT_EQ(pixel(rgba, 0, 3), (Rgba{10, 20, 30, 40}));
    EXPECT_EQ(pixel(rgba, 7, 0), (Rgba{50, 60, 70, 255}));
    const auto grey = edit::decodeThumbnail(writePng(6, 2, 1, {90, 0, 0, 0}, {180, 0, 0, 0}));
    EXPECT_EQ(pixel(grey, 0, 0), (Rgba{90, 90, 90, 255}));
    EXPECT_EQ(pixel(grey, 5, 1), (Rgba{180, 180, 180, 255}));
}

TEST(PhotoThumbnail, StoredThumbnailOfAPhotoDecodes) {
    // What attachPhoto stores for a 640×480 photo (red left, blue right): a 256×192 thumbnail.
    const auto photo = writePng(640, 480, 3, {255, 0, 0, 0}, {0, 0, 255, 0});
    const auto image = edit::decodeThumbnail(io::thumbnailPng(photo, edit::kThumbnailEdge, "test photo"));
    EXPECT_EQ(image.width, 256);
    EXPECT_EQ(image.height, 192);
    EXPECT_EQ(pixel(image, 10, 100), (Rgba{255, 0, 0, 255}));
    EXPECT_EQ(pixel(image, 245, 100), (Rgba{0, 0, 255, 255}));
}

TEST(PhotoThumbnail, NonImagesAndHugeImagesAreRefused) {
    const std::string text = "not a picture at all";
    EXPECT_THROW(edit::decodeThumbnail(std::vector<std::uint8_t>(text.begin(), text.end())), core::InputError);
    const auto png = writePng(20, 10, 3, {1, 2, 3, 0}, {4, 5, 6, 0});
    EXPECT_THROW(edit::decodeThumbnail(std::vector<std::uint8_t>(png.begin(), png.begin() + 40)), core::InputError);
    // Larger than a thumbnail can be: refused rather than uploaded.
    EXPECT_THROW(edit::decodeThumbnail(writePng(edit::kThumbnailEdge + 1, edit::kThumbnailEdge, 3, {}, {})),
                 core::InputError);
}
