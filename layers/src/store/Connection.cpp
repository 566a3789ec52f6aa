#include "planmap/layers/store/Connection.h"

#include "planmap/layers/store/Errors.h"

#include <utility>

namespace planmap::layers {

// --- Statement helpers -------------------------------------------------------

void Statement::bind(int index, const Value& value)
{
    struct Binder {
        Statement& s;
        int i;
        void operator()(std::monostate) const { s.bindNull(i); }
        void operator()(std::int64_t v) const { s.bindInt(i, v); }
        void operator()(double v) const { s.bindDouble(i, v); }
        void operator()(const std::string& v) const { s.bindText(i, v); }
        void operator()(const Blob& v) const { s.bindBlob(i, v); }
    };
    std::visit(Binder{*this, index}, value);
}

void Statement::bindOptionalInt(int index, const std::optional<std::int64_t>& value)
{
    value ? bindInt(index, *value) : bindNull(index);
}

void Statement::bindOptionalDouble(int index, const std::optional<double>& value)
{
    value ? bindDouble(index, *value) : bindNull(index);
}

void Statement::bindOptionalText(int index, const std::optional<std::string>& value)
{
    value ? bindText(index, *value) : bindNull(index);
}

void Statement::bindOptionalBool(int index, const std::optional<bool>& value)
{
    value ? bindBool(index, *value) : bindNull(index);
}

void Statement::bindBlobOrNull(int index, std::span<const std::uint8_t> value)
{
    value.empty() ? bindNull(index) : bindBlob(index, value);
}

void Statement::run()
{
    while (step()) {
    }
}

Value Statement::columnValue(int column) const
{
    switch (columnType(column)) {
    case ValueType::Null: return std::monostate{};
    case ValueType::Integer: return columnInt(column);
    case ValueType::Real: return columnDouble(column);
    case ValueType::Text: return columnText(column);
    case ValueType::Blob: return columnBlob(column);
    }
    return std::monostate{};
}

std::optional<std::int64_t> Statement::optionalInt(int column) const
{
    if (isNull(column)) return std::nullopt;
    return columnInt(column);
}

std::optional<double> Statement::optionalDouble(int column) const
{
    if (isNull(column)) return std::nullopt;
    return columnDouble(column);
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column)) return std::nullopt;
    return columnText(column);
}

std::optional<bool> Statement::optionalBool(int column) const
{
    if (isNull(column)) return std::nullopt;
    return columnInt(column) != 0;
}

// --- Statement cache -----------------------------------------------------------

StatementLease::StatementLease(Connection& connection, std::string key, std::unique_ptr<Statement> statement)
    : connection_(&connection), key_(std::move(key)), statement_(std::move(statement))
{
}

StatementLease::StatementLease(StatementLease&& other) noexcept
    : connection_(other.connection_), key_(std::move(other.key_)), statement_(std::move(other.statement_))
{
    other.connection_ = nullptr;
}

StatementLease::~StatementLease()
{
    if (connection_ && statement_) connection_->giveBack(std::move(key_), std::move(statement_));
}

Connection::~Connection() = default;

StatementLease Connection::cached(std::string_view sql)
{
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end() && !it->second.empty()) {
        auto statement = std::move(it->second.back());
        it->second.pop_back();
        return StatementLease(*this, std::move(key), std::move(statement));
    }
    auto statement = prepare(sql);
    return StatementLease(*this, std::move(key), std::move(statement));
}

void Connection::giveBack(std::string key, std::unique_ptr<Statement> statement) noexcept
{
    try {
        statement->reset();
        cache_[std::move(key)].push_back(std::move(statement));
    } catch (...) {
        // A statement that cannot be reset or kept is simply finalized.
    }
}

void Connection::clearStatementCache()
{
    cache_.clear();
}

void Connection::execute(std::string_view sql)
{
    auto statement = prepare(sql);
    statement->run();
}

// --- Transaction -----------------------------------------------------------------

namespace {
std::string savepointName(int depth)
{
    return "planmap_savepoint_" + std::to_string(depth);
}
} // namespace

Transaction::Transaction(Connection& connection)
    : connection_(connection), depth_(connection.transactionDepth_ + 1)
{
    if (depth_ == 1)
        connection_.beginTransaction();
    else
        connection_.cached("SAVEPOINT " + savepointName(depth_))->run();
    connection_.transactionDepth_ = depth_;
}

Transaction::~Transaction()
{
    if (!done_) rollback();
}

void Transaction::commit()
{
    if (done_) throw StoreError(connection_.location() + ": transaction already ended");
    if (connection_.transactionDepth_ != depth_)
        throw StoreError(connection_.location() + ": transactions must end in the reverse order they began");
    if (depth_ == 1)
        connection_.commitTransaction();
    else
        connection_.cached("RELEASE SAVEPOINT " + savepointName(depth_))->run();
    done_ = true;
    connection_.transactionDepth_ = depth_ - 1;
}

void Transaction::rollback() noexcept
{
    done_ = true;
    connection_.transactionDepth_ = depth_ - 1;
    if (depth_ == 1) {
        connection_.rollbackTransaction();
        return;
    }
    try {
        connection_.cached("ROLLBACK TO SAVEPOINT " + savepointName(depth_))->run();
        connection_.cached("RELEASE SAVEPOINT " + savepointName(depth_))->run();
    } catch (...) {
        // The outer transaction was already rolled back by the database; the
        // outermost Transaction handles what is left.
    }
}

// --- Identifiers --------------------------------------------------------------------

std::string quoteIdentifier(std::string_view name)
{
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

bool isSafeIdentifier(std::string_view name)
{
    if (name.empty() || name.size() > 63) return false;
    if (name[0] < 'a' || name[0] > 'z') return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

} // namespace planmap::layers
