#include "planmap/layers/store/ImportBatches.h"

#include "store/SqlSupport.h"

#include <QCryptographicHash>
#include <QFile>

#include <cctype>

namespace planmap::layers {

namespace {

constexpr const char* kColumns =
    "id, file_path, sha256, kind, target, started_at, finished_at, row_count, user_name, status, note";

std::string_view toString(ImportStatus status)
{
    switch (status) {
    case ImportStatus::Running: return "running";
    case ImportStatus::Completed: return "completed";
    case ImportStatus::Failed: return "failed";
    }
    return "running";
}

ImportStatus parseStatus(const std::string& text)
{
    if (text == "completed") return ImportStatus::Completed;
    if (text == "failed") return ImportStatus::Failed;
    return ImportStatus::Running;
}

ImportBatch readBatch(const Statement& s)
{
    ImportBatch b;
    b.id = s.columnInt(0);
    b.filePath = s.columnText(1);
    b.sha256 = s.columnText(2);
    b.kind = s.columnText(3);
    b.target = s.optionalText(4);
    b.startedAt = detail::optionalTimestamp(s, 5).value_or(Timestamp{});
    b.finishedAt = detail::optionalTimestamp(s, 6);
    b.rowCount = s.optionalInt(7);
    b.userName = s.optionalText(8);
    b.status = parseStatus(s.columnText(9));
    b.note = s.optionalText(10);
    return b;
}

std::string normalizedSha256(const std::string& sha256)
{
    std::string out;
    for (char c : sha256) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (out.size() != 64 || out.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw InvalidDataError("import batch: sha256 must be 64 hexadecimal digits, got '" + sha256 + "'");
    return out;
}

} // namespace

std::int64_t ImportBatches::begin(const std::filesystem::path& file, const std::string& sha256,
                                  const std::string& kind, const std::optional<std::string>& target,
                                  const std::optional<std::string>& userName)
{
    if (kind.empty()) throw InvalidDataError("import batch of " + file.string() + ": kind is empty");
    Transaction transaction(connection_);
    auto s = connection_.cached("INSERT INTO import_batches (file_path, sha256, kind, target, started_at, user_name, "
                                "status) VALUES (?, ?, ?, ?, ?, ?, 'running') RETURNING id");
    s->bindText(1, file.string());
    s->bindText(2, normalizedSha256(sha256));
    s->bindText(3, kind);
    s->bindOptionalText(4, target);
    s->bindText(5, toIsoTimestamp(nowUtc()));
    s->bindOptionalText(6, userName);
    s->step();
    const std::int64_t id = s->columnInt(0);
    s->run();
    transaction.commit();
    return id;
}

void ImportBatches::finish(std::int64_t batchId, std::int64_t rowCount, ImportStatus status,
                           const std::optional<std::string>& note)
{
    if (status == ImportStatus::Running) throw InvalidDataError("import batch: finish() needs Completed or Failed");
    Transaction transaction(connection_);
    auto s = connection_.cached("UPDATE import_batches SET finished_at = ?, row_count = ?, status = ?, note = ? "
                                "WHERE id = ? RETURNING id");
    s->bindText(1, toIsoTimestamp(nowUtc()));
    s->bindInt(2, rowCount);
    s->bindText(3, toString(status));
    s->bindOptionalText(4, note);
    s->bindInt(5, batchId);
    if (!s->step()) throw NotFoundError("import batch " + std::to_string(batchId) + " does not exist");
    s->run();
    transaction.commit();
}

std::optional<ImportBatch> ImportBatches::get(std::int64_t batchId)
{
    auto s = connection_.cached(std::string("SELECT ") + kColumns + " FROM import_batches WHERE id = ?");
    s->bindInt(1, batchId);
    if (!s->step()) return std::nullopt;
    return readBatch(*s);
}

std::vector<ImportBatch> ImportBatches::findBySha256(const std::string& sha256)
{
    auto s = connection_.cached(std::string("SELECT ") + kColumns
                                + " FROM import_batches WHERE sha256 = ? ORDER BY started_at DESC, id DESC");
    s->bindText(1, normalizedSha256(sha256));
    std::vector<ImportBatch> batches;
    while (s->step()) batches.push_back(readBatch(*s));
    return batches;
}

std::vector<ImportBatch> ImportBatches::list()
{
    auto s = connection_.cached(std::string("SELECT ") + kColumns
                                + " FROM import_batches ORDER BY started_at DESC, id DESC");
    std::vector<ImportBatch> batches;
    while (s->step()) batches.push_back(readBatch(*s));
    return batches;
}

std::string ImportBatches::sha256OfFile(const std::filesystem::path& file)
{
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        throw StoreError(file.string() + ": cannot read the file: " + f.errorString().toStdString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) throw StoreError(file.string() + ": cannot read the file to hash it");
    return hash.result().toHex().toStdString();
}

} // namespace planmap::layers
