#pragma once

#include <cpl_vsi.h>
#include <gdal.h>

#include <cstdint>
#include <string>
#include <vector>

namespace lb::test {

// Encodes a dataset with a GDAL driver ("PNG", "JPEG") in memory and returns the file's bytes; closes `ds`.
// GDAL's encoders are independent of the decoders under test.
inline std::vector<std::uint8_t> encodeWithGdal(GDALDatasetH ds, const char* driverName, const std::string& tag) {
    const std::string name = "/vsimem/test-image-" + tag + "-" + driverName;
    GDALClose(GDALCreateCopy(GDALGetDriverByName(driverName), name.c_str(), ds, FALSE, nullptr, nullptr, nullptr));
    GDALClose(ds);
    vsi_l_offset length = 0;
    GByte* data = VSIGetMemFileBuffer(name.c_str(), &length, TRUE);
    std::vector<std::uint8_t> bytes(data, data + length);
    VSIFree(data);
    return bytes;
}

}  // namespace lb::test
