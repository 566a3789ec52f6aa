-- planmap project schema, version 3: print layouts saved in the project.
--
-- A layout (page, map frames, legend, scale bar, texts…) is the JSON of
-- planmap::layers::print::Layout (layers/print/Layout.h), saved under a
-- name chosen by the user and reused for every print and atlas.
CREATE TABLE print_layouts (
    name       TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    created_at TEXT NOT NULL CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at TEXT NOT NULL CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at))
);
