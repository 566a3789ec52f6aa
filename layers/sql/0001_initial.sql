-- planmap project schema, version 1.
--
-- Dialect: SQLite 3.35+ with SpatiaLite 5 (the SQLite backend). The migrator
-- runs each file in one transaction; spatial metadata (InitSpatialMetaData)
-- already exists when it runs. Spatial columns are added here with
-- AddGeometryColumn + CreateSpatialIndex. A top-level SELECT in a migration is
-- an assertion: the migrator fails the migration when it yields 0 or NULL
-- (AddGeometryColumn and CreateSpatialIndex return 0 instead of raising).
--
-- Conventions (a PostGIS backend would carry the same tables and columns):
--   * geometry: column "geom", SRID 4326, longitude/latitude;
--   * dates: ISO 'YYYY-MM-DD' text; timestamps: UTC 'YYYY-MM-DDTHH:MM:SSZ' text;
--   * booleans: integers 0/1; NULL means "not known" where a column allows it;
--   * coded values: short ASCII codes (labels live in layer_field_values and
--     in the C++ enums);
--   * every row of data that can be invented for a demonstration carries
--     illustrative (0/1, NOT NULL).

-- ---------------------------------------------------------------------------
-- Project metadata: exactly one row.
CREATE TABLE project (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    province_code TEXT,                 -- statistics office code, e.g. '20'
    default_crs   TEXT NOT NULL,        -- e.g. 'EPSG:9215'
    description   TEXT,
    created_at    TEXT NOT NULL CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at    TEXT NOT NULL CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at))
);

-- ---------------------------------------------------------------------------
-- Import batches: one row per file brought into the project, so a re-import
-- of the same file (same sha256) can be detected and rows traced to it.
CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    file_path   TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    kind        TEXT NOT NULL,          -- what was imported: 'layer', 'units', 'crosswalk', 'plan', 'progress', ...
    target      TEXT,                   -- e.g. the layer name
    started_at  TEXT NOT NULL CHECK (started_at IS strftime('%Y-%m-%dT%H:%M:%SZ', started_at)),
    finished_at TEXT CHECK (finished_at IS strftime('%Y-%m-%dT%H:%M:%SZ', finished_at)),
    row_count   INTEGER CHECK (row_count IS NULL OR row_count >= 0),
    user_name   TEXT,
    status      TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
    note        TEXT
);
CREATE INDEX import_batches_sha256 ON import_batches (sha256);

-- ---------------------------------------------------------------------------
-- Administrative units.
--
-- A generation is a set of units in force together (e.g. before and after a
-- national reorganisation). Statistics office codes are reused across
-- generations, so a unit is identified by (code, level, validity), never by
-- code alone. valid_from is the first day in force, valid_to the last day
-- (both inclusive, NULL = open).
CREATE TABLE admin_generations (
    key        TEXT PRIMARY KEY CHECK (length(key) > 0),
    title_vi   TEXT NOT NULL,
    title_en   TEXT,
    valid_from TEXT CHECK (valid_from IS date(valid_from)),
    valid_to   TEXT CHECK (valid_to IS date(valid_to)),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
-- The national reorganisation of 2025 (two-level local government from
-- 1 July 2025) applies to every province.
INSERT INTO admin_generations (key, title_vi, title_en, valid_from, valid_to) VALUES
    ('pre2025', 'Trước sắp xếp ngày 01/7/2025', 'Before the reorganisation of 1 July 2025', NULL, '2025-06-30'),
    ('2025', 'Từ ngày 01/7/2025', 'From 1 July 2025', '2025-07-01', NULL);

CREATE TABLE admin_units (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT CHECK (code IS NULL OR length(code) > 0),  -- statistics office code, with leading zeros
    level                TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'village')),
    unit_type            TEXT NOT NULL CHECK (unit_type IN (
                             'tinh', 'thanh_pho', 'huyen', 'quan', 'thi_xa', 'xa', 'phuong', 'thi_tran',
                             'dac_khu', 'thon', 'ban', 'lang', 'xom', 'ap', 'buon', 'to_dan_pho', 'khoi',
                             'khu_pho', 'other')),
    generation           TEXT NOT NULL REFERENCES admin_generations (key),
    parent_id            INTEGER REFERENCES admin_units (id),
    name                 TEXT NOT NULL CHECK (length(name) > 0),   -- 'Thống Nhất'
    full_name            TEXT,                                     -- 'Xã Thống Nhất'
    name_en              TEXT,
    search_key           TEXT NOT NULL,                            -- accent-free, lower case
    valid_from           TEXT CHECK (valid_from IS date(valid_from)),
    valid_to             TEXT CHECK (valid_to IS date(valid_to)),
    ethnic_minority_area INTEGER CHECK (ethnic_minority_area IN (1, 2, 3)),  -- khu vực I/II/III
    dbkk                 INTEGER CHECK (dbkk IN (0, 1)),                     -- đặc biệt khó khăn
    atk                  INTEGER CHECK (atk IN (0, 1)),                      -- an toàn khu
    border               INTEGER CHECK (border IN (0, 1)),                   -- biên giới
    program_source       TEXT,    -- the decision the program flags come from
    illustrative         INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
    source               TEXT,
    import_batch_id      INTEGER REFERENCES import_batches (id),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
    CHECK (parent_id IS NULL OR parent_id <> id),
    UNIQUE (code, level, generation)
);
CREATE INDEX admin_units_code ON admin_units (code, level);
CREATE INDEX admin_units_parent ON admin_units (parent_id);
CREATE INDEX admin_units_search_key ON admin_units (search_key);
CREATE INDEX admin_units_level_generation ON admin_units (level, generation);

