#include "io/osm_reader.hpp"

#include <bzlib.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "geo/geos_context.hpp"
#include "geo/wkb.hpp"
#include "io/detail/osmconf.hpp"
#include "io/gdal_errors.hpp"

namespace lb::io {
namespace {

enum class FileKind { Xml, Pbf, Bzip2, Unknown };

std::string describeContent(const unsigned char* head, std::size_t n) {
    if (n >= 8 && std::memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0) return "a PNG image";
    if (n >= 3 && std::memcmp(head, "\xff\xd8\xff", 3) == 0) return "a JPEG image";
    if (n >= 4 && std::memcmp(head, "%PDF", 4) == 0) return "a PDF document";
    if (n >= 4 && std::memcmp(head, "PK\x03\x04", 4) == 0) return "a ZIP archive";
    if (n >= 16 && std::memcmp(head, "SQLite format 3", 16) == 0) return "an SQLite database";
    if (n == 0) return "empty";
    return "not recognised";
}

FileKind sniff(const std::filesystem::path& file, std::string& description) {
    std::ifstream in(file, std::ios::binary);
    unsigned char head[64] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    const auto n = static_cast<std::size_t>(in.gcount());
    description = describeContent(head, n);
    if (n >= 3 && std::memcmp(head, "BZh", 3) == 0) return FileKind::Bzip2;
    // PBF: a 4-byte big-endian BlobHeader length, then field 1 (type) = "OSMHeader".
    if (n >= 17 && head[4] == 0x0A && head[5] == 0x09 && std::memcmp(head + 6, "OSMHeader", 9) == 0) {
        return FileKind::Pbf;
    }
    std::size_t i = 0;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;  // UTF-8 BOM
    while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (i + 5 <= n && (std::memcmp(head + i, "<?xml", 5) == 0 || std::memcmp(head + i, "<osm", 4) == 0)) {
        return FileKind::Xml;
    }
    return FileKind::Unknown;
}

// A temporary file removed when it goes out of scope.
class TempFile {
public:
    explicit TempFile(const std::string& suffix) {
        std::string pattern = (std::filesystem::temp_directory_path() / "lagebild-XXXXXX").string() + suffix;
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        const int fd = ::mkstemps(buf.data(), static_cast<int>(suffix.size()));
        if (fd < 0) throw core::ProcessingError("cannot create a temporary file in " + pattern);
        ::close(fd);
        m_path = buf.data();
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Decompresses a .bz2 file (GDAL has no bzip2 reader), returning the kind of the content.
FileKind decompressBzip2(const std::filesystem::path& source, const TempFile& target, core::Progress& progress) {
    std::FILE* in = std::fopen(source.c_str(), "rb");
    if (!in) throw core::InputError(source.string() + ": cannot read the file (" + std::strerror(errno) + ")");
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> inGuard(in, std::fclose);
    std::FILE* out = std::fopen(target.path().c_str(), "wb");
    if (!out) throw core::ProcessingError("cannot write the temporary file " + target.path().string());
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> outGuard(out, std::fclose);
    std::vector<char> buffer(1 << 20);
    const auto total = std::filesystem::file_size(source);
    progress.beginStage("Entpacken", total);
    // Extracts made with pbzip2/lbzip2 hold several bzip2 streams one after the other; all are read, and
    // the file must end exactly at the end of one.
    std::vector<char> unused;
    int bzError = BZ_OK;
    while (true) {
        BZFILE* bz = BZ2_bzReadOpen(&bzError, in, 0, 0, unused.empty() ? nullptr : unused.data(),
                                    static_cast<int>(unused.size()));
        if (bzError != BZ_OK) throw core::InputError(source.string() + ": not a readable bzip2 file");
        while (bzError == BZ_OK) {
            const int n = BZ2_bzRead(&bzError, bz, buffer.data(), static_cast<int>(buffer.size()));
            if ((bzError == BZ_OK || bzError == BZ_STREAM_END) && n > 0) {
                if (std::fwrite(buffer.data(), 1, static_cast<std::size_t>(n), out) != static_cast<std::size_t>(n)) {
                    BZ2_bzReadClose(&bzError, bz);
                    throw core::ProcessingError("cannot write the temporary file " + target.path().string() +
                                                " (disk full?)");
                }
            }
            progress.step(0);
        }
        const int finalError = bzError;
        if (finalError == BZ_STREAM_END) {
            void* rest = nullptr;
            int restSize = 0;
            BZ2_bzReadGetUnused(&bzError, bz, &rest, &restSize);
            unused.assign(static_cast<char*>(rest), static_cast<char*>(rest) + restSize);
        }
        BZ2_bzReadClose(&bzError, bz);
        if (finalError != BZ_STREAM_END) {
            throw core::InputError(source.string() + ": the bzip2 data is corrupt or truncated");
        }
        if (unused.empty()) {
            const int next = std::fgetc(in);
            if (next == EOF) break;
            std::ungetc(next, in);
        }
    }
    if (std::fflush(out) != 0) throw core::ProcessingError("cannot write the temporary file (disk full?)");
    progress.finishStage();
    std::string description;
    return sniff(target.path(), description);
}

struct ConfigOption {
    ConfigOption(const char* key, const char* value) : m_key(key) {
        const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
        if (old) m_old = old;
        m_hadOld = old != nullptr;
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ConfigOption() { CPLSetThreadLocalConfigOption(m_key, m_hadOld ? m_old.c_str() : nullptr); }
    ConfigOption(const ConfigOption&) = delete;
    ConfigOption& operator=(const ConfigOption&) = delete;
    const char* m_key;
    std::string m_old;
    bool m_hadOld = false;
};

OsmGeometryKind kindOfLayer(const char* name) {
    if (std::strcmp(name, "points") == 0) return OsmGeometryKind::Point;
    if (std::strcmp(name, "lines") == 0) return OsmGeometryKind::Line;
    return OsmGeometryKind::Area;
}

core::Wkb exportWkb(const OGRGeometry& geometry) {
    core::Wkb wkb(static_cast<std::size_t>(geometry.WkbSize()));
    geometry.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    return wkb;
}

// GDAL's OSM driver cuts a feature's all_tags text at 8 KiB (ALLTAGS_LENGTH) without a warning. OSM keys and
// values are at most 255 characters, so a list shorter than kLongTagList cannot have been cut.
constexpr std::size_t kLongTagList = 4096;
constexpr std::size_t kTagListLimit = 8000;  // at least this long: tags may have been dropped
constexpr std::size_t kListedWarnings = 10;

// Fills in the mapped keys (their own fields, see detail::kMappedKeys) that a cut all_tags lost; returns
// them comma-separated.
std::string restoreMappedKeys(OGRFeature& feature, OsmTags& tags) {
    std::string restored;
    for (const char* key : detail::kMappedKeys) {
        const int field = feature.GetFieldIndex(key);
        if (field < 0 || !feature.IsFieldSetAndNotNull(field) || findTag(tags, key)) continue;
        tags.emplace_back(key, feature.GetFieldAsString(field));
        restored += (restored.empty() ? "" : ", ") + std::string(key);
    }
    return restored;
}

}  // namespace

OsmReader::OsmReader(std::filesystem::path file) : m_file(std::move(file)) {}

void OsmReader::scan(const Visitor& visit, core::Progress& progress, const std::optional<core::BBox>& wgs84) {
    const std::string name = m_file.string();
    std::error_code ec;
    if (!std::filesystem::exists(m_file, ec)) throw core::InputError(name + ": no such file");
    if (!std::filesystem::is_regular_file(m_file, ec)) throw core::InputError(name + ": not a regular file");
    std::string description;
    FileKind kind = sniff(m_file, description);
    std::unique_ptr<TempFile> decompressed;
    std::filesystem::path source = m_file;
    if (kind == FileKind::Bzip2) {
        decompressed = std::make_unique<TempFile>(".osm");
        kind = decompressBzip2(m_file, *decompressed, progress);
        source = decompressed->path();
        if (kind == FileKind::Pbf) {
            throw core::InputError(name + ": bzip2-compressed PBF is not an OSM format; use the .osm.pbf itself");
        }
        description = "not recognised after bzip2 decompression";
    }
    if (kind == FileKind::Unknown) {
        throw core::InputError(name + ": not an OpenStreetMap file (content " + description + ")",
                               "expected OSM XML (.osm), PBF (.osm.pbf) or bzip2-compressed XML (.osm.bz2)");
    }

    GdalErrorScope errors;
    const char* confPath = "/vsimem/lagebild/osmconf.ini";
    VSILFILE* conf = VSIFileFromMemBuffer(confPath, reinterpret_cast<GByte*>(const_cast<char*>(detail::kOsmConf)),
                                          static_cast<vsi_l_offset>(std::strlen(detail::kOsmConf)), FALSE);
    VSIFCloseL(conf);
    struct ConfGuard {
        const char* path;
        ~ConfGuard() { VSIUnlink(path); }
    } confGuard{confPath};
    // Node cache in memory up to 1 GiB before GDAL spills to a temporary file.
    ConfigOption maxTmp("OSM_MAX_TMPFILE_SIZE", "1024");
    ConfigOption compress("OSM_COMPRESS_NODES", "NO");

    const char* allowed[] = {"OSM", nullptr};
    const std::string confOption = std::string("CONFIG_FILE=") + confPath;
    const char* openOptions[] = {confOption.c_str(), "INTERLEAVED_READING=YES", nullptr};
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, allowed, openOptions, nullptr));
    if (!dataset) {
        throw core::InputError(name + ": GDAL cannot read it as OpenStreetMap" +
                               (errors.hasFailure() ? " (" + errors.failureText() + ")" : ""));
    }
    if (errors.hasFailure()) throw core::InputError(name + ": " + errors.failureText());

