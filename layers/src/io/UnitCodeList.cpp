#include "planmap/layers/io/UnitCodeList.h"

#include "SourceTable.h"
#include "planmap/layers/io/ImportError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace planmap::layers::io {

namespace {

std::optional<std::string> text(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString()) {
        std::string s = detail::cleanText(v.toString().toStdString());
        if (!s.empty()) return s;
    }
    return std::nullopt;
}

void collect(const QJsonObject& o, const std::string& path, int depth, const std::filesystem::path& file,
             std::map<std::string, CodeListEntry>& out)
{
    if (o.contains(QLatin1String("Code"))) {
        CodeListEntry e;
        e.depth = depth;
        e.code = text(o, "Code").value_or("");
        if (e.code.empty()) throw ImportError(file.string() + ", " + path + ": \"Code\" is empty or not text");
        e.fullName = text(o, "FullName");
        e.nameEn = text(o, "NameEn");
        e.name = text(o, "Name").value_or("");
        if (auto word = text(o, "AdministrativeUnitShortName")) e.type = parseUnitType(*word);
        if (e.fullName) {
            if (auto split = splitUnitName(*e.fullName)) {
                if (!e.type) e.type = split->type;
                if (e.name.empty()) e.name = split->name;
            }
        }
        if (e.name.empty()) throw ImportError(file.string() + ", " + path + ": unit " + e.code + " has no name");
        if (!out.emplace(e.code, e).second)
            throw ImportError(file.string() + ", " + path + ": the code " + e.code + " occurs twice");
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isArray()) continue;
        const QJsonArray a = it.value().toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a[i].isObject())
                collect(a[i].toObject(), path + "." + it.key().toStdString() + "[" + std::to_string(i) + "]",
                        depth + 1, file, out);
    }
}

} // namespace

UnitCodeList UnitCodeList::read(const std::filesystem::path& file)
{
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly)) throw ImportError("File not found or unreadable: " + file.string());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (doc.isNull())
        throw ImportError(file.string() + ": not valid JSON (" + error.errorString().toStdString() + " at byte "
                          + std::to_string(error.offset) + ")");
    UnitCodeList list;
    list.file_ = file;
    if (doc.isObject()) {
        collect(doc.object(), "$", 0, file, list.entries_);
    } else {
        const QJsonArray a = doc.array();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a[i].isObject()) collect(a[i].toObject(), "$[" + std::to_string(i) + "]", 1, file, list.entries_);
    }
    if (list.entries_.empty())
        throw ImportError(file.string() + ": no units found (expected objects with \"Code\" and \"Name\")");
    return list;
}

const CodeListEntry* UnitCodeList::find(const std::string& code) const
{
    const auto it = entries_.find(code);
    return it == entries_.end() ? nullptr : &it->second;
}

} // namespace planmap::layers::io