-- Two units of the same code and level may not be in force on the same day.
CREATE TRIGGER admin_units_code_overlap_insert BEFORE INSERT ON admin_units
WHEN NEW.code IS NOT NULL AND EXISTS (
    SELECT 1 FROM admin_units u
    WHERE u.code = NEW.code AND u.level = NEW.level
      AND (u.valid_to IS NULL OR NEW.valid_from IS NULL OR u.valid_to >= NEW.valid_from)
      AND (NEW.valid_to IS NULL OR u.valid_from IS NULL OR NEW.valid_to >= u.valid_from))
BEGIN
    SELECT RAISE(ABORT, 'admin_units: another unit with the same code and level is in force during an overlapping period');
END;
CREATE TRIGGER admin_units_code_overlap_update BEFORE UPDATE OF code, level, valid_from, valid_to ON admin_units
WHEN NEW.code IS NOT NULL AND EXISTS (
    SELECT 1 FROM admin_units u
    WHERE u.id <> NEW.id AND u.code = NEW.code AND u.level = NEW.level
      AND (u.valid_to IS NULL OR NEW.valid_from IS NULL OR u.valid_to >= NEW.valid_from)
      AND (NEW.valid_to IS NULL OR u.valid_from IS NULL OR NEW.valid_to >= u.valid_from))
BEGIN
    SELECT RAISE(ABORT, 'admin_units: another unit with the same code and level is in force during an overlapping period');
END;

SELECT AddGeometryColumn('admin_units', 'geom', 4326, 'MULTIPOLYGON', 'XY');
SELECT CreateSpatialIndex('admin_units', 'geom');

-- The crosswalk of a reorganisation: which old unit went into which new one.
-- kind 'whole' = the old unit went entirely into the new one ("Nhập toàn bộ");
-- 'partial' = part of it did ("Nhập một phần"); share = the fraction of the
-- old unit that went to the new one, when the source states it.
CREATE TABLE unit_crosswalk (
    id             INTEGER PRIMARY KEY,
    old_unit_id    INTEGER NOT NULL REFERENCES admin_units (id) ON DELETE CASCADE,
    new_unit_id    INTEGER NOT NULL REFERENCES admin_units (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('whole', 'partial')),
    share          REAL CHECK (share IS NULL OR (share > 0 AND share <= 1)),
    effective_date TEXT CHECK (effective_date IS date(effective_date)),
    note           TEXT,
    source         TEXT,
    CHECK (old_unit_id <> new_unit_id),
    CHECK (kind = 'partial' OR share IS NULL),
    UNIQUE (old_unit_id, new_unit_id)
);
CREATE INDEX unit_crosswalk_new ON unit_crosswalk (new_unit_id);

-- ---------------------------------------------------------------------------
-- Feature layers.
--
-- layers registers every feature layer (built-in and imported); layer_fields
-- its typed attribute columns; layer_field_values the codes a coded field
-- accepts with their labels. Every feature, whatever its layer, takes its id
-- from features, so links and progress entries can reference any feature
-- with a foreign key. Each layer table has the common columns
--   id (= features.id), user_key (unique, for re-import upserts), name,
--   search_key, commune_id (unit of the current generation), commune_old_id
--   (unit of the previous generation), illustrative, source, import_batch_id,
--   geom
-- followed by its own attribute columns.
CREATE TABLE layers (
    name                 TEXT PRIMARY KEY CHECK (name NOT GLOB '*[^a-z0-9_]*' AND length(name) BETWEEN 1 AND 63),
    title_vi             TEXT NOT NULL,
    title_en             TEXT,
    geometry_type        TEXT NOT NULL CHECK (geometry_type IN (
                             'POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING',
                             'MULTIPOLYGON', 'GEOMETRY')),
    table_name           TEXT NOT NULL UNIQUE,
    builtin              INTEGER NOT NULL CHECK (builtin IN (0, 1)),
    ordinal              INTEGER NOT NULL DEFAULT 0,
    description          TEXT,
    source               TEXT,
    -- A sentence shown with the layer saying which part of it is illustrative
    -- (invented for demonstration) and why; NULL when none is.
    illustrative_summary TEXT
);

CREATE TABLE layer_fields (
    layer_name TEXT NOT NULL REFERENCES layers (name) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (name NOT GLOB '*[^a-z0-9_]*' AND length(name) BETWEEN 1 AND 63),
    field_type TEXT NOT NULL CHECK (field_type IN ('integer', 'real', 'text', 'date', 'boolean')),
    title_vi   TEXT NOT NULL,
    title_en   TEXT,
    ordinal    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (layer_name, name)
);

CREATE TABLE layer_field_values (
    layer_name TEXT NOT NULL,
    field_name TEXT NOT NULL,
    value      TEXT NOT NULL,
    label_vi   TEXT NOT NULL,
    label_en   TEXT,
    ordinal    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (layer_name, field_name, value),
    FOREIGN KEY (layer_name, field_name) REFERENCES layer_fields (layer_name, name) ON DELETE CASCADE
);

