#include "io/image_thumbnail.hpp"

#include <cpl_vsi.h>
#include <gdal.h>
#include <gdal_utils.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>

#include "core/error.hpp"
#include "io/gdal_errors.hpp"

namespace lb::io {
namespace {

std::atomic<std::uint64_t> g_memoryFileCounter{0};

std::string mimeOf(const std::vector<std::uint8_t>& bytes) {
    static constexpr std::uint8_t kPng[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), kPng, 8) == 0) return "image/png";
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return "image/jpeg";
    return {};
}

// The bytes as a GDAL in-memory file for the lifetime of this object (no copy).
class MemoryFile {
public:
    explicit MemoryFile(const std::vector<std::uint8_t>& bytes)
        : m_name("/vsimem/lagebild-image-" + std::to_string(++g_memoryFileCounter)) {
        VSILFILE* f = VSIFileFromMemBuffer(m_name.c_str(), const_cast<GByte*>(bytes.data()),
                                           static_cast<vsi_l_offset>(bytes.size()), FALSE);
        if (f) VSIFCloseL(f);
    }
    ~MemoryFile() { VSIUnlink(m_name.c_str()); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    const std::string& name() const { return m_name; }

private:
    std::string m_name;
};

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(static_cast<GDALDatasetH>(ds)); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

// An image opened by GDAL from memory; the error scope collects GDAL's messages while it lives.
struct OpenedImage {
    std::string mime;
    GdalErrorScope errors;
    MemoryFile file;
    Dataset dataset;

    OpenedImage(const std::vector<std::uint8_t>& bytes, const std::string& what) : mime(mimeOf(bytes)), file(bytes) {
        if (mime.empty()) throw core::InputError(what + ": not a JPEG or PNG image (checked by content)");
        const char* drivers[] = {mime == "image/png" ? "PNG" : "JPEG", nullptr};
        GDALDatasetH ds = GDALOpenEx(file.name().c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, drivers, nullptr, nullptr);
        if (!ds) {
            throw core::InputError(what + ": the " + (mime == "image/png" ? "PNG" : "JPEG") + " image cannot be read" +
                                   (errors.hasFailure() ? " (" + errors.failureText() + ")" : std::string()));
        }
        dataset.reset(ds);
    }
    GDALDatasetH handle() const { return static_cast<GDALDatasetH>(dataset.get()); }
};

}  // namespace

ImageInfo inspectImage(const std::vector<std::uint8_t>& bytes, const std::string& what) {
    ensureGdal();
    const OpenedImage image(bytes, what);
    return {image.mime, GDALGetRasterXSize(image.handle()), GDALGetRasterYSize(image.handle())};
}

std::vector<std::uint8_t> thumbnailPng(const std::vector<std::uint8_t>& bytes, int maxEdge, const std::string& what) {
    ensureGdal();
    OpenedImage image(bytes, what);
    GDALDatasetH h = image.handle();
    const GdalErrorScope& errors = image.errors;
    const int width = GDALGetRasterXSize(h), height = GDALGetRasterYSize(h);
    const double scale = std::min(1.0, static_cast<double>(maxEdge) / std::max(width, height));
    const std::string w = std::to_string(std::max(1, static_cast<int>(width * scale + 0.5)));
    const std::string hgt = std::to_string(std::max(1, static_cast<int>(height * scale + 0.5)));
    std::vector<const char*> args = {"-of", "PNG", "-outsize", w.c_str(), hgt.c_str(), "-r", "average", "-ot", "Byte"};
    GDALRasterBandH first = GDALGetRasterBand(h, 1);
    if (first && GDALGetRasterColorTable(first)) {
        args.push_back("-expand");
        args.push_back("rgba");
    }
    if (first && GDALGetRasterDataType(first) == GDT_UInt16) {
        for (const char* a : {"-scale", "0", "65535", "0", "255"}) args.push_back(a);
    }
    args.push_back(nullptr);
    GDALTranslateOptions* options = GDALTranslateOptionsNew(const_cast<char**>(args.data()), nullptr);
    const std::string out = image.file.name() + "-thumbnail.png";
    int usageError = 0;
    GDALDatasetH result = GDALTranslate(out.c_str(), h, options, &usageError);
    GDALTranslateOptionsFree(options);
    if (result) GDALClose(result);
    if (!result || errors.hasFailure()) {
        VSIUnlink(out.c_str());
        throw core::InputError(what + ": the image data is broken (" +
                               (errors.hasFailure() ? errors.failureText() : std::string("cannot decode")) + ")");
    }
    vsi_l_offset length = 0;
    GByte* data = VSIGetMemFileBuffer(out.c_str(), &length, TRUE);
    std::vector<std::uint8_t> png(data, data + length);
    VSIFree(data);
    return png;
}

RgbaImage decodeRgba(const std::vector<std::uint8_t>& bytes, const std::string& what, std::int64_t maxPixels) {
    ensureGdal();
    const OpenedImage image(bytes, what);
    GDALDatasetH h = image.handle();
    RgbaImage out;
    out.width = GDALGetRasterXSize(h);
    out.height = GDALGetRasterYSize(h);
    const std::int64_t pixels = static_cast<std::int64_t>(out.width) * out.height;
    if (pixels <= 0 || pixels > maxPixels) {
        throw core::InputError(what + ": " + std::to_string(out.width) + "×" + std::to_string(out.height) +
                               " pixels is too large to show");
    }
    out.pixels.assign(static_cast<std::size_t>(pixels) * 4, 255);
    const int bands = GDALGetRasterCount(h);
    GDALRasterBandH first = GDALGetRasterBand(h, 1);
    const bool palette = first && GDALGetRasterColorTable(first);
    const auto fail = [&] {
        return core::InputError(
            what + ": the image data is broken (" +
            (image.errors.hasFailure() ? image.errors.failureText() : std::string("cannot decode")) + ")");
    };
    // Reads one band as bytes into the channel `channel` of every pixel (pixel stride 4).
    const auto readBand = [&](int band, int channel) {
        GDALRasterBandH b = GDALGetRasterBand(h, band);
        if (!b || GDALRasterIO(b, GF_Read, 0, 0, out.width, out.height, out.pixels.data() + channel, out.width,
                               out.height, GDT_Byte, 4, out.width * 4) != CE_None) {
            throw fail();
        }
    };
    if (palette) {
        std::vector<std::uint8_t> index(static_cast<std::size_t>(pixels));
        if (GDALRasterIO(first, GF_Read, 0, 0, out.width, out.height, index.data(), out.width, out.height, GDT_Byte, 0,
                         0) != CE_None) {
            throw fail();
        }
        GDALColorTableH table = GDALGetRasterColorTable(first);
        for (std::size_t i = 0; i < index.size(); ++i) {
            const GDALColorEntry* c = GDALGetColorEntry(table, index[i]);
            if (!c) continue;
            std::uint8_t* p = &out.pixels[i * 4];
            p[0] = static_cast<std::uint8_t>(c->c1), p[1] = static_cast<std::uint8_t>(c->c2);
            p[2] = static_cast<std::uint8_t>(c->c3), p[3] = static_cast<std::uint8_t>(c->c4);
        }
    } else if (bands >= 3) {
        for (int band = 1; band <= std::min(bands, 4); ++band) readBand(band, band - 1);
    } else if (bands >= 1) {
        readBand(1, 0);  // grey (+ alpha)
        if (bands == 2) readBand(2, 3);
        for (std::size_t i = 0; i < out.pixels.size(); i += 4) out.pixels[i + 1] = out.pixels[i + 2] = out.pixels[i];
    } else {
        throw fail();
    }
    return out;
}

}  // namespace lb::io
