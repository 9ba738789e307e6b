#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace lb::ui {

// The UI language; German is the default (DESIGN.md: municipal users in Saxony).
enum class Language { German, English };

// "de" / "en" and back; unknown codes give German.
std::string_view languageCode(Language language);
Language languageFromCode(std::string_view code);

// Every text the UI shows. The table in strings.cpp holds the German and English text of each id in
// this order; tests check that nothing is missing.
enum class Str {
    // menu bar (menu entries: German and English must differ)
    MenuProject,
    MenuOpen,
    MenuNew,
    MenuDemo,
    MenuRecent,
    MenuClose,
    MenuQuit,
    MenuImport,
    MenuImportOsm,
    MenuImportThematic,
    MenuExport,
    MenuExportPng,
    MenuView,
    MenuFullExtent,
    MenuLayers,
    MenuInfo,
    MenuStatusBar,
    MenuLabels,
    MenuLegend,
    MenuLanguage,
    MenuHelp,
    MenuAbout,
    MenuShortcuts,
    // language names, each written in its own language
    LanguageGerman,
    LanguageEnglish,
    // layer panel
    LayersTitle,
    LayersBaseMap,
    LayersThematic,
    LayersOpacity,
    LayersColor,
    LayersMoveUp,
    LayersMoveDown,
    LayersZoomTo,
    LayersFeatures,
    LayersNoProject,
    // info panel
    InfoTitle,
    InfoNothing,
    InfoLayer,
    InfoFeatureId,
    InfoAttribute,
    InfoValue,
    InfoClear,
    // map canvas and start screen
    MapTitle,
    LoadingProject,
    LoadFailed,
    StartTitle,
    StartSubtitle,
    StartOpen,
    StartDemo,
    StartRecent,
    // status bar
    StatusNoProject,
    StatusScale,
    StatusResolution,
    StatusZoom,
    StatusFeatures,
    StatusFrame,
    StatusOutside,
    // file dialogs
    DialogOpenTitle,
    DialogNewTitle,
    DialogDemoTitle,
    DialogImportOsmTitle,
    DialogImportThematicTitle,
    DialogExportTitle,
    DialogPath,
    DialogParent,
    DialogOpen,
    DialogCreate,
    DialogImport,
    DialogSave,
    DialogCancel,
    DialogTargetLayer,
    DialogFileMissing,
    DialogFileExists,
    DialogNotAFolder,
    // jobs and notices
    JobCreateDemo,
    JobImportOsm,
    JobImportThematic,
    JobCancel,
    NoticeTitle,
    NoticeError,
    NoticeImported,
    NoticeRejected,
    NoticeExported,
    NoticeSettingsIgnored,
    NoticeClose,
    // help
    AboutTitle,
    AboutText,
    AboutAttribution,
    ShortcutsTitle,
    ShortcutsAction,
    ShortcutsKeys,
    ShortcutPan,
    ShortcutPanKeys,
    ShortcutZoom,
    ShortcutZoomKeys,
    ShortcutFull,
    ShortcutFullKeys,
    ShortcutSelect,
    ShortcutSelectKeys,
    ShortcutOpen,
    ShortcutOpenKeys,
    ShortcutExport,
    ShortcutExportKeys,
    ShortcutQuit,
    ShortcutQuitKeys,
    // analysis: query builder, heatmap, temporal charts, SQL console (issue 4)
    MenuAnalysis,
    MenuQuery,
    MenuHeatmap,
    MenuTemporal,
    MenuSqlConsole,
    QueryTitle,
    QueryLayer,
    QueryCategories,
    QueryNoneMeansAll,
    QueryPeriod,
    QueryFrom,
    QueryTo,
    QueryDateHint,
    QueryHours,
    QueryHoursRange,
    QueryWeekdays,
    QueryWeekdayNames,
    QueryInside,
    QueryWithin,
    QueryMetresOf,
    QueryLayerRefHint,
    QueryCountBy,
    CountByNone,
    CountByDistricts,
    CountByCategory,
    CountByHour,
    CountByWeekday,
    CountByMonth,
    CountByHourWeekday,
    CountByMonthCategory,
    CountByGrid,
    QueryReset,
    QueryBadDate,
    QueryBadRange,
    QueryBadHours,
    QueryBadLayerRef,
    QueryBadDistance,
    QueryBadCountBy,
    QueryResult,
    QueryCount,
    QueryComputing,
    QueryTiming,
    QueryFailed,
    QueryGroup,
    QueryGroupCount,
    QueryRate,
    QueryShowOnMap,
    QueryZoomTo,
    QueryExportMatches,
    QueryExportGroups,
    QueryMatchTable,
    QueryExported,
    DialogExportQueryTitle,
    HeatmapTitle,
    HeatmapShow,
    HeatmapRadius,
    HeatmapCell,
    HeatmapOpacity,
    HeatmapTiming,
    HeatmapNothing,
    HeatmapHint,
    TemporalTitle,
    TemporalMatrix,
    TemporalTrend,
    TemporalEmpty,
    TemporalCellTip,
    SqlTitle,
    SqlHint,
    SqlRun,
    SqlRunning,
    SqlRows,
    SqlCapped,
    SqlError,
    SqlNoColumns,
    AnalysisNoProject,
    // editing (issue 5): edit menu, field mode, edit tools, forms, graffiti, photos, visit calendar
    MenuEdit,
    MenuUndo,
    MenuRedo,
    MenuFieldMode,
    MenuEditTools,
    MenuAuthor,
    MenuVisitCalendar,
    ShortcutUndoKeys,
    ShortcutRedoKeys,
    EditNothingToUndo,
    EditUndone,
    EditFailed,
    EditKindAddPoint,
    EditKindAddLine,
    EditKindAddPolygon,
    EditKindAddRecord,
    EditKindMoveFeature,
    EditKindDeleteFeature,
    EditKindMoveVertex,
    EditKindInsertVertex,
    EditKindDeleteVertex,
    EditKindReplaceGeometry,
    EditKindUpdateAttributes,
    EditKindSetGraffitiStatus,
    EditKindAttachPhoto,
    EditKindRemovePhoto,
    EditKindFieldMark,
    AuthorTitle,
    AuthorText,
    AuthorName,
    AuthorOk,
    FieldTitle,
    FieldChoose,
    FieldTapMap,
    FieldNote,
    FieldNoteHint,
    FieldPhoto,
    FieldPhotoRemove,
    FieldSaved,
    FieldUndo,
    FieldExit,
    ToolsTitle,
    ToolsLayer,
    ToolSelect,
    ToolPoint,
    ToolLine,
    ToolPolygon,
    ToolRoute,
    ToolVertices,
    ToolMove,
    ToolDelete,
    ToolsHintPoint,
    ToolsHintSketch,
    ToolsHintRoute,
    ToolsHintVertices,
    ToolsHintMove,
    ToolsHintDelete,
    ToolsNotEditable,
    ToolsSnapped,
    DeleteConfirmTitle,
    DeleteConfirmText,
    DeleteConfirm,
    FormTitleNew,
    FormTitleEdit,
    FormSave,
    FormCancel,
    FormInvalid,
    FormRequired,
    FormNone,
    FormPickDate,
    FormEdit,
    FormSaved,
    GraffitiHistory,
    GraffitiChange,
    GraffitiNewStatus,
    GraffitiDate,
    GraffitiCost,
    GraffitiNote,
    GraffitiDerived,
    GraffitiNoNext,
    PhotosTitle,
    PhotosNone,
    PhotosAttach,
    DialogPhotoTitle,
    DialogChoose,
    CalendarTitle,
    CalendarRoute,
    CalendarNoRoute,
    CalendarNoVisits,
    CalendarVisits,
    CalendarWeekdays,
    CalendarPrev,
    CalendarNext,
    Count
};

struct StringEntry {
    Str id;
    std::string_view key;  // stable identifier for tests and logs, e.g. "menu.project"
    std::string_view de;
    std::string_view en;
    bool menuEntry;  // shown in the menu bar: must differ between the languages
};

// The whole table, in Str order.
std::span<const StringEntry> allStrings();

// The text of an id in a language; texts are static and null-terminated.
const char* text(Str id, Language language);

// A German / English label for a project table column ("category" → "Kategorie"); the column name
// itself when there is none.
std::string_view columnLabel(std::string_view column, Language language);

// The display name of a project layer ("incidents" → "Vorfälle" / "Incidents"); German names come from
// core::layerInfo. Unknown names are returned as they are.
std::string_view layerLabel(std::string_view layer, Language language);

// Binds a language for one frame's worth of lookups: tr(Str::MenuOpen).
class Translator {
public:
    explicit Translator(Language language = Language::German) : m_language(language) {}
    Language language() const { return m_language; }
    const char* operator()(Str id) const { return text(id, m_language); }
    std::string_view column(std::string_view name) const { return columnLabel(name, m_language); }
    std::string_view layer(std::string_view name) const { return layerLabel(name, m_language); }

private:
    Language m_language;
};

}  // namespace lb::ui