CREATE TABLE features (
    id         INTEGER PRIMARY KEY,
    layer_name TEXT NOT NULL REFERENCES layers (name)
);
CREATE INDEX features_layer ON features (layer_name);

-- villages (thôn, bản) as points -------------------------------------------
CREATE TABLE villages (
    id                   INTEGER PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE,
    user_key             TEXT UNIQUE,
    name                 TEXT,
    search_key           TEXT,
    commune_id           INTEGER REFERENCES admin_units (id),
    commune_old_id       INTEGER REFERENCES admin_units (id),
    illustrative         INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
    source               TEXT,
    import_batch_id      INTEGER REFERENCES import_batches (id),
    dbkk                 INTEGER CHECK (dbkk IN (0, 1)),
    ethnic_minority_area INTEGER CHECK (ethnic_minority_area IN (1, 2, 3)),
    road_status          TEXT CHECK (road_status IN ('hardened', 'unhardened', 'none')),
    has_grid_power       INTEGER CHECK (has_grid_power IN (0, 1)),
    population           INTEGER CHECK (population >= 0),
    households           INTEGER CHECK (households >= 0),
    poor_households      INTEGER CHECK (poor_households >= 0)
);
CREATE INDEX villages_search_key ON villages (search_key);
CREATE INDEX villages_commune ON villages (commune_id);
CREATE INDEX villages_commune_old ON villages (commune_old_id);
SELECT AddGeometryColumn('villages', 'geom', 4326, 'POINT', 'XY');
SELECT CreateSpatialIndex('villages', 'geom');

-- forests: forest plots --------------------------------------------------------
CREATE TABLE forests (
    id              INTEGER PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE,
    user_key        TEXT UNIQUE,
    name            TEXT,
    search_key      TEXT,
    commune_id      INTEGER REFERENCES admin_units (id),
    commune_old_id  INTEGER REFERENCES admin_units (id),
    illustrative    INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
    source          TEXT,
    import_batch_id INTEGER REFERENCES import_batches (id),
    forest_type     TEXT CHECK (forest_type IN ('special_use', 'protection', 'production')),
    origin          TEXT CHECK (origin IN ('natural', 'planted')),
    holder          TEXT CHECK (holder IN ('community', 'household', 'management_board', 'enterprise',
                                           'commune_committee', 'other')),
    contract_year   INTEGER CHECK (contract_year BETWEEN 1900 AND 2200),
    area_ha         REAL CHECK (area_ha >= 0),   -- as recorded in the holder's file
    sub_zone        TEXT,                        -- tiểu khu
    compartment     TEXT,                        -- khoảnh
    plot            TEXT                         -- lô
);
CREATE INDEX forests_search_key ON forests (search_key);
CREATE INDEX forests_commune ON forests (commune_id);
CREATE INDEX forests_commune_old ON forests (commune_old_id);
SELECT AddGeometryColumn('forests', 'geom', 4326, 'MULTIPOLYGON', 'XY');
SELECT CreateSpatialIndex('forests', 'geom');

-- markets ----------------------------------------------------------------------
CREATE TABLE markets (
    id                   INTEGER PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE,
    user_key             TEXT UNIQUE,
    name                 TEXT,
    search_key           TEXT,
    commune_id           INTEGER REFERENCES admin_units (id),
    commune_old_id       INTEGER REFERENCES admin_units (id),
    illustrative         INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
    source               TEXT,
    import_batch_id      INTEGER REFERENCES import_batches (id),
    status               TEXT CHECK (status IN ('new', 'upgrade', 'existing')),
    approximate_location INTEGER NOT NULL DEFAULT 0 CHECK (approximate_location IN (0, 1)),
    market_class         INTEGER CHECK (market_class IN (1, 2, 3))
);
CREATE INDEX markets_search_key ON markets (search_key);
CREATE INDEX markets_commune ON markets (commune_id);
CREATE INDEX markets_commune_old ON markets (commune_old_id);
SELECT AddGeometryColumn('markets', 'geom', 4326, 'POINT', 'XY');
SELECT CreateSpatialIndex('markets', 'geom');

-- projects: infrastructure works (any geometry type) ------------------------------
CREATE TABLE projects (
    id                 INTEGER PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE,
    user_key           TEXT UNIQUE,
    name               TEXT,
    search_key         TEXT,
    commune_id         INTEGER REFERENCES admin_units (id),
    commune_old_id     INTEGER REFERENCES admin_units (id),
    illustrative       INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
    source             TEXT,
    import_batch_id    INTEGER REFERENCES import_batches (id),
    project_type       TEXT CHECK (project_type IN ('road', 'health_station', 'school', 'water_works', 'bridge',
                                                    'market', 'cultural_house', 'irrigation', 'electricity', 'other')),
    status             TEXT CHECK (status IN ('planned', 'in_progress', 'completed', 'suspended')),
    budget_million_vnd REAL CHECK (budget_million_vnd >= 0),
    start_date         TEXT CHECK (start_date IS date(start_date)),
    end_date           TEXT CHECK (end_date IS date(end_date)),
    investor           TEXT,
    CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
);
CREATE INDEX projects_search_key ON projects (search_key);
CREATE INDEX projects_commune ON projects (commune_id);
CREATE INDEX projects_commune_old ON projects (commune_old_id);
SELECT AddGeometryColumn('projects', 'geom', 4326, 'GEOMETRY', 'XY');
SELECT CreateSpatialIndex('projects', 'geom');

