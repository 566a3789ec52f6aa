-- planmap project schema, version 4: the import engine's records.
--
-- import_batch_changes: every feature row an import wrote, so that
-- `planmap-cli import --undo BATCH` removes exactly what the batch added and
-- restores what it updated. For an update, `previous` holds the row as it was
-- before (JSON of the common columns and typed attributes, see
-- layers/importer/ImportJournal.h) and previous_geom its geometry (WKB,
-- EPSG:4326; NULL = it had none).
CREATE TABLE import_batch_changes (
    id            INTEGER PRIMARY KEY,
    batch_id      INTEGER NOT NULL REFERENCES import_batches (id),
    layer_name    TEXT NOT NULL,
    feature_id    INTEGER NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('insert', 'update')),
    previous      TEXT CHECK (previous IS NULL OR json_valid(previous)),
    previous_geom BLOB,
    CHECK ((action = 'update') = (previous IS NOT NULL))
);
CREATE INDEX import_batch_changes_batch ON import_batch_changes (batch_id);
CREATE INDEX import_batch_changes_feature ON import_batch_changes (feature_id);

-- What an import did besides rows: the reference layer it created (undo
-- drops it again when it is empty), the encoding and CRS it read the file
-- with, and when it was undone (an undone batch cannot be undone twice).
CREATE TABLE import_batch_details (
    batch_id      INTEGER PRIMARY KEY REFERENCES import_batches (id),
    created_layer TEXT,
    encoding      TEXT,
    crs           TEXT,
    undone_at     TEXT CHECK (undone_at IS strftime('%Y-%m-%dT%H:%M:%SZ', undone_at))
);

-- Field mappings saved under a name and reused: a district sends the same
-- layout every time. definition is the JSON of
-- planmap::layers::importer::SavedMapping (layers/importer/SavedMappings.h).
CREATE TABLE import_field_mappings (
    name       TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
    layer_name TEXT,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    created_at TEXT NOT NULL CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at TEXT NOT NULL CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at))
);
