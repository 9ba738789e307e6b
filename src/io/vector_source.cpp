#include "io/vector_source.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/error.hpp"
#include "io/detail/csv_reader.hpp"
#include "io/gdal_errors.hpp"

namespace lb::io {
namespace {

std::string lowerExtension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// The --delimiter value as a character; '\0' = detect it from the header line.
char delimiterChar(const std::string& delimiter, const std::string& file) {
    if (delimiter.empty()) return '\0';
    if (delimiter == "," || delimiter == ";" || delimiter == "|") return delimiter[0];
    if (delimiter == "\\t" || delimiter == "\t" || delimiter == "tab") return '\t';
    if (delimiter == " " || delimiter == "space") return ' ';
    throw core::UsageError(file + ": unsupported --delimiter '" + delimiter + "'", "use , ; | or tab");
}

// OGR date/time fields as ISO 8601 text ("2025-09-29T09:05:00+02:00"), whatever the driver's own string
// form is (GeoJSON and GeoPackage detect date-times and would print "2025/09/29 09:05:00+02").
std::string isoDateTime(OGRFeature& feature, int index) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, tz = 0;
    float second = 0;
    feature.GetFieldAsDateTime(index, &year, &month, &day, &hour, &minute, &second, &tz);
    const auto type = feature.GetFieldDefnRef(index)->GetType();
    char buf[48];
    if (type == OFTDate) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        return buf;
    }
    const int wholeSeconds = static_cast<int>(second);
    if (type == OFTTime) {
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hour, minute, wholeSeconds);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, wholeSeconds);
    std::string out = buf;
    if (tz == 100) {
        out += "Z";
    } else if (tz > 1) {
        const int offsetMinutes = (tz - 100) * 15;
        const int magnitude = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", offsetMinutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
        out += buf;
    }
    return out;  // tz 0 (unknown) or 1 (local time): no offset, read as Berlin time
}

}  // namespace

struct VectorSource::Impl {
    std::unique_ptr<GDALDataset> dataset;
    OGRLayer* layer = nullptr;
    // CSV is read by our own reader: it knows physical lines and sees NUL bytes, which GDAL's CSV driver
    // neither reports nor keeps.
    std::unique_ptr<detail::CsvReader> csv;
    int wktField = -1;  // CSV column "WKT" holding the geometry (as GDAL's CSV driver reads it)
};

// Text as UTF-8: CSV bytes from the given --encoding; else as is when valid UTF-8, else as Windows-1252
// (counted). GDAL hands other formats over as UTF-8 already (a Shapefile through its ENCODING option).
std::string VectorSource::decode(const char* raw, std::size_t& recoded) const {
    if (m_csv && !m_options.encoding.empty()) {
        char* converted = CPLRecode(raw, m_options.encoding.c_str(), CPL_ENC_UTF8);
        std::string out(converted);
        CPLFree(converted);
        return out;
    }
    if (CPLIsUTF8(raw, -1)) return raw;
    char* converted = CPLRecode(raw, "CP1252", CPL_ENC_UTF8);
    std::string out(converted);
    CPLFree(converted);
    ++recoded;
    return out;
}

void VectorSource::openCsv() {
    const std::string name = m_file.string();
    m_impl->csv = std::make_unique<detail::CsvReader>(m_file, delimiterChar(m_options.delimiter, name));
    detail::CsvRecord header;
    if (!m_impl->csv->next(header)) throw core::InputError(name + ": the file has no header line");
    if (header.nulField >= 0) {
        throw core::InputError(name + ": line " + std::to_string(header.line) + ": NUL byte in the header",
                               "the file is not plain text; export it again as CSV");
    }
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string field = decode(header.fields[i].c_str(), m_recoded);
        if (field.find_first_not_of(" \t") == std::string::npos) field = "field_" + std::to_string(i + 1);
        if (m_impl->wktField < 0 && EQUAL(field.c_str(), "WKT")) m_impl->wktField = static_cast<int>(i);
        m_fieldNames.push_back(std::move(field));
    }
    m_hasGeometry = m_impl->wktField >= 0;
}