-- roads --------------------------------------------------------------------------
CREATE TABLE roads (
    id              INTEGER PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE,
    user_key        TEXT UNIQUE,
    name            TEXT,
    search_key      TEXT,
    commune_id      INTEGER REFERENCES admin_units (id),
    commune_old_id  INTEGER REFERENCES admin_units (id),
    illustrative    INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
    source          TEXT,
    import_batch_id INTEGER REFERENCES import_batches (id),
    surface         TEXT CHECK (surface IN ('hardened', 'unhardened')),
    road_class      TEXT CHECK (road_class IN ('national', 'provincial', 'district', 'commune', 'village',
                                               'urban', 'other')),
    length_km       REAL CHECK (length_km >= 0),   -- as recorded
    width_m         REAL CHECK (width_m >= 0)
);
CREATE INDEX roads_search_key ON roads (search_key);
CREATE INDEX roads_commune ON roads (commune_id);
CREATE INDEX roads_commune_old ON roads (commune_old_id);
SELECT AddGeometryColumn('roads', 'geom', 4326, 'MULTILINESTRING', 'XY');
SELECT CreateSpatialIndex('roads', 'geom');

-- facilities: schools, health stations, ... -------------------------------------------
CREATE TABLE facilities (
    id                      INTEGER PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE,
    user_key                TEXT UNIQUE,
    name                    TEXT,
    search_key              TEXT,
    commune_id              INTEGER REFERENCES admin_units (id),
    commune_old_id          INTEGER REFERENCES admin_units (id),
    illustrative            INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
    source                  TEXT,
    import_batch_id         INTEGER REFERENCES import_batches (id),
    kind                    TEXT CHECK (kind IN ('health_station', 'kindergarten', 'primary_school',
                                                 'lower_secondary_school', 'upper_secondary_school', 'school',
                                                 'boarding_school', 'semi_boarding_school', 'cultural_house',
                                                 'commune_office', 'other')),
    meets_national_standard INTEGER CHECK (meets_national_standard IN (0, 1))
);
CREATE INDEX facilities_search_key ON facilities (search_key);
CREATE INDEX facilities_commune ON facilities (commune_id);
CREATE INDEX facilities_commune_old ON facilities (commune_old_id);
SELECT AddGeometryColumn('facilities', 'geom', 4326, 'POINT', 'XY');
SELECT CreateSpatialIndex('facilities', 'geom');

-- Registry of the built-in layers ------------------------------------------------
INSERT INTO layers (name, title_vi, title_en, geometry_type, table_name, builtin, ordinal, description) VALUES
    ('villages',   'Thôn, bản',              'Villages',                 'POINT',           'villages',   1, 10, NULL),
    ('forests',    'Rừng',                   'Forests',                  'MULTIPOLYGON',    'forests',    1, 20, NULL),
    ('markets',    'Chợ',                    'Markets',                  'POINT',           'markets',    1, 30, NULL),
    ('projects',   'Công trình đầu tư',      'Infrastructure projects',  'GEOMETRY',        'projects',   1, 40, NULL),
    ('roads',      'Đường giao thông',       'Roads',                    'MULTILINESTRING', 'roads',      1, 50, NULL),
    ('facilities', 'Cơ sở y tế, giáo dục, văn hóa', 'Facilities',        'POINT',           'facilities', 1, 60, NULL);

INSERT INTO layer_fields (layer_name, name, field_type, title_vi, title_en, ordinal) VALUES
    ('villages', 'dbkk',                 'boolean', 'Thôn đặc biệt khó khăn',        'Extremely difficult village', 1),
    ('villages', 'ethnic_minority_area', 'integer', 'Khu vực (I, II, III)',          'Ethnic-minority area (I, II, III)', 2),
    ('villages', 'road_status',          'text',    'Đường ô tô đến thôn',           'Road to the village', 3),
    ('villages', 'has_grid_power',       'boolean', 'Có điện lưới quốc gia',         'On the national grid', 4),
    ('villages', 'population',           'integer', 'Số nhân khẩu',                  'Population', 5),
    ('villages', 'households',           'integer', 'Số hộ',                         'Households', 6),
    ('villages', 'poor_households',      'integer', 'Số hộ nghèo',                   'Poor households', 7),
    ('forests', 'forest_type',   'text',    'Loại rừng',                    'Forest type', 1),
    ('forests', 'origin',        'text',    'Nguồn gốc',                    'Origin', 2),
    ('forests', 'holder',        'text',    'Chủ rừng, đối tượng nhận khoán', 'Holder', 3),
    ('forests', 'contract_year', 'integer', 'Năm giao khoán',               'Contract year', 4),
    ('forests', 'area_ha',       'real',    'Diện tích theo hồ sơ (ha)',    'Recorded area (ha)', 5),
    ('forests', 'sub_zone',      'text',    'Tiểu khu',                     'Sub-zone', 6),
    ('forests', 'compartment',   'text',    'Khoảnh',                       'Compartment', 7),
    ('forests', 'plot',          'text',    'Lô',                           'Plot', 8),
    ('markets', 'status',               'text',    'Hiện trạng đầu tư', 'Investment status', 1),
    ('markets', 'approximate_location', 'boolean', 'Vị trí gần đúng',   'Approximate location', 2),
    ('markets', 'market_class',         'integer', 'Hạng chợ',          'Market class', 3),
    ('projects', 'project_type',       'text', 'Loại công trình',          'Project type', 1),
    ('projects', 'status',             'text', 'Tình trạng',               'Status', 2),
    ('projects', 'budget_million_vnd', 'real', 'Tổng mức đầu tư (triệu đồng)', 'Budget (million VND)', 3),
    ('projects', 'start_date',         'date', 'Ngày khởi công',           'Start date', 4),
    ('projects', 'end_date',           'date', 'Ngày hoàn thành',          'End date', 5),
    ('projects', 'investor',           'text', 'Chủ đầu tư',               'Investor', 6),
    ('roads', 'surface',    'text', 'Mặt đường',         'Surface', 1),
    ('roads', 'road_class', 'text', 'Cấp đường',         'Road class', 2),
    ('roads', 'length_km',  'real', 'Chiều dài theo hồ sơ (km)', 'Recorded length (km)', 3),
    ('roads', 'width_m',    'real', 'Bề rộng mặt đường (m)', 'Surface width (m)', 4),
    ('facilities', 'kind',                    'text',    'Loại cơ sở',          'Kind', 1),
    ('facilities', 'meets_national_standard', 'boolean', 'Đạt chuẩn quốc gia', 'Meets the national standard', 2);

