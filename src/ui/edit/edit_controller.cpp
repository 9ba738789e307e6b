#include "ui/edit/edit_controller.hpp"

#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "edit/edit_session.hpp"
#include "edit/photos.hpp"
#include "project/session.hpp"

namespace lb::ui {
namespace {

// The layers a command changes: its own, plus the graffiti site a field mark may create.
std::vector<core::LayerId> changedLayers(const edit::EditCommand& command) {
    std::vector<core::LayerId> layers{command.layer()};
    if (command.kind() == edit::EditKind::FieldMark) layers.push_back(core::LayerId::Graffiti);
    return layers;
}

std::vector<std::uint8_t> readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw core::InputError(file.string() + ": cannot read the file");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

// One case per kind (the compiler warns about a missing one): Str ids are in key order, not in EditKind's.
Str editKindString(edit::EditKind kind) {
    using edit::EditKind;
    switch (kind) {
        case EditKind::AddPoint:
            return Str::EditKindAddPoint;
        case EditKind::AddLine:
            return Str::EditKindAddLine;
        case EditKind::AddPolygon:
            return Str::EditKindAddPolygon;
        case EditKind::AddRecord:
            return Str::EditKindAddRecord;
        case EditKind::MoveFeature:
            return Str::EditKindMoveFeature;
        case EditKind::DeleteFeature:
            return Str::EditKindDeleteFeature;
        case EditKind::MoveVertex:
            return Str::EditKindMoveVertex;
        case EditKind::InsertVertex:
            return Str::EditKindInsertVertex;
        case EditKind::DeleteVertex:
            return Str::EditKindDeleteVertex;
        case EditKind::ReplaceGeometry:
            return Str::EditKindReplaceGeometry;
        case EditKind::UpdateAttributes:
            return Str::EditKindUpdateAttributes;
        case EditKind::SetGraffitiStatus:
            return Str::EditKindSetGraffitiStatus;
        case EditKind::AttachPhoto:
            return Str::EditKindAttachPhoto;
        case EditKind::RemovePhoto:
            return Str::EditKindRemovePhoto;
        case EditKind::FieldMark:
            return Str::EditKindFieldMark;
    }
    return Str::EditKindUpdateAttributes;  // not reached: every kind has its case
}

EditController::EditController() = default;

EditController::~EditController() {
    m_session.reset();  // refers to the store
}

std::optional<std::string> EditController::open(const std::filesystem::path& project, const std::string& author) {
    close();
    try {
        m_writer = project::Session::open(project, project::Session::Access::ReadWrite);
        m_author = author;
        m_session = std::make_unique<edit::EditSession>(m_writer->store(), author);
        m_projectPath = project.string();
    } catch (const std::exception& e) {
        close();
        return errorText(e, nullptr);
    }
    return std::nullopt;
}

store::ProjectStore* EditController::store() {
    return m_writer ? &m_writer->store() : nullptr;
}

void EditController::close() {
    if (m_writer) ++m_revision;  // what panels read from the old project is stale now (open() closes first)
    m_session.reset();
    m_writer.reset();
    m_projectPath.clear();
}

void EditController::setAuthor(const std::string& author) {
    m_author = author;
    if (!m_session) return;
    // The session's author is fixed: a new session keeps the store but starts a new undo history only when
    // there is none to lose; otherwise the name applies from the next opened project on.
    if (!m_session->canUndo() && !m_session->canRedo()) {
        m_session = std::make_unique<edit::EditSession>(m_writer->store(), author);
    }
}

EditOutcome EditController::run(const std::vector<core::LayerId>& layers, const std::function<std::string()>& step) {
    EditOutcome outcome;
    if (!m_session) {
        outcome.error = text(Str::EditFailed, m_language);
        return outcome;
    }
    try {
        outcome.featureUuid = step();
        outcome.ok = true;
    } catch (const std::exception& e) {
        outcome.error = errorText(e, &outcome.problems);
        return outcome;
    }
    ++m_revision;
    if (m_changed) m_changed(layers);
    return outcome;
}

EditOutcome EditController::apply(std::unique_ptr<edit::EditCommand> command) {
    const auto layers = changedLayers(*command);
    return run(layers, [&] { return m_session->apply(std::move(command)).featureUuid(); });
}

EditOutcome EditController::markField(edit::FieldMarkKind kind, double x, double y, const std::string& note,
                                      const std::optional<std::filesystem::path>& photo) {
    return run({core::LayerId::Observations, core::LayerId::Graffiti}, [&] {
        std::optional<std::vector<std::uint8_t>> bytes;
        if (photo) bytes = readBytes(*photo);
        return edit::markField(*m_session, kind, x, y, note, bytes).observationUuid;
    });
}

EditOutcome EditController::attachPhoto(const std::string& observationUuid, const std::filesystem::path& file) {
    auto outcome = run({core::LayerId::Observations}, [&] {
        // Refuse a huge file before reading it into memory.
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        if (!ec && size > edit::kMaxPhotoBytes) {
            throw core::InputError(file.filename().string() + ": " + std::to_string(size / (1024 * 1024)) +
                                   " MiB is more than the limit of " +
                                   std::to_string(edit::kMaxPhotoBytes / (1024 * 1024)) + " MiB");
        }
        return m_session->apply(edit::attachPhoto(observationUuid, readBytes(file))).featureUuid();
    });
    if (!outcome.ok) outcome.error = std::string(text(Str::PhotosRejected, m_language)) + "\n" + outcome.error;
    return outcome;
}

EditOutcome EditController::removePhoto(const std::string& observationUuid, std::int64_t photoId) {
    return apply(edit::removePhoto(observationUuid, photoId));
}

EditOutcome EditController::exportFieldPackage(const std::filesystem::path& out, edit::FieldExportReport* report) {
    EditOutcome outcome;
    if (!m_writer) {
        outcome.error = text(Str::EditFailed, m_language);
        return outcome;
    }
    try {
        edit::FieldExportOptions options;
        options.author = m_author;
        auto result = edit::exportFieldPackage(m_writer->store(), out, options);
        if (report) *report = std::move(result);
        outcome.ok = true;
    } catch (const std::exception& e) {
        outcome.error = errorText(e, nullptr);
    }
    return outcome;
}

EditOutcome EditController::mergeFieldPackage(const std::filesystem::path& package, edit::FieldMergeReport* report) {
    EditOutcome outcome;
    if (!m_writer) {
        outcome.error = text(Str::EditFailed, m_language);
        return outcome;
    }
    try {
        auto result = edit::mergeFieldPackage(m_writer->store(), package, m_author);
        if (report) *report = std::move(result);
        outcome.ok = true;
    } catch (const std::exception& e) {
        outcome.error = errorText(e, nullptr);
        return outcome;
    }
    // The undo history refers to features as they were before the merge: it starts again.
    m_session = std::make_unique<edit::EditSession>(m_writer->store(), m_author);
    ++m_revision;
    std::vector<core::LayerId> thematic;
    for (const auto& info : core::kLayers) {
        if (info.kind == core::LayerKind::Thematic) thematic.push_back(info.id);
    }
    if (m_changed) m_changed(thematic);
    return outcome;
}

EditOutcome EditController::undo() {
    if (!canUndo()) return EditOutcome{false, text(Str::EditNothingToUndo, m_language), {}, {}};
    return replay(true);
}

EditOutcome EditController::redo() {
    if (!canRedo()) return EditOutcome{false, text(Str::EditFailed, m_language), {}, {}};
    return replay(false);
}

EditOutcome EditController::replay(bool undo) {
    const auto* command = undo ? m_session->nextUndo() : m_session->nextRedo();
    auto outcome = run(changedLayers(*command), [&] {
        std::string uuid = command->featureUuid();
        undo ? m_session->undo() : m_session->redo();
        return uuid;
    });
    if (!outcome.ok && m_failed) m_failed(outcome.error);
    return outcome;
}

bool EditController::canUndo() const {
    return m_session && m_session->canUndo();
}

bool EditController::canRedo() const {
    return m_session && m_session->canRedo();
}

const edit::EditCommand* EditController::nextUndo() const {
    return m_session ? m_session->nextUndo() : nullptr;
}

const edit::EditCommand* EditController::nextRedo() const {
    return m_session ? m_session->nextRedo() : nullptr;
}

std::string EditController::errorText(const std::exception& e, std::vector<edit::FieldProblem>* problems) const {
    if (const auto* invalid = dynamic_cast<const edit::ValidationError*>(&e)) {
        if (problems) *problems = invalid->problems();
        std::string text;
        for (const auto& problem : invalid->problems()) {
            if (!text.empty()) text += "\n";
            text += m_language == Language::German && !problem.messageDe.empty() ? problem.messageDe : problem.message;
        }
        if (!text.empty()) return text;
    }
    std::string text = e.what();
    if (const auto* error = dynamic_cast<const core::Error*>(&e); error && !error->hint().empty()) {
        text += "\n" + error->hint();
    }
    return text;
}

}  // namespace lb::ui
