#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lb::io {

struct ImageInfo {
    std::string mimeType;  // "image/jpeg" or "image/png"
    int width = 0;
    int height = 0;
};

// Recognises JPEG and PNG by their first bytes (not by a file name) and reads the header through GDAL in
// memory; throws core::InputError for any other content or an unreadable image. `what` names the input
// in messages ("photo.jpg").
ImageInfo inspectImage(const std::vector<std::uint8_t>& bytes, const std::string& what);

// Decodes the whole image (JPEG or PNG) and returns an 8-bit PNG of at most maxEdge pixels on its longer
// side (averaged; palettes expanded); throws core::InputError when the image data is broken.
std::vector<std::uint8_t> thumbnailPng(const std::vector<std::uint8_t>& bytes, int maxEdge, const std::string& what);

// An 8-bit RGBA image, rows top to bottom, 4 bytes per pixel (straight alpha).
struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // width * height * 4
};

// Decodes a JPEG or PNG (typically a stored thumbnail) into RGBA: grey becomes R=G=B, a missing alpha
// band 255, palettes are expanded. Throws core::InputError for other content or broken image data;
// images with more than maxPixels pixels are refused (a thumbnail is small).
RgbaImage decodeRgba(const std::vector<std::uint8_t>& bytes, const std::string& what,
                     std::int64_t maxPixels = 4096 * 4096);

}  // namespace lb::io