INSERT INTO layer_field_values (layer_name, field_name, value, label_vi, label_en, ordinal) VALUES
    ('villages', 'ethnic_minority_area', '1', 'Khu vực I',   'Area I', 1),
    ('villages', 'ethnic_minority_area', '2', 'Khu vực II',  'Area II', 2),
    ('villages', 'ethnic_minority_area', '3', 'Khu vực III', 'Area III', 3),
    ('villages', 'road_status', 'hardened',   'Đã cứng hóa',       'Hardened', 1),
    ('villages', 'road_status', 'unhardened', 'Chưa cứng hóa',     'Not hardened', 2),
    ('villages', 'road_status', 'none',       'Chưa có đường ô tô', 'No road', 3),
    ('forests', 'forest_type', 'special_use', 'Rừng đặc dụng',  'Special-use forest', 1),
    ('forests', 'forest_type', 'protection',  'Rừng phòng hộ',  'Protection forest', 2),
    ('forests', 'forest_type', 'production',  'Rừng sản xuất',  'Production forest', 3),
    ('forests', 'origin', 'natural', 'Rừng tự nhiên', 'Natural', 1),
    ('forests', 'origin', 'planted', 'Rừng trồng',    'Planted', 2),
    ('forests', 'holder', 'community',         'Cộng đồng dân cư',         'Community', 1),
    ('forests', 'holder', 'household',         'Hộ gia đình, cá nhân',     'Household', 2),
    ('forests', 'holder', 'management_board',  'Ban quản lý rừng',         'Forest management board', 3),
    ('forests', 'holder', 'enterprise',        'Doanh nghiệp, tổ chức kinh tế', 'Enterprise', 4),
    ('forests', 'holder', 'commune_committee', 'UBND xã quản lý',          'Commune People''s Committee', 5),
    ('forests', 'holder', 'other',             'Khác',                     'Other', 6),
    ('markets', 'status', 'new',      'Xây mới',          'New', 1),
    ('markets', 'status', 'upgrade',  'Nâng cấp, cải tạo', 'Upgrade', 2),
    ('markets', 'status', 'existing', 'Hiện có',          'Existing', 3),
    ('markets', 'market_class', '1', 'Chợ hạng I',   'Class I', 1),
    ('markets', 'market_class', '2', 'Chợ hạng II',  'Class II', 2),
    ('markets', 'market_class', '3', 'Chợ hạng III', 'Class III', 3),
    ('projects', 'project_type', 'road',           'Đường giao thông',          'Road', 1),
    ('projects', 'project_type', 'health_station', 'Trạm y tế',                 'Health station', 2),
    ('projects', 'project_type', 'school',         'Trường học',                'School', 3),
    ('projects', 'project_type', 'water_works',    'Công trình nước sinh hoạt', 'Water works', 4),
    ('projects', 'project_type', 'bridge',         'Cầu',                       'Bridge', 5),
    ('projects', 'project_type', 'market',         'Chợ',                       'Market', 6),
    ('projects', 'project_type', 'cultural_house', 'Nhà văn hóa',               'Cultural house', 7),
    ('projects', 'project_type', 'irrigation',     'Thủy lợi',                  'Irrigation', 8),
    ('projects', 'project_type', 'electricity',    'Điện',                      'Electricity', 9),
    ('projects', 'project_type', 'other',          'Khác',                      'Other', 10),
    ('projects', 'status', 'planned',     'Kế hoạch',        'Planned', 1),
    ('projects', 'status', 'in_progress', 'Đang thực hiện',  'In progress', 2),
    ('projects', 'status', 'completed',   'Hoàn thành',      'Completed', 3),
    ('projects', 'status', 'suspended',   'Tạm dừng',        'Suspended', 4),
    ('roads', 'surface', 'hardened',   'Đã cứng hóa',   'Hardened', 1),
    ('roads', 'surface', 'unhardened', 'Chưa cứng hóa', 'Not hardened', 2),
    ('roads', 'road_class', 'national',   'Quốc lộ',        'National road', 1),
    ('roads', 'road_class', 'provincial', 'Đường tỉnh',     'Provincial road', 2),
    ('roads', 'road_class', 'district',   'Đường huyện',    'District road', 3),
    ('roads', 'road_class', 'commune',    'Đường xã',       'Commune road', 4),
    ('roads', 'road_class', 'village',    'Đường thôn, bản', 'Village road', 5),
    ('roads', 'road_class', 'urban',      'Đường đô thị',   'Urban road', 6),
    ('roads', 'road_class', 'other',      'Khác',           'Other', 7),
    ('facilities', 'kind', 'health_station',         'Trạm y tế',                          'Health station', 1),
    ('facilities', 'kind', 'kindergarten',           'Trường mầm non',                     'Kindergarten', 2),
    ('facilities', 'kind', 'primary_school',         'Trường tiểu học',                    'Primary school', 3),
    ('facilities', 'kind', 'lower_secondary_school', 'Trường trung học cơ sở',             'Lower secondary school', 4),
    ('facilities', 'kind', 'upper_secondary_school', 'Trường trung học phổ thông',         'Upper secondary school', 5),
    ('facilities', 'kind', 'school',                 'Trường học (khác)',                  'School (other)', 6),
    ('facilities', 'kind', 'boarding_school',        'Trường phổ thông dân tộc nội trú',   'Ethnic boarding school', 7),
    ('facilities', 'kind', 'semi_boarding_school',   'Trường phổ thông dân tộc bán trú',   'Ethnic semi-boarding school', 8),
    ('facilities', 'kind', 'cultural_house',         'Nhà văn hóa',                        'Cultural house', 9),
    ('facilities', 'kind', 'commune_office',         'Trụ sở UBND xã',                     'Commune office', 10),
    ('facilities', 'kind', 'other',                  'Khác',                               'Other', 11);