VectorSource::VectorSource(std::filesystem::path file, VectorSourceOptions options)
    : m_impl(std::make_unique<Impl>()), m_file(std::move(file)), m_options(std::move(options)) {
    const std::string name = m_file.string();
    std::error_code ec;
    if (!std::filesystem::exists(m_file, ec)) throw core::InputError(name + ": no such file");
    if (std::filesystem::is_regular_file(m_file, ec) && std::filesystem::file_size(m_file, ec) == 0) {
        throw core::InputError(name + ": the file is empty");
    }
    const std::string ext = lowerExtension(m_file);
    m_csv = ext == ".csv" || ext == ".txt" || ext == ".tsv";
    GdalErrorScope errors;  // also keeps CPLRecode's warnings off stderr
    if (m_csv) {
        openCsv();
        return;
    }
    CPLStringList openOptions;
    if (ext == ".shp" && !m_options.encoding.empty()) {
        openOptions.AddString(("ENCODING=" + m_options.encoding).c_str());
    }
    m_impl->dataset.reset(
        GDALDataset::Open(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, openOptions.List(), nullptr));
    if (!m_impl->dataset) {
        throw core::InputError(name + ": cannot read the file as CSV, GeoJSON, GeoPackage, Shapefile, KML or GPX" +
                               (errors.hasFailure() ? " (" + errors.failureText() + ")" : ""));
    }
    if (m_impl->dataset->GetLayerCount() < 1) throw core::InputError(name + ": the file contains no layer");
    // The first layer with features (GPX files have several: waypoints, routes, tracks, …). Drivers that cannot
    // count cheaply (GPX, KML) answer -1 unforced; such a layer is counted by reading it, or a track-only GPX
    // would be read from its empty waypoints layer.
    for (int i = 0; i < m_impl->dataset->GetLayerCount(); ++i) {
        OGRLayer* candidate = m_impl->dataset->GetLayer(i);
        if (!m_impl->layer) m_impl->layer = candidate;
        GIntBig count = candidate->GetFeatureCount(FALSE);
        if (count < 0) count = candidate->GetFeatureCount(TRUE);
        if (count > 0) {
            m_impl->layer = candidate;
            break;
        }
    }
    OGRLayer* layer = m_impl->layer;
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        m_fieldNames.push_back(decode(definition->GetFieldDefn(i)->GetNameRef(), m_recoded));
    }
    m_hasGeometry = definition->GetGeomFieldCount() > 0 && layer->GetGeomType() != wkbNone;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        OGRSpatialReference copy(*srs);
        const char* authority = copy.GetAuthorityName(nullptr);
        const char* code = copy.GetAuthorityCode(nullptr);
        if (!(authority && code && EQUAL(authority, "EPSG"))) {
            if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
                authority = copy.GetAuthorityName(nullptr);
                code = copy.GetAuthorityCode(nullptr);
            }
        }
        if (!(authority && code && EQUAL(authority, "EPSG"))) {
            int count = 0;
            int* confidence = nullptr;
            OGRSpatialReferenceH* found = copy.FindMatches(nullptr, &count, &confidence);
            if (found && count > 0 && confidence[0] >= 90) {
                auto* best = OGRSpatialReference::FromHandle(found[0]);
                authority = best->GetAuthorityName(nullptr);
                code = best->GetAuthorityCode(nullptr);
                if (authority && code && EQUAL(authority, "EPSG")) m_crs = std::string("EPSG:") + code;
            }
            OSRFreeSRSArray(found);
            CPLFree(confidence);
            if (m_crs.empty()) {
                throw core::InputError(name + ": the file's coordinate reference system has no EPSG code",
                                       "give it with --crs EPSG:N");
            }
        } else {
            m_crs = std::string("EPSG:") + code;
        }
    }
    m_featureCount = layer->GetFeatureCount(FALSE);
    layer->ResetReading();
}

VectorSource::~VectorSource() = default;

namespace {

void exportGeometry(OGRGeometry& geometry, core::Wkb& out) {
    geometry.flattenTo2D();
    if (geometry.hasCurveGeometry()) {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        out.resize(static_cast<std::size_t>(linear->WkbSize()));
        linear->exportToWkb(wkbNDR, out.data(), wkbVariantIso);
    } else {
        out.resize(static_cast<std::size_t>(geometry.WkbSize()));
        geometry.exportToWkb(wkbNDR, out.data(), wkbVariantIso);
    }
}

}  // namespace

