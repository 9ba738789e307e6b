#include "io/vector_source.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/error.hpp"
#include "io/gdal_errors.hpp"

namespace lb::io {
namespace {

std::string lowerExtension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

const char* separatorOption(const std::string& delimiter, const std::string& file) {
    if (delimiter.empty()) return "SEPARATOR=AUTO";
    if (delimiter == ",") return "SEPARATOR=COMMA";
    if (delimiter == ";") return "SEPARATOR=SEMICOLON";
    if (delimiter == "\\t" || delimiter == "\t" || delimiter == "tab") return "SEPARATOR=TAB";
    if (delimiter == " " || delimiter == "space") return "SEPARATOR=SPACE";
    if (delimiter == "|") return "SEPARATOR=PIPE";
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
};

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
    GdalErrorScope errors;
    CPLStringList openOptions;
    std::string path = name;
    if (m_csv) {
        if (ext != ".csv") path = "CSV:" + name;
        openOptions.AddString(separatorOption(m_options.delimiter, name));
        openOptions.AddString("AUTODETECT_TYPE=NO");
        openOptions.AddString("HEADERS=YES");
        openOptions.AddString("KEEP_GEOM_COLUMNS=YES");
        openOptions.AddString("EMPTY_STRING_AS_NULL=YES");
    } else if (ext == ".shp" && !m_options.encoding.empty()) {
        openOptions.AddString(("ENCODING=" + m_options.encoding).c_str());
    }
    m_impl->dataset.reset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, openOptions.List(), nullptr));
    if (!m_impl->dataset) {
        throw core::InputError(name + ": cannot read the file as CSV, GeoJSON, GeoPackage, Shapefile, KML or GPX" +
                               (errors.hasFailure() ? " (" + errors.failureText() + ")" : ""));
    }
    if (m_impl->dataset->GetLayerCount() < 1) throw core::InputError(name + ": the file contains no layer");
    // The first layer with features (GPX files have several; waypoints or tracks come first as present).
    for (int i = 0; i < m_impl->dataset->GetLayerCount(); ++i) {
        OGRLayer* candidate = m_impl->dataset->GetLayer(i);
        if (!m_impl->layer) m_impl->layer = candidate;
        if (candidate->GetFeatureCount(FALSE) != 0) {
            m_impl->layer = candidate;
            break;
        }
    }
    OGRLayer* layer = m_impl->layer;
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        std::string field = definition->GetFieldDefn(i)->GetNameRef();
        if (!m_options.encoding.empty() && m_csv) {
            char* recoded = CPLRecode(field.c_str(), m_options.encoding.c_str(), CPL_ENC_UTF8);
            field = recoded;
            CPLFree(recoded);
        }
        m_fieldNames.push_back(field);
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

bool VectorSource::next(core::Feature& feature) {
    GdalErrorScope errors;
    std::unique_ptr<OGRFeature> source(m_impl->layer->GetNextFeature());
    ++m_index;
    if (errors.hasFailure()) {
        throw core::InputError(m_file.string() + ": " + rowWord() + " " +
                               std::to_string(m_csv ? m_index + 1 : m_index) + ": " + errors.failureText());
    }
    if (!source) return false;
    feature.sourceRow = m_csv ? m_index + 1 : m_index;
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
            default: {
                const char* raw = source->GetFieldAsString(index);
                if (!m_options.encoding.empty()) {
                    char* recoded = CPLRecode(raw, m_options.encoding.c_str(), CPL_ENC_UTF8);
                    attribute.value = std::string(recoded);
                    CPLFree(recoded);
                } else if (!CPLIsUTF8(raw, -1)) {
                    char* recoded = CPLRecode(raw, "CP1252", CPL_ENC_UTF8);
                    attribute.value = std::string(recoded);
                    CPLFree(recoded);
                    ++m_recoded;
                } else {
                    attribute.value = std::string(raw);
                }
            }
        }
    }
    feature.geometry.clear();
    if (m_hasGeometry) {
        if (OGRGeometry* geometry = source->GetGeometryRef(); geometry && !geometry->IsEmpty()) {
            geometry->flattenTo2D();
            if (geometry->hasCurveGeometry()) {
                std::unique_ptr<OGRGeometry> linear(geometry->getLinearGeometry());
                feature.geometry.resize(static_cast<std::size_t>(linear->WkbSize()));
                linear->exportToWkb(wkbNDR, feature.geometry.data(), wkbVariantIso);
            } else {
                feature.geometry.resize(static_cast<std::size_t>(geometry->WkbSize()));
                geometry->exportToWkb(wkbNDR, feature.geometry.data(), wkbVariantIso);
            }
        }
    }
    return true;
}

}  // namespace lb::io
