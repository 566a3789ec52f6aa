#include "planmap/layers/render/VectorFileSource.h"

#include "planmap/geo/VectorReader.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

#include <cmath>
#include <mutex>

namespace planmap::layers::render {

namespace {

QVariant toVariant(const geo::FieldValue& v)
{
    return std::visit(
        [](const auto& x) -> QVariant {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) return QVariant();
            else if constexpr (std::is_same_v<T, std::int64_t>) return QVariant(qlonglong(x));
            else if constexpr (std::is_same_v<T, double>) return QVariant(x);
            else if constexpr (std::is_same_v<T, std::string>) return QVariant(QString::fromStdString(x));
            else if constexpr (std::is_same_v<T, geo::Date>) return QVariant(QDate(x.year, x.month, x.day));
            else {
                const int ms = int(std::lround(x.second * 1000.0));
                return QVariant(QDateTime(QDate(x.date.year, x.date.month, x.date.day),
                                          QTime(x.hour, x.minute, ms / 1000, ms % 1000)));
            }
        },
        v);
}

} // namespace

struct VectorFileSource::State {
    geo::VectorReader reader;
    geo::VectorLayer layer;
    std::string crs;
    std::vector<QString> fields;
    std::mutex mutex;  // the GDAL dataset is read by one thread at a time

    State(const std::filesystem::path& path, const std::string& layerName)
        : reader(path), layer(layerName.empty() ? reader.layer(0) : reader.layer(layerName))
    {
    }
};

VectorFileSource::VectorFileSource(const std::filesystem::path& path, const std::string& layer,
                                   const std::string& fallbackCrs)
    : d_(std::make_unique<State>(path, layer))
{
    const auto crs = d_->layer.crs();
    d_->crs = crs ? crs->toWkt() : fallbackCrs;
    for (const geo::FieldDefinition& f : d_->layer.fields()) d_->fields.push_back(QString::fromStdString(f.name));
}

VectorFileSource::~VectorFileSource() = default;

std::string VectorFileSource::crs() const
{
    return d_->crs;
}

std::vector<QString> VectorFileSource::fieldNames() const
{
    return d_->fields;
}

void VectorFileSource::forEach(const std::function<void(const SourceFeature&)>& visit) const
{
    std::lock_guard lock(d_->mutex);
    d_->layer.reset();
    geo::Feature f;
    std::vector<QVariant> values;
    std::vector<std::uint8_t> wkb;
    while (d_->layer.next(f)) {
        values.clear();
        for (const geo::FieldValue& v : f.values) values.push_back(toVariant(v));
        wkb.clear();
        if (f.geometry && !f.geometry->isEmpty()) wkb = f.geometry->toWkb();
        SourceFeature sf;
        sf.id = f.fid >= 0 ? f.fid : f.row;
        sf.wkb = wkb;
        sf.attributes = values;
        visit(sf);
    }
}

} // namespace planmap::layers::render