bool VectorSource::nextCsv(core::Feature& feature) {
    GdalErrorScope errors;
    detail::CsvRecord record;
    if (!m_impl->csv->next(record)) return false;
    ++m_index;
    feature.sourceRow = record.line;
    feature.problem.clear();
    feature.geometry.clear();
    feature.attributes.resize(m_fieldNames.size());
    if (record.nulField >= 0) {
        const auto field = static_cast<std::size_t>(record.nulField);
        feature.problem = "NUL byte in field " +
                          (field < m_fieldNames.size() ? m_fieldNames[field] : "number " + std::to_string(field + 1)) +
                          " (the file is not plain text there)";
    } else if (record.fields.size() > m_fieldNames.size()) {
        for (std::size_t i = m_fieldNames.size(); i < record.fields.size(); ++i) {
            if (record.fields[i].find_first_not_of(" \t") != std::string::npos) {
                feature.problem = "the row has " + std::to_string(record.fields.size()) + " fields, the header " +
                                  std::to_string(m_fieldNames.size()) + " (check the delimiter and quotes)";
                break;
            }
        }
    }
    for (std::size_t i = 0; i < m_fieldNames.size(); ++i) {
        auto& attribute = feature.attributes[i];
        attribute.name = m_fieldNames[i];
        if (i >= record.fields.size() || record.fields[i].empty()) {
            attribute.value = std::monostate{};
        } else {
            attribute.value = decode(record.fields[i].c_str(), m_recoded);
        }
    }
    if (m_impl->wktField >= 0 && feature.problem.empty()) {
        const auto& wkt = feature.attributes[static_cast<std::size_t>(m_impl->wktField)].value;
        if (const auto* text = std::get_if<std::string>(&wkt)) {
            OGRGeometry* parsed = nullptr;
            if (OGRGeometryFactory::createFromWkt(text->c_str(), nullptr, &parsed) != OGRERR_NONE || !parsed) {
                feature.problem = "cannot read the geometry in column " +
                                  m_fieldNames[static_cast<std::size_t>(m_impl->wktField)] + " as WKT";
            } else {
                std::unique_ptr<OGRGeometry> geometry(parsed);
                if (!geometry->IsEmpty()) exportGeometry(*geometry, feature.geometry);
            }
        }
    }
    return true;
}

bool VectorSource::next(core::Feature& feature) {
    if (m_csv) return nextCsv(feature);
    GdalErrorScope errors;
    std::unique_ptr<OGRFeature> source(m_impl->layer->GetNextFeature());
    ++m_index;
    if (errors.hasFailure()) {
        throw core::InputError(m_file.string() + ": " + rowWord() + " " + std::to_string(m_index) + ": " +
                               errors.failureText());
    }
    if (!source) return false;
    feature.sourceRow = m_index;
    feature.problem.clear();
    feature.attributes.resize(m_fieldNames.size());
    for (std::size_t i = 0; i < m_fieldNames.size(); ++i) {
        auto& attribute = feature.attributes[i];
        attribute.name = m_fieldNames[i];
        const int index = static_cast<int>(i);
        if (!source->IsFieldSetAndNotNull(index)) {
            attribute.value = std::monostate{};
            continue;
        }
        switch (source->GetFieldDefnRef(index)->GetType()) {
            case OFTInteger:
            case OFTInteger64:
                attribute.value = static_cast<std::int64_t>(source->GetFieldAsInteger64(index));
                break;
            case OFTReal:
                attribute.value = source->GetFieldAsDouble(index);
                break;
            case OFTDate:
            case OFTDateTime:
            case OFTTime:
                attribute.value = isoDateTime(*source, index);
                break;
            default:
                attribute.value = decode(source->GetFieldAsString(index), m_recoded);
        }
    }
    feature.geometry.clear();
    if (m_hasGeometry) {
        if (OGRGeometry* geometry = source->GetGeometryRef(); geometry && !geometry->IsEmpty()) {
            exportGeometry(*geometry, feature.geometry);
        }
    }
    return true;
}

}  // namespace lb::io
