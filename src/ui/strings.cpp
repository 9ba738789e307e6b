#include "ui/strings.hpp"

#include <array>
#include <cassert>

#include "core/layer.hpp"

namespace lb::ui {
namespace {

using enum Str;

// In Str order; "…" marks entries that open a dialog. printf placeholders must match in both columns.
constexpr std::array<StringEntry, static_cast<std::size_t>(Count)> kStrings{{
    {MenuProject, "menu.project", "Projekt", "Project", true},
    {MenuOpen, "menu.open", "Öffnen…", "Open…", true},
    {MenuNew, "menu.new", "Neu…", "New…", true},
    {MenuDemo, "menu.demo", "Demo-Stadt erstellen…", "Create demo town…", true},
    {MenuRecent, "menu.recent", "Zuletzt geöffnet", "Open recent", true},
    {MenuClose, "menu.close", "Projekt schließen", "Close project", true},
    {MenuQuit, "menu.quit", "Beenden", "Quit", true},
    {MenuImport, "menu.import", "Importieren", "Import", true},
    {MenuImportOsm, "menu.import_osm", "OSM-Daten…", "OSM data…", true},
    {MenuImportThematic, "menu.import_thematic", "Thematische Ebene…", "Thematic layer…", true},
    {MenuExport, "menu.export", "Exportieren", "Export", true},
    {MenuExportPng, "menu.export_png", "Karte als PNG…", "Map as PNG…", true},
    {MenuView, "menu.view", "Ansicht", "View", true},
    {MenuFullExtent, "menu.full_extent", "Gesamtansicht", "Full extent", true},
    {MenuLayers, "menu.layers", "Ebenen", "Layers", true},
    {MenuInfo, "menu.info", "Info-Panel", "Info panel", true},
    {MenuStatusBar, "menu.status_bar", "Statusleiste", "Status bar", true},
    {MenuLabels, "menu.labels", "Beschriftungen", "Labels", true},
    {MenuLegend, "menu.legend", "Legende", "Legend", true},
    {MenuLanguage, "menu.language", "Sprache", "Language", true},
    {MenuHelp, "menu.help", "Hilfe", "Help", true},
    {MenuAbout, "menu.about", "Über Lagebild", "About Lagebild", true},
    {MenuShortcuts, "menu.shortcuts", "Tastenkürzel", "Keyboard shortcuts", true},
    {LanguageGerman, "language.de", "Deutsch", "Deutsch", false},
    {LanguageEnglish, "language.en", "English", "English", false},
    {LayersTitle, "layers.title", "Ebenen", "Layers", false},
    {LayersBaseMap, "layers.base_map", "Grundkarte (OSM)", "Base map (OSM)", false},
    {LayersThematic, "layers.thematic", "Fachdaten", "Thematic data", false},
    {LayersOpacity, "layers.opacity", "Deckkraft", "Opacity", false},
    {LayersColor, "layers.color", "Farbe", "Colour", false},
    {LayersMoveUp, "layers.move_up", "Nach oben", "Move up", false},
    {LayersMoveDown, "layers.move_down", "Nach unten", "Move down", false},
    {LayersZoomTo, "layers.zoom_to", "Auf Ebene zoomen", "Zoom to layer", false},
    {LayersFeatures, "layers.features", "%s Objekte", "%s features", false},
    {LayersNoProject, "layers.no_project", "Kein Projekt geöffnet.", "No project open.", false},
    {InfoTitle, "info.title", "Objektinformationen", "Feature information", false},
    {InfoNothing, "info.nothing", "Klicken Sie auf ein Objekt in der Karte, um seine Merkmale zu sehen.",
     "Click a feature on the map to see its attributes.", false},
    {InfoLayer, "info.layer", "Ebene", "Layer", false},
    {InfoFeatureId, "info.feature_id", "Objekt-Nr.", "Feature no.", false},
    {InfoAttribute, "info.attribute", "Merkmal", "Attribute", false},
    {InfoValue, "info.value", "Wert", "Value", false},
    {InfoClear, "info.clear", "Auswahl aufheben", "Clear selection", false},
    {MapTitle, "map.title", "Karte", "Map", false},
    {LoadingProject, "map.loading", "Lade Projekt…", "Loading project…", false},
    {LoadFailed, "map.load_failed", "Das Projekt konnte nicht geöffnet werden.", "The project could not be opened.",
     false},
    {StartTitle, "start.title", "Willkommen bei Lagebild", "Welcome to Lagebild", false},
    {StartSubtitle, "start.subtitle", "Lagebilder für die kommunale Kriminalprävention",
     "Situation maps for municipal crime prevention", false},
    {StartOpen, "start.open", "Projekt öffnen…", "Open project…", false},
    {StartDemo, "start.demo", "Demo-Stadt erstellen", "Create demo town", false},
    {StartRecent, "start.recent", "Zuletzt geöffnet", "Recent projects", false},
    {StatusNoProject, "status.no_project", "Kein Projekt geöffnet", "No project open", false},
    {StatusScale, "status.scale", "Maßstab", "Scale", false},
    {StatusResolution, "status.resolution", "m/Pixel", "m/pixel", false},
    {StatusZoom, "status.zoom", "Zoomstufe", "Zoom level", false},
    {StatusFeatures, "status.features", "Objekte", "Features", false},
    {StatusFrame, "status.frame", "Bildaufbau", "Frame", false},
    {StatusOutside, "status.outside", "Mauszeiger außerhalb der Karte", "Cursor outside the map", false},
    {DialogOpenTitle, "dialog.open", "Projekt öffnen", "Open project", false},
    {DialogNewTitle, "dialog.new", "Neues Projekt", "New project", false},
    {DialogDemoTitle, "dialog.demo", "Demo-Stadt erstellen", "Create demo town", false},
    {DialogImportOsmTitle, "dialog.import_osm", "OSM-Daten importieren", "Import OSM data", false},
    {DialogImportThematicTitle, "dialog.import_thematic", "Thematische Ebene importieren", "Import thematic layer",
     false},
    {DialogExportTitle, "dialog.export", "Karte als PNG exportieren", "Export map as PNG", false},
    {DialogPath, "dialog.path", "Pfad", "Path", false},
    {DialogParent, "dialog.parent", "Übergeordneter Ordner", "Parent folder", false},
    {DialogOpen, "dialog.open_button", "Öffnen", "Open", false},
    {DialogCreate, "dialog.create_button", "Erstellen", "Create", false},
    {DialogImport, "dialog.import_button", "Importieren", "Import", false},
    {DialogSave, "dialog.save_button", "Speichern", "Save", false},
    {DialogCancel, "dialog.cancel", "Abbrechen", "Cancel", false},
    {DialogTargetLayer, "dialog.target_layer", "Zielebene", "Target layer", false},
    {DialogFileMissing, "dialog.file_missing", "Datei nicht gefunden.", "File not found.", false},
    {DialogFileExists, "dialog.file_exists", "Die Datei existiert bereits.", "The file already exists.", false},
    {DialogNotAFolder, "dialog.not_a_folder", "Ordner nicht lesbar.", "Folder not readable.", false},
    {JobCreateDemo, "job.demo", "Demo-Stadt wird erstellt…", "Creating demo town…", false},
    {JobImportOsm, "job.import_osm", "OSM-Daten werden importiert…", "Importing OSM data…", false},
    {JobImportThematic, "job.import_thematic", "Ebene wird importiert…", "Importing layer…", false},
    {JobCancel, "job.cancel", "Abbrechen", "Cancel", false},
    {NoticeTitle, "notice.title", "Hinweis", "Notice", false},
    {NoticeError, "notice.error", "Fehler", "Error", false},
    {NoticeImported, "notice.imported", "%s: %lld Objekte importiert, %lld abgewiesen.",
     "%s: %lld features imported, %lld rejected.", false},
    {NoticeRejected, "notice.rejected", "Abgewiesene Zeilen:", "Rejected rows:", false},
    {NoticeExported, "notice.exported", "Karte gespeichert: %s", "Map saved: %s", false},
    {NoticeSettingsIgnored, "notice.settings_ignored", "Die Einstellungsdatei war beschädigt und wurde ignoriert.",
     "The settings file was damaged and has been ignored.", false},
    {NoticeClose, "notice.close", "Schließen", "Close", false},
    {AboutTitle, "about.title", "Über Lagebild", "About Lagebild", false},
    {AboutText, "about.text",
     "Lagebild ist ein Desktop-GIS für die kommunale Kriminalprävention: Vorfälle, Graffiti, Streetwork "
     "und Präventionsmaßnahmen auf einer Karte.",
     "Lagebild is a desktop GIS for municipal crime prevention: incidents, graffiti, street work and "
     "prevention measures on one map.",
     false},
    {AboutAttribution, "about.attribution", "Kartendaten © OpenStreetMap-Mitwirkende (ODbL)",
     "Map data © OpenStreetMap contributors (ODbL)", false},
    {ShortcutsTitle, "shortcuts.title", "Tastenkürzel", "Keyboard shortcuts", false},
    {ShortcutsAction, "shortcuts.action", "Aktion", "Action", false},
    {ShortcutsKeys, "shortcuts.keys", "Tasten", "Keys", false},
    {ShortcutPan, "shortcut.pan", "Karte verschieben", "Pan the map", false},
    {ShortcutPanKeys, "shortcut.pan_keys", "Ziehen mit der Maus, Pfeiltasten", "Drag with the mouse, arrow keys",
     false},
    {ShortcutZoom, "shortcut.zoom", "Vergrößern / verkleinern", "Zoom in / out", false},
    {ShortcutZoomKeys, "shortcut.zoom_keys", "Mausrad, + / -", "Mouse wheel, + / -", false},
    {ShortcutFull, "shortcut.full", "Gesamtansicht", "Full extent", false},
    {ShortcutFullKeys, "shortcut.full_keys", "Pos1", "Home", false},
    {ShortcutSelect, "shortcut.select", "Objekt abfragen", "Identify feature", false},
    {ShortcutSelectKeys, "shortcut.select_keys", "Klick in die Karte", "Click on the map", false},
    {ShortcutOpen, "shortcut.open", "Projekt öffnen", "Open project", false},
    {ShortcutOpenKeys, "shortcut.open_keys", "Strg+O", "Ctrl+O", false},
    {ShortcutExport, "shortcut.export", "Karte als PNG exportieren", "Export map as PNG", false},
    {ShortcutExportKeys, "shortcut.export_keys", "Strg+E", "Ctrl+E", false},
    {ShortcutQuit, "shortcut.quit", "Beenden", "Quit", false},
    {ShortcutQuitKeys, "shortcut.quit_keys", "Strg+Q", "Ctrl+Q", false},
    // analysis (issue 4)
    {MenuAnalysis, "menu.analysis", "Analyse", "Analysis", true},
    {MenuQuery, "menu.query", "Abfrage", "Query", true},
    {MenuHeatmap, "menu.heatmap", "Dichte-Heatmap", "Density heatmap", true},
    {MenuTemporal, "menu.temporal", "Zeitmuster", "Temporal patterns", true},
    {MenuSqlConsole, "menu.sql_console", "SQL-Konsole", "SQL console", true},
    {QueryTitle, "query.title", "Abfrage", "Query", false},
    {QueryLayer, "query.layer", "Ebene", "Layer", false},
    {QueryCategories, "query.categories", "Handlungsfelder", "Fields of action", false},
    {QueryNoneMeansAll, "query.none_means_all", "keine Auswahl = alle", "none ticked = all", false},
    {QueryPeriod, "query.period", "Zeitraum", "Period", false},
    {QueryFrom, "query.from", "von", "from", false},
    {QueryTo, "query.to", "bis", "to", false},
    {QueryDateHint, "query.date_hint", "TT.MM.JJJJ", "dd.mm.yyyy", false},
    {QueryHours, "query.hours", "Uhrzeit eingrenzen", "Limit time of day", false},
    {QueryHoursRange, "query.hours_range", "%d:00 bis %d:00 Uhr", "%d:00 to %d:00", false},
    {QueryWeekdays, "query.weekdays", "Wochentage", "Weekdays", false},
    {QueryWeekdayNames, "query.weekday_names", "Mo,Di,Mi,Do,Fr,Sa,So", "Mo,Tu,We,Th,Fr,Sa,Su", false},
    {QueryInside, "query.inside", "Innerhalb von Flächen", "Inside polygons of", false},
    {QueryWithin, "query.within", "Im Umkreis von", "Within", false},
    {QueryMetresOf, "query.metres_of", "Metern um", "metres of", false},
    {QueryLayerRefHint, "query.layer_ref_hint", "Ebene oder Ebene:Attribut=Wert, z. B. pois:amenity=school", "layer or layer:attribute=value, e.g. pois:amenity=school", false},
    {QueryCountBy, "query.count_by", "Zählen nach", "Count by", false},
    {CountByNone, "count_by.none", "keine Gruppierung", "no grouping", false},
    {CountByDistricts, "count_by.districts", "Stadtteil", "District", false},
    {CountByCategory, "count_by.category", "Handlungsfeld", "Field of action", false},
    {CountByHour, "count_by.hour", "Stunde", "Hour", false},
    {CountByWeekday, "count_by.weekday", "Wochentag", "Weekday", false},
    {CountByMonth, "count_by.month", "Monat", "Month", false},
    {CountByHourWeekday, "count_by.hour_weekday", "Stunde × Wochentag", "Hour × weekday", false},
    {CountByMonthCategory, "count_by.month_category", "Monat × Handlungsfeld", "Month × field of action", false},
    {CountByGrid, "count_by.grid", "Raster 250 m", "250 m grid", false},
    {QueryReset, "query.reset", "Filter zurücksetzen", "Reset filters", false},
    {QueryBadDate, "query.bad_date", "Datum bitte als TT.MM.JJJJ eingeben.", "Enter dates as dd.mm.yyyy.", false},
    {QueryBadRange, "query.bad_range", "Das Ende liegt vor dem Anfang.", "The end lies before the start.", false},
    {QueryBadHours, "query.bad_hours", "Anfangs- und Endstunde müssen sich unterscheiden.", "Start and end hour must differ.", false},
    {QueryBadLayerRef, "query.bad_layer_ref", "Erwartet: Ebene oder Ebene:Attribut=Wert.", "Expected: layer or layer:attribute=value.", false},
    {QueryBadDistance, "query.bad_distance", "Der Abstand muss größer als 0 m sein.", "The distance must be greater than 0 m.", false},
    {QueryBadCountBy, "query.bad_count_by", "Unbekannte Gruppierung.", "Unknown grouping.", false},
    {QueryResult, "query.result", "Ergebnis", "Result", false},
    {QueryCount, "query.count", "%s Treffer", "%s matches", false},
    {QueryComputing, "query.computing", "wird berechnet …", "computing …", false},
    {QueryTiming, "query.timing", "Abfrage: %s ms", "Query: %s ms", false},
    {QueryFailed, "query.failed", "Die Abfrage ist nicht möglich:", "The query cannot run:", false},
    {QueryGroup, "query.group", "Gruppe", "Group", false},
    {QueryGroupCount, "query.group_count", "Anzahl", "Count", false},
    {QueryRate, "query.rate", "je 1.000 Einw.", "per 1,000 inh.", false},
    {QueryShowOnMap, "query.show_on_map", "Auf Karte zeigen", "Show on map", false},
    {QueryZoomTo, "query.zoom_to", "Hinzoomen", "Zoom to", false},
    {QueryExportMatches, "query.export_matches", "Treffer exportieren …", "Export matches …", false},
    {QueryExportGroups, "query.export_groups", "Gruppen exportieren …", "Export groups …", false},
    {QueryMatchTable, "query.match_table", "Treffer (erste %d)", "Matches (first %d)", false},
    {QueryExported, "query.exported", "Abfrageergebnis gespeichert: %s", "Query result saved: %s", false},
    {DialogExportQueryTitle, "dialog.export_query_title", "Abfrageergebnis exportieren (CSV oder GeoPackage)", "Export query result (CSV or GeoPackage)", false},
    {HeatmapTitle, "heatmap.title", "Dichte-Heatmap", "Density heatmap", false},
    {HeatmapShow, "heatmap.show", "Heatmap anzeigen", "Show heatmap", false},
    {HeatmapRadius, "heatmap.radius", "Radius (m)", "Radius (m)", false},
    {HeatmapCell, "heatmap.cell", "Zellgröße (m)", "Cell size (m)", false},
    {HeatmapOpacity, "heatmap.opacity", "Deckkraft", "Opacity", false},
    {HeatmapTiming, "heatmap.timing", "Berechnet in %s ms aus %s Vorfällen", "Computed in %s ms from %s incidents", false},
    {HeatmapNothing, "heatmap.nothing", "Keine Treffer – keine Dichte.", "No matches – no density.", false},
    {HeatmapHint, "heatmap.hint", "Folgt den Filtern der Abfrage.", "Follows the query's filters.", false},
    {TemporalTitle, "temporal.title", "Zeitmuster", "Temporal patterns", false},
    {TemporalMatrix, "temporal.matrix", "Stunde × Wochentag", "Hour × weekday", false},
    {TemporalTrend, "temporal.trend", "Monatlicher Verlauf je Handlungsfeld", "Monthly trend per field of action", false},
    {TemporalEmpty, "temporal.empty", "Die Abfrage liefert keine Vorfälle mit Zeitangabe.", "The query returns no incidents with a time.", false},
    {TemporalCellTip, "temporal.cell_tip", "%s, %d–%d Uhr: %s Vorfälle", "%s, %d–%d h: %s incidents", false},
    {SqlTitle, "sql.title", "SQL-Konsole", "SQL console", false},
    {SqlHint, "sql.hint", "SpatiaLite-SQL, nur lesend. Strg+Enter führt aus.", "SpatiaLite SQL, read-only. Ctrl+Enter runs.", false},
    {SqlRun, "sql.run", "Ausführen", "Run", false},
    {SqlRunning, "sql.running", "läuft …", "running …", false},
    {SqlRows, "sql.rows", "%s Zeilen in %s ms", "%s rows in %s ms", false},
    {SqlCapped, "sql.capped", "Die ersten %d Zeilen werden angezeigt.", "The first %d rows are shown.", false},
    {SqlError, "sql.error", "Fehler:", "Error:", false},
    {SqlNoColumns, "sql.no_columns", "Die Anweisung liefert keine Spalten.", "The statement returns no columns.", false},
    {AnalysisNoProject, "analysis.no_project", "Bitte zuerst ein Projekt öffnen.", "Open a project first.", false},
}};

struct ColumnLabel {
    std::string_view column, de, en;
};

constexpr ColumnLabel kColumnLabels[] = {
    {"category", "Kategorie", "Category"},
    {"subcategory", "Unterkategorie", "Subcategory"},
    {"offence_key", "Straftatenschlüssel", "Offence key"},
    {"time", "Zeitpunkt", "Time"},
    {"end_time", "Ende", "End"},
    {"name", "Name", "Name"},
    {"status", "Status", "Status"},
    {"highway", "Straßenklasse", "Road class"},
    {"lit", "Beleuchtet", "Lit"},
    {"ref", "Straßennummer", "Road number"},
    {"surface", "Belag", "Surface"},
    {"oneway", "Einbahnstraße", "One-way"},
    {"maxspeed", "Höchstgeschwindigkeit", "Speed limit"},
    {"bridge", "Brücke", "Bridge"},
    {"tunnel", "Tunnel", "Tunnel"},
    {"access", "Zugang", "Access"},
    {"foot", "Fußverkehr", "Pedestrians"},
    {"service", "Nebenweg", "Service"},
    {"source", "Quelle", "Source"},
    {"weight", "Gewichtung", "Weight"},
    {"ext_id", "Externe Kennung", "External id"},
    {"uuid", "UUID", "UUID"},
    {"created", "Erfasst am", "Created"},
    {"modified", "Geändert am", "Modified"},
    {"author", "Bearbeiter", "Author"},
    {"osm_id", "OSM-ID", "OSM id"},
    {"osm_type", "OSM-Typ", "OSM type"},
    {"building", "Gebäudeart", "Building type"},
    {"building_levels", "Geschosse", "Levels"},
    {"amenity", "Einrichtung", "Amenity"},
    {"shop", "Geschäft", "Shop"},
    {"leisure", "Freizeit", "Leisure"},
    {"tourism", "Tourismus", "Tourism"},
    {"landuse", "Flächennutzung", "Land use"},
    {"natural", "Natur", "Natural"},
    {"water", "Gewässerart", "Water type"},
    {"waterway", "Fließgewässer", "Waterway"},
    {"railway", "Bahn", "Railway"},
    {"usage", "Nutzung", "Usage"},
    {"public_transport", "ÖPNV", "Public transport"},
    {"community_centre", "Begegnungsstätte", "Community centre"},
    {"social_facility", "Soziale Einrichtung", "Social facility"},
    {"opening_hours", "Öffnungszeiten", "Opening hours"},
    {"addr_street", "Straße", "Street"},
    {"addr_housenumber", "Hausnummer", "House number"},
    {"addr_postcode", "Postleitzahl", "Postcode"},
    {"area_m2", "Fläche (m²)", "Area (m²)"},
    {"cost_eur", "Kosten (€)", "Cost (€)"},
    {"team", "Team", "Team"},
    {"route", "Route", "Route"},
    {"route_uuid", "Routen-UUID", "Route UUID"},
    {"duration_min", "Dauer (min)", "Duration (min)"},
    {"staff", "Fachkräfte", "Staff"},
    {"contacts", "Kontakte", "Contacts"},
    {"type", "Art", "Type"},
    {"budget_eur", "Budget (€)", "Budget (€)"},
    {"start_date", "Beginn", "Start"},
    {"end_date", "Ende", "End"},
    {"owner", "Zuständig", "Owner"},
    {"note", "Notiz", "Note"},
    {"population", "Einwohner", "Population"},
    {"tags", "Weitere OSM-Merkmale", "Other OSM tags"},
    {"layer", "Ebene (OSM)", "Layer (OSM)"},
};

struct LayerLabel {
    std::string_view layer, en;
};

constexpr LayerLabel kLayerLabelsEn[] = {
    {"roads", "Roads and paths"},
    {"buildings", "Buildings"},
    {"landuse", "Land use and green"},
    {"water", "Water"},
    {"railways", "Railways"},
    {"pois", "Places (POI)"},
    {"incidents", "Incidents"},
    {"graffiti", "Graffiti sites"},
    {"routes", "Street work routes"},
    {"visits", "Street work visits"},
    {"measures", "Prevention measures"},
    {"observations", "Observations"},
    {"districts", "Districts and zones"},
};

}  // namespace

std::string_view layerLabel(std::string_view layer, Language language) {
    if (language == Language::English) {
        for (const auto& label : kLayerLabelsEn) {
            if (label.layer == layer) return label.en;
        }
        return layer;
    }
    const auto id = core::layerFromName(layer);
    return id ? core::layerInfo(*id).displayName : layer;
}

std::string_view languageCode(Language language) {
    return language == Language::English ? "en" : "de";
}

Language languageFromCode(std::string_view code) {
    return code == "en" ? Language::English : Language::German;
}

std::span<const StringEntry> allStrings() {
    return kStrings;
}

const char* text(Str id, Language language) {
    const auto index = static_cast<std::size_t>(id);
    assert(index < kStrings.size() && "text(): Str::Count is not a string id");
    const StringEntry& entry = kStrings[index];
    // The table holds literals, so the views are null-terminated.
    return (language == Language::English ? entry.en : entry.de).data();
}

std::string_view columnLabel(std::string_view column, Language language) {
    for (const auto& label : kColumnLabels) {
        if (label.column == column) return language == Language::English ? label.en : label.de;
    }
    return column;
}

}  // namespace lb::ui
