#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace lb::render {

// An 8-bit RGBA image, first row on top.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
};

// Writes a PNG through Cairo, atomically (a temporary file renamed into place), so a failure never
// leaves a half-written file. Throws core::ProcessingError naming the file.
void writePng(const std::filesystem::path& file, const Image& image);
// Throws core::InputError when the file is not a readable PNG.
Image readPng(const std::filesystem::path& file);

}  // namespace lb::render