    // No GDAL spatial filter: the OSM driver's filter drops ways whose envelope meets the box when too few
    // of their nodes lie in it (seen with GDAL 3.6); callers cut exactly, after a cheap envelope test.
    (void)wgs84;
    progress.beginStage("OSM lesen", 1000);
    std::uint64_t reported = 0;
    std::uint64_t features = 0;
    OGRLayer* layer = nullptr;
    double fraction = 0;
    while (true) {
        std::unique_ptr<OGRFeature> feature(dataset->GetNextFeature(&layer, &fraction, nullptr, nullptr));
        if (errors.hasFailure()) {
            throw core::InputError(name + ": invalid OpenStreetMap data (" + errors.failureText() + ")");
        }
        if (!feature) break;
        if (++features % 1024 == 0) {
            const auto permille = static_cast<std::uint64_t>(fraction * 1000.0);
            if (permille > reported) {
                progress.step(permille - reported);
                reported = permille;
            } else {
                progress.checkCancelled();
            }
        }
        visit(*layer, *feature);
    }
    if (reported < 1000) progress.step(1000 - reported);
    progress.finishStage();
}

void OsmReader::read(const Sink& sink, core::Progress& progress, const std::optional<core::BBox>& wgs84) {
    m_warnings.clear();
    m_cutTagLists = 0;
    const std::string name = m_file.string();
    geo::GeosContext geos;
    scan(
        [&](OGRLayer& ogrLayer, OGRFeature& ogrFeature) {
            OGRLayer* layer = &ogrLayer;
            OGRFeature* feature = &ogrFeature;
            const char* layerName = layer->GetName();
            if (std::strcmp(layerName, "multilinestrings") == 0 || std::strcmp(layerName, "other_relations") == 0) {
                return;
            }
            const OGRGeometry* geometry = feature->GetGeometryRef();
            if (!geometry || geometry->IsEmpty()) return;
            const int tagsField = feature->GetFieldIndex("all_tags");
            if (tagsField < 0 || !feature->IsFieldSetAndNotNull(tagsField)) return;
            OsmTags tags;
            const char* allTags = feature->GetFieldAsString(tagsField);
            try {
                tags = parseHstoreTags(allTags);
            } catch (const core::Error& e) {
                throw core::InputError(name + ": " + e.what());
            }
            const std::size_t tagsLength = std::strlen(allTags);
            const std::string restored = tagsLength >= kLongTagList ? restoreMappedKeys(*feature, tags) : std::string();
            const OsmGeometryKind geometryKind = kindOfLayer(layerName);
            const auto targets = classifyOsm(geometryKind, tags);
            if (targets.empty()) return;

            OsmFeature out{core::LayerId::Pois, "node", 0, &tags, {}};
            if (geometryKind == OsmGeometryKind::Area) {
                const int wayField = feature->GetFieldIndex("osm_way_id");
                if (wayField >= 0 && feature->IsFieldSetAndNotNull(wayField)) {
                    out.osmType = "way";
                    out.osmId = feature->GetFieldAsInteger64(wayField);
                } else {
                    out.osmType = "relation";
                    out.osmId = feature->GetFieldAsInteger64(feature->GetFieldIndex("osm_id"));
                }
            } else {
                out.osmType = geometryKind == OsmGeometryKind::Point ? "node" : "way";
                out.osmId = feature->GetFieldAsInteger64(feature->GetFieldIndex("osm_id"));
            }
            if (!restored.empty() || tagsLength >= kTagListLimit) {
                ++m_cutTagLists;
                if (m_warnings.size() < kListedWarnings) {
                    m_warnings.push_back(std::string(out.osmType) + " " + std::to_string(out.osmId) +
                                         ": more tags than GDAL keeps (8 KiB of tag text); " +
                                         (restored.empty() ? "" : "restored " + restored + ", ") +
                                         "tags past the limit that Lagebild does not map are dropped");
                }
            }
            const core::Wkb wkb = exportWkb(*geometry);
            for (const core::LayerId target : targets) {
                out.layer = target;
                if (target == core::LayerId::Pois && geometryKind != OsmGeometryKind::Point) {
                    try {
                        const auto [x, y] = geos.pointOnSurface(wkb);
                        out.geometry = geo::pointWkb(x, y);
                    } catch (const core::Error&) {
                        return;  // degenerate area: no POI position
                    }
                } else {
                    out.geometry = wkb;
                }
                sink(out);
            }
        },
        progress, wgs84);
    if (m_cutTagLists > kListedWarnings) {
        m_warnings.push_back(std::to_string(m_cutTagLists - kListedWarnings) +
                             " more features had more tags than GDAL keeps");
    }
}

std::vector<OsmBoundary> OsmReader::boundaries(const std::string& wanted, core::Progress& progress) {
    std::vector<OsmBoundary> found;
    const std::string name = m_file.string();
    const auto lower = [](std::string text) {
        for (char& c : text) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return text;
    };
    const std::string key = lower(wanted);
    scan(
        [&](OGRLayer& layer, OGRFeature& feature) {
            if (std::strcmp(layer.GetName(), "multipolygons") != 0) return;
            const OGRGeometry* geometry = feature.GetGeometryRef();
            if (!geometry || geometry->IsEmpty()) return;
            const int tagsField = feature.GetFieldIndex("all_tags");
            if (tagsField < 0 || !feature.IsFieldSetAndNotNull(tagsField)) return;
            OsmTags tags;
            try {
                tags = parseHstoreTags(feature.GetFieldAsString(tagsField));
            } catch (const core::Error& e) {
                throw core::InputError(name + ": " + e.what());
            }
            const auto* boundary = findTag(tags, "boundary");
            const auto* tagName = findTag(tags, "name");
            if (!boundary || *boundary != "administrative" || !tagName) return;
            OsmBoundary b;
            b.name = *tagName;
            if (const auto* level = findTag(tags, "admin_level")) b.adminLevel = std::atoi(level->c_str());
            const int idField = feature.GetFieldIndex("osm_id");
            if (idField >= 0 && feature.IsFieldSetAndNotNull(idField)) b.osmId = feature.GetFieldAsInteger64(idField);
            b.matches = lower(b.name) == key;
            if (b.matches) b.geometry = exportWkb(*geometry);
            found.push_back(std::move(b));
        },
        progress, std::nullopt);
    return found;
}

}  // namespace lb::io
