-- planmap project schema, version 5: map layer settings saved in the project.
--
-- How each map layer is shown, so the settings travel with the .planmap file
-- and the map window, `planmap-cli render` and print layouts draw the same
-- map: the layer's place in the layer list (0 = drawn on top), whether it is
-- shown, and its style (the JSON of planmap::layers::style::LayerStyle:
-- symbology, labels, opacity, scale range). A NULL style means the layer's
-- default style (layers/project/ProjectLayers.h), so improved defaults reach
-- layers the user never restyled. Layers without a row keep their default
-- place, visibility and style.
CREATE TABLE layer_settings (
    layer_key  TEXT PRIMARY KEY CHECK (length(trim(layer_key)) > 0),
    position   INTEGER NOT NULL CHECK (position >= 0),
    visible    INTEGER NOT NULL CHECK (visible IN (0, 1)),
    style      TEXT CHECK (style IS NULL OR json_valid(style)),
    updated_at TEXT NOT NULL CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at))
);