-- ---------------------------------------------------------------------------
-- The plan: program > project > subproject > content > indicator. Levels may
-- be skipped (an indicator may sit directly under a project) but a node always
-- sits under a node of a higher level.
CREATE TABLE plan_nodes (
    id                 INTEGER PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
    parent_id          INTEGER REFERENCES plan_nodes (id),
    level              TEXT NOT NULL CHECK (level IN ('program', 'project', 'subproject', 'content', 'indicator')),
    ordinal            INTEGER NOT NULL DEFAULT 0,
    name               TEXT NOT NULL CHECK (length(name) > 0),
    search_key         TEXT NOT NULL,
    description        TEXT,
    responsible_agency TEXT,
    plan_reference     TEXT,     -- where the plan text says it, e.g. 'Mục II.1.a'
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX plan_nodes_parent ON plan_nodes (parent_id, ordinal);

CREATE TRIGGER plan_nodes_level_order_insert BEFORE INSERT ON plan_nodes
WHEN NEW.parent_id IS NOT NULL AND
     (SELECT CASE p.level WHEN 'program' THEN 1 WHEN 'project' THEN 2 WHEN 'subproject' THEN 3
                          WHEN 'content' THEN 4 ELSE 5 END
        FROM plan_nodes p WHERE p.id = NEW.parent_id)
     >= CASE NEW.level WHEN 'program' THEN 1 WHEN 'project' THEN 2 WHEN 'subproject' THEN 3
                       WHEN 'content' THEN 4 ELSE 5 END
BEGIN
    SELECT RAISE(ABORT, 'plan_nodes: a node must sit under a node of a higher level (program > project > subproject > content > indicator)');
END;
CREATE TRIGGER plan_nodes_level_order_update BEFORE UPDATE OF parent_id, level ON plan_nodes
WHEN (NEW.parent_id IS NOT NULL AND
      (SELECT CASE p.level WHEN 'program' THEN 1 WHEN 'project' THEN 2 WHEN 'subproject' THEN 3
                           WHEN 'content' THEN 4 ELSE 5 END
         FROM plan_nodes p WHERE p.id = NEW.parent_id)
      >= CASE NEW.level WHEN 'program' THEN 1 WHEN 'project' THEN 2 WHEN 'subproject' THEN 3
                        WHEN 'content' THEN 4 ELSE 5 END)
  OR EXISTS (SELECT 1 FROM plan_nodes c WHERE c.parent_id = NEW.id AND
      CASE c.level WHEN 'program' THEN 1 WHEN 'project' THEN 2 WHEN 'subproject' THEN 3
                   WHEN 'content' THEN 4 ELSE 5 END
      <= CASE NEW.level WHEN 'program' THEN 1 WHEN 'project' THEN 2 WHEN 'subproject' THEN 3
                        WHEN 'content' THEN 4 ELSE 5 END)
BEGIN
    SELECT RAISE(ABORT, 'plan_nodes: a node must sit under a node of a higher level (program > project > subproject > content > indicator)');
END;

-- Indicator details of plan nodes of level 'indicator'.
-- aggregation: how values of units roll up:
--   sum           values add up (km, houses, people);
--   ratio         numerators and denominators add up separately ("174/181 communes");
--   percent       a percentage: weighted by numerator/denominator when given, else not summable;
--   percent_point a change in percentage points: not summable;
--   max           the largest value;
--   none          not aggregated.
CREATE TABLE indicators (
    node_id            INTEGER PRIMARY KEY REFERENCES plan_nodes (id) ON DELETE CASCADE,
    unit_of_measure    TEXT,
    year               INTEGER CHECK (year BETWEEN 1900 AND 2200),
    target_value       REAL,
    target_numerator   REAL,
    target_denominator REAL CHECK (target_denominator > 0),
    aggregation        TEXT NOT NULL CHECK (aggregation IN ('sum', 'ratio', 'percent', 'percent_point', 'max', 'none')),
    CHECK ((target_numerator IS NULL) = (target_denominator IS NULL))
);
CREATE TRIGGER indicators_node_level_insert BEFORE INSERT ON indicators
WHEN (SELECT level FROM plan_nodes WHERE id = NEW.node_id) <> 'indicator'
BEGIN
    SELECT RAISE(ABORT, 'indicators: the plan node is not of level indicator');
END;
CREATE TRIGGER indicators_node_level_update BEFORE UPDATE OF node_id ON indicators
WHEN (SELECT level FROM plan_nodes WHERE id = NEW.node_id) <> 'indicator'
BEGIN
    SELECT RAISE(ABORT, 'indicators: the plan node is not of level indicator');
END;
CREATE TRIGGER plan_nodes_keep_indicator_level BEFORE UPDATE OF level ON plan_nodes
WHEN NEW.level <> 'indicator' AND EXISTS (SELECT 1 FROM indicators WHERE node_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'plan_nodes: a node with indicator details must stay of level indicator');
END;

-- Targets of an indicator allocated to units. A row without target values
-- just says that the indicator applies to the unit.
CREATE TABLE indicator_allocations (
    id                 INTEGER PRIMARY KEY,
    indicator_id       INTEGER NOT NULL REFERENCES indicators (node_id) ON DELETE CASCADE,
    unit_id            INTEGER NOT NULL REFERENCES admin_units (id),
    target_value       REAL,
    target_numerator   REAL,
    target_denominator REAL CHECK (target_denominator > 0),
    note               TEXT,
    source             TEXT,
    illustrative       INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
    CHECK ((target_numerator IS NULL) = (target_denominator IS NULL)),
    UNIQUE (indicator_id, unit_id)
);
CREATE INDEX indicator_allocations_unit ON indicator_allocations (unit_id);

-- Features that contribute to an indicator (many-to-many).
CREATE TABLE feature_indicator_links (
    feature_id   INTEGER NOT NULL REFERENCES features (id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicators (node_id) ON DELETE CASCADE,
    note         TEXT,
    PRIMARY KEY (feature_id, indicator_id)
);
CREATE INDEX feature_indicator_links_indicator ON feature_indicator_links (indicator_id);

-- ---------------------------------------------------------------------------
-- Progress log: APPEND-ONLY. Each entry records the cumulative state of an
-- indicator for one unit or one feature as of a date. A correction is a new
-- entry that supersedes the one it corrects; a retraction is an entry without
-- values that supersedes one and withdraws it.
CREATE TABLE progress_entries (
    id              INTEGER PRIMARY KEY,
    indicator_id    INTEGER NOT NULL REFERENCES indicators (node_id),
    unit_id         INTEGER REFERENCES admin_units (id),
    feature_id      INTEGER REFERENCES features (id),
    value           REAL,
    numerator       REAL,
    denominator     REAL CHECK (denominator > 0),
    as_of           TEXT NOT NULL CHECK (as_of IS date(as_of)),
    source_document TEXT,
    author          TEXT,
    entered_at      TEXT NOT NULL CHECK (entered_at IS strftime('%Y-%m-%dT%H:%M:%SZ', entered_at)),
    note            TEXT,
    supersedes_id   INTEGER UNIQUE REFERENCES progress_entries (id),
    retraction      INTEGER NOT NULL DEFAULT 0 CHECK (retraction IN (0, 1)),
    import_batch_id INTEGER REFERENCES import_batches (id),
    illustrative    INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
    CHECK ((unit_id IS NULL) <> (feature_id IS NULL)),
    CHECK ((numerator IS NULL) = (denominator IS NULL)),
    CHECK (CASE WHEN retraction = 1
                THEN supersedes_id IS NOT NULL AND value IS NULL AND numerator IS NULL
                ELSE value IS NOT NULL OR numerator IS NOT NULL END)
);
CREATE INDEX progress_entries_indicator ON progress_entries (indicator_id, as_of);
CREATE INDEX progress_entries_unit ON progress_entries (unit_id);
CREATE INDEX progress_entries_feature ON progress_entries (feature_id);

CREATE TRIGGER progress_entries_no_update BEFORE UPDATE ON progress_entries
BEGIN
    SELECT RAISE(ABORT, 'progress_entries is append-only: record a correction as a new entry that supersedes the old one');
END;
CREATE TRIGGER progress_entries_no_delete BEFORE DELETE ON progress_entries
BEGIN
    SELECT RAISE(ABORT, 'progress_entries is append-only: entries cannot be deleted; retract one with a superseding entry');
END;
CREATE TRIGGER progress_entries_supersede_same_target BEFORE INSERT ON progress_entries
WHEN NEW.supersedes_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM progress_entries o
    WHERE o.id = NEW.supersedes_id AND o.indicator_id = NEW.indicator_id
      AND ((o.unit_id IS NULL AND NEW.unit_id IS NULL) OR o.unit_id = NEW.unit_id)
      AND ((o.feature_id IS NULL AND NEW.feature_id IS NULL) OR o.feature_id = NEW.feature_id))
BEGIN
    SELECT RAISE(ABORT, 'progress_entries: an entry can only supersede an existing entry of the same indicator and the same unit or feature');
END;

-- Entries in force: neither superseded nor retractions.
CREATE VIEW progress_current AS
SELECT p.*
FROM progress_entries p
WHERE p.retraction = 0
  AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = p.id);

