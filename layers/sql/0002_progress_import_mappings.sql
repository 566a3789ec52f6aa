-- planmap project schema, version 2: saved column mappings of progress imports.
--
-- A district sends the same report layout every quarter; the mapping of its
-- columns to indicator, unit, value, date and source (and constants such as
-- the district) is saved under a name and reused. definition is the JSON of
-- planmap::layers::progress::ImportMapping (layers/progress/Import.h).
CREATE TABLE progress_import_mappings (
    name       TEXT PRIMARY KEY CHECK (length(name) > 0),
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    created_at TEXT NOT NULL CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at TEXT NOT NULL CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at))
);

-- Imports look up the entries in force by indicator, unit and date (the
-- natural key of a progress row) to stay idempotent.
CREATE INDEX progress_entries_natural_key ON progress_entries (indicator_id, unit_id, as_of);
