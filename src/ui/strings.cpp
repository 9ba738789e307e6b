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
    // editing (issue 5)
    {MenuEdit, "menu.edit", "Bearbeiten", "Edit", true},
    {MenuUndo, "menu.undo", "Rückgängig", "Undo", true},
    {MenuRedo, "menu.redo", "Wiederholen", "Redo", true},
    {MenuFieldMode, "menu.field_mode", "Feldmodus", "Field mode", true},
    {MenuEditTools, "menu.edit_tools", "Bearbeitungswerkzeuge", "Editing tools", true},
    {MenuAuthor, "menu.author", "Autorenname…", "Author name…", true},
    {MenuVisitCalendar, "menu.visit_calendar", "Besuchskalender", "Visit calendar", true},
    {ShortcutUndoKeys, "shortcut.undo_keys", "Strg+Z", "Ctrl+Z", false},
    {ShortcutRedoKeys, "shortcut.redo_keys", "Strg+Y", "Ctrl+Y", false},
    {EditNothingToUndo, "edit.nothing_to_undo", "Nichts rückgängig zu machen", "Nothing to undo", false},
    {EditUndone, "edit.undone", "Rückgängig gemacht: %s", "Undone: %s", false},
    {EditFailed, "edit.failed", "Die Änderung wurde nicht gespeichert.", "The change was not saved.", false},
    {EditKindAddPoint, "edit_kind.add_point", "Punkt hinzufügen", "Add point", false},
    {EditKindAddLine, "edit_kind.add_line", "Linie hinzufügen", "Add line", false},
    {EditKindAddPolygon, "edit_kind.add_polygon", "Fläche hinzufügen", "Add area", false},
    {EditKindAddRecord, "edit_kind.add_record", "Eintrag hinzufügen", "Add record", false},
    {EditKindMoveFeature, "edit_kind.move_feature", "Objekt verschieben", "Move feature", false},
    {EditKindDeleteFeature, "edit_kind.delete_feature", "Objekt löschen", "Delete feature", false},
    {EditKindMoveVertex, "edit_kind.move_vertex", "Stützpunkt verschieben", "Move vertex", false},
    {EditKindInsertVertex, "edit_kind.insert_vertex", "Stützpunkt einfügen", "Insert vertex", false},
    {EditKindDeleteVertex, "edit_kind.delete_vertex", "Stützpunkt löschen", "Delete vertex", false},
    {EditKindReplaceGeometry, "edit_kind.replace_geometry", "Geometrie ersetzen", "Replace geometry", false},
    {EditKindUpdateAttributes, "edit_kind.update_attributes", "Merkmale ändern", "Change attributes", false},
    {EditKindSetGraffitiStatus, "edit_kind.set_graffiti_status", "Graffiti-Status ändern", "Change graffiti status", false},
    {EditKindAttachPhoto, "edit_kind.attach_photo", "Foto anhängen", "Attach photo", false},
    {EditKindRemovePhoto, "edit_kind.remove_photo", "Foto entfernen", "Remove photo", false},
    {EditKindFieldMark, "edit_kind.field_mark", "Ort markieren", "Mark a place", false},
    {AuthorTitle, "author.title", "Autorenname", "Author name", false},
    {AuthorText, "author.text", "Ihr Name wird bei jeder Änderung im Projekt und im Änderungsprotokoll gespeichert. Er wird nur einmal abgefragt und lässt sich unter Bearbeiten ändern.", "Your name is stored with every change in the project and its audit log. It is asked for once and can be changed under Edit.", false},
    {AuthorName, "author.name", "Name", "Name", false},
    {AuthorOk, "author.ok", "Übernehmen", "Apply", false},
    {FieldTitle, "field.title", "Feldmodus", "Field mode", false},
    {FieldChoose, "field.choose", "Was haben Sie gesehen? Wählen Sie eine Schaltfläche, dann tippen Sie auf den Ort in der Karte.", "What did you see? Choose a button, then tap the place on the map.", false},
    {FieldTapMap, "field.tap_map", "Jetzt auf den Ort in der Karte tippen: %s", "Now tap the place on the map: %s", false},
    {FieldNote, "field.note", "Kurze Notiz (optional)", "Short note (optional)", false},
    {FieldNoteHint, "field.note_hint", "Nur Orte und Beobachtungen – keine Namen oder Beschreibungen von Personen (§ 65 SGB VIII).", "Places and observations only – no names or descriptions of persons (§ 65 SGB VIII).", false},
    {FieldPhoto, "field.photo", "Foto hinzufügen…", "Add photo…", false},
    {FieldPhotoRemove, "field.photo_remove", "Foto entfernen", "Remove photo", false},
    {FieldSaved, "field.saved", "Gespeichert: %s", "Saved: %s", false},
    {FieldUndo, "field.undo", "Rückgängig", "Undo", false},
    {FieldExit, "field.exit", "Feldmodus beenden", "Leave field mode", false},
    {ToolsTitle, "tools.title", "Bearbeiten", "Editing", false},
    {ToolsLayer, "tools.layer", "Zielebene", "Target layer", false},
    {ToolSelect, "tool.select", "Auswählen", "Select", false},
    {ToolPoint, "tool.point", "Punkt", "Point", false},
    {ToolLine, "tool.line", "Linie", "Line", false},
    {ToolPolygon, "tool.polygon", "Fläche", "Area", false},
    {ToolRoute, "tool.route", "Route (Straßennetz)", "Route (street network)", false},
    {ToolVertices, "tool.vertices", "Stützpunkte bearbeiten", "Edit vertices", false},
    {ToolMove, "tool.move", "Verschieben", "Move", false},
    {ToolDelete, "tool.delete", "Löschen", "Delete", false},
    {ToolsHintPoint, "tools.hint_point", "Klick in die Karte setzt den Punkt.", "Click on the map to place the point.", false},
    {ToolsHintSketch, "tools.hint_sketch", "Klicks setzen Stützpunkte; Doppelklick oder Eingabe beendet, Esc bricht ab, Rücktaste entfernt den letzten.", "Clicks add vertices; double-click or Enter finishes, Esc cancels, Backspace removes the last one.", false},
    {ToolsHintRoute, "tools.hint_route", "Klicks setzen Wegpunkte; die Route folgt dem Straßennetz. Doppelklick oder Eingabe beendet.", "Clicks add waypoints; the route follows the street network. Double-click or Enter finishes.", false},
    {ToolsHintVertices, "tools.hint_vertices", "Objekt anklicken, dann Stützpunkte ziehen; Klick auf eine Kante fügt einen ein, Rechtsklick löscht einen.", "Click a feature, then drag its vertices; a click on an edge inserts one, a right click deletes one.", false},
    {ToolsHintMove, "tools.hint_move", "Objekt anklicken, dann ziehen.", "Click a feature, then drag it.", false},
    {ToolsHintDelete, "tools.hint_delete", "Objekt anklicken, um es zu löschen.", "Click a feature to delete it.", false},
    {ToolsNotEditable, "tools.not_editable", "Objekte der Grundkarte werden hier nicht bearbeitet.", "Base map features are not edited here.", false},
    {ToolsSnapped, "tools.snapped", "Gefangen", "Snapped", false},
    {DeleteConfirmTitle, "delete.title", "Objekt löschen?", "Delete feature?", false},
    {DeleteConfirmText, "delete.text", "%s Nr. %lld wird gelöscht. Das lässt sich mit Strg+Z rückgängig machen.", "%s no. %lld will be deleted. Ctrl+Z undoes it.", false},
    {DeleteConfirm, "delete.confirm", "Löschen", "Delete", false},
    {FormTitleNew, "form.title_new", "Neues Objekt: %s", "New feature: %s", false},
    {FormTitleEdit, "form.title_edit", "Merkmale: %s", "Attributes: %s", false},
    {FormSave, "form.save", "Speichern", "Save", false},
    {FormCancel, "form.cancel", "Abbrechen", "Cancel", false},
    {FormInvalid, "form.invalid", "Bitte die markierten Felder korrigieren – es wird nichts gespeichert, solange etwas ungültig ist.", "Please correct the marked fields – nothing is saved while anything is invalid.", false},
    {FormRequired, "form.required", "Pflichtfeld", "Required", false},
    {FormNone, "form.none", "(keine Angabe)", "(none)", false},
    {FormPickDate, "form.pick_date", "Datum wählen", "Pick a date", false},
    {FormEdit, "form.edit", "Bearbeiten…", "Edit…", false},
    {FormSaved, "form.saved", "Gespeichert.", "Saved.", false},
    {GraffitiHistory, "graffiti.history", "Statusverlauf", "Status history", false},
    {GraffitiChange, "graffiti.change", "Status ändern", "Change status", false},
    {GraffitiNewStatus, "graffiti.new_status", "Neuer Status", "New status", false},
    {GraffitiDate, "graffiti.date", "Datum", "Date", false},
    {GraffitiCost, "graffiti.cost", "Kosten (€)", "Cost (€)", false},
    {GraffitiNote, "graffiti.note", "Bemerkung", "Note", false},
    {GraffitiDerived, "graffiti.derived", "Tage bis zur Entfernung: %s · erneut besprüht: %d× · Kosten gesamt: %s €", "Days to removal: %s · sprayed again: %d× · total cost: %s €", false},
    {GraffitiNoNext, "graffiti.no_next", "Kein weiterer Status möglich.", "No further status possible.", false},
    {PhotosTitle, "photos.title", "Fotos", "Photos", false},
    {PhotosNone, "photos.none", "Keine Fotos.", "No photos.", false},
    {PhotosAttach, "photos.attach", "Foto anhängen…", "Attach photo…", false},
    {DialogPhotoTitle, "dialog.photo_title", "Foto wählen (JPEG/PNG)", "Choose a photo (JPEG/PNG)", false},
    {DialogChoose, "dialog.choose", "Auswählen", "Choose", false},
    {CalendarTitle, "calendar.title", "Besuchskalender", "Visit calendar", false},
    {CalendarRoute, "calendar.route", "Route", "Route", false},
    {CalendarNoRoute, "calendar.no_route", "(ohne Route)", "(no route)", false},
    {CalendarNoVisits, "calendar.no_visits", "Keine Besuche in diesem Monat.", "No visits in this month.", false},
    {CalendarVisits, "calendar.visits", "%d Besuche, %lld Kontakte", "%d visits, %lld contacts", false},
    {CalendarWeekdays, "calendar.weekdays", "Mo Di Mi Do Fr Sa So", "Mo Tu We Th Fr Sa Su", false},
    {CalendarPrev, "calendar.prev", "< Vormonat", "< Previous", false},
    {CalendarNext, "calendar.next", "Folgemonat >", "Next >", false},
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