-- The newest entry in force for each indicator and unit or feature.
CREATE VIEW progress_latest AS
SELECT id, indicator_id, unit_id, feature_id, value, numerator, denominator, as_of, source_document,
       author, entered_at, note, supersedes_id, retraction, import_batch_id, illustrative
FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.indicator_id, c.unit_id, c.feature_id
                                     ORDER BY c.as_of DESC, c.entered_at DESC, c.id DESC) AS newest
      FROM progress_current c) ranked
WHERE newest = 1;

-- ---------------------------------------------------------------------------
-- Funding (section II of a plan): lines of capital by source and kind, in
-- million VND, in a tree (a total line and its breakdown).
CREATE TABLE funding_lines (
    id                 INTEGER PRIMARY KEY,
    code               TEXT UNIQUE,
    parent_id          INTEGER REFERENCES funding_lines (id),
    plan_node_id       INTEGER REFERENCES plan_nodes (id),
    label              TEXT NOT NULL,
    funding_source     TEXT NOT NULL CHECK (funding_source IN ('all', 'central', 'provincial', 'district',
                                                                'commune', 'credit', 'other')),
    kind               TEXT NOT NULL CHECK (kind IN ('investment', 'recurrent', 'total')),
    amount_million_vnd REAL NOT NULL,
    year               INTEGER CHECK (year BETWEEN 1900 AND 2200),
    ordinal            INTEGER NOT NULL DEFAULT 0,
    plan_reference     TEXT,
    note               TEXT,
    illustrative       INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX funding_lines_parent ON funding_lines (parent_id, ordinal);
CREATE INDEX funding_lines_plan_node ON funding_lines (plan_node_id);

-- Disbursements: APPEND-ONLY like progress. amount_million_vnd is the
-- cumulative amount disbursed on the line (for the unit or feature when
-- given) as of the date.
CREATE TABLE disbursements (
    id                 INTEGER PRIMARY KEY,
    funding_line_id    INTEGER NOT NULL REFERENCES funding_lines (id),
    unit_id            INTEGER REFERENCES admin_units (id),
    feature_id         INTEGER REFERENCES features (id),
    amount_million_vnd REAL,
    as_of              TEXT NOT NULL CHECK (as_of IS date(as_of)),
    source_document    TEXT,
    author             TEXT,
    entered_at         TEXT NOT NULL CHECK (entered_at IS strftime('%Y-%m-%dT%H:%M:%SZ', entered_at)),
    note               TEXT,
    supersedes_id      INTEGER UNIQUE REFERENCES disbursements (id),
    retraction         INTEGER NOT NULL DEFAULT 0 CHECK (retraction IN (0, 1)),
    import_batch_id    INTEGER REFERENCES import_batches (id),
    illustrative       INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
    CHECK (CASE WHEN retraction = 1
                THEN supersedes_id IS NOT NULL AND amount_million_vnd IS NULL
                ELSE amount_million_vnd IS NOT NULL END)
);
CREATE INDEX disbursements_line ON disbursements (funding_line_id, as_of);
CREATE INDEX disbursements_unit ON disbursements (unit_id);
CREATE INDEX disbursements_feature ON disbursements (feature_id);

CREATE TRIGGER disbursements_no_update BEFORE UPDATE ON disbursements
BEGIN
    SELECT RAISE(ABORT, 'disbursements is append-only: record a correction as a new entry that supersedes the old one');
END;
CREATE TRIGGER disbursements_no_delete BEFORE DELETE ON disbursements
BEGIN
    SELECT RAISE(ABORT, 'disbursements is append-only: entries cannot be deleted; retract one with a superseding entry');
END;
CREATE TRIGGER disbursements_supersede_same_target BEFORE INSERT ON disbursements
WHEN NEW.supersedes_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM disbursements o
    WHERE o.id = NEW.supersedes_id AND o.funding_line_id = NEW.funding_line_id
      AND ((o.unit_id IS NULL AND NEW.unit_id IS NULL) OR o.unit_id = NEW.unit_id)
      AND ((o.feature_id IS NULL AND NEW.feature_id IS NULL) OR o.feature_id = NEW.feature_id))
BEGIN
    SELECT RAISE(ABORT, 'disbursements: an entry can only supersede an existing entry of the same funding line and the same unit or feature');
END;

CREATE VIEW disbursements_current AS
SELECT d.*
FROM disbursements d
WHERE d.retraction = 0
  AND NOT EXISTS (SELECT 1 FROM disbursements s WHERE s.supersedes_id = d.id);

CREATE VIEW disbursements_latest AS
SELECT id, funding_line_id, unit_id, feature_id, amount_million_vnd, as_of, source_document, author,
       entered_at, note, supersedes_id, retraction, import_batch_id, illustrative
FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.funding_line_id, c.unit_id, c.feature_id
                                     ORDER BY c.as_of DESC, c.entered_at DESC, c.id DESC) AS newest
      FROM disbursements_current c) ranked
WHERE newest = 1;
