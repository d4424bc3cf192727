import type { Database } from 'better-sqlite3';

/** Organisation, cadres with posting history, the bag, content-addressed blobs, search, audit. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE counties (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('县', '市', '区'))
    );
    CREATE TABLE townships (
      id INTEGER PRIMARY KEY,
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      UNIQUE (county_id, name)
    );
    CREATE TABLE villages (
      id INTEGER PRIMARY KEY,
      township_id INTEGER NOT NULL REFERENCES townships(id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      UNIQUE (township_id, name)
    );
    CREATE TABLE units (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      level TEXT NOT NULL
    );

    CREATE TABLE cadres (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      name_pinyin TEXT NOT NULL DEFAULT '',
      name_initials TEXT NOT NULL DEFAULT '',
      gender TEXT NOT NULL,
      birth_date TEXT,
      id_number TEXT NOT NULL UNIQUE,
      party_status TEXT NOT NULL,
      phone TEXT,
      unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
      level TEXT NOT NULL,
      post_type TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX cadres_name ON cadres(name);

    CREATE TABLE postings (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      township_id INTEGER NOT NULL REFERENCES townships(id) ON DELETE RESTRICT,
      village_id INTEGER REFERENCES villages(id) ON DELETE RESTRICT,
      start TEXT NOT NULL,
      "end" TEXT,
      CHECK ("end" IS NULL OR "end" >= start)
    );
    CREATE INDEX postings_cadre ON postings(cadre_id, start);
    CREATE INDEX postings_township ON postings(township_id);

    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      page_count INTEGER,
      width INTEGER,
      height INTEGER,
      orientation INTEGER,
      created_at TEXT NOT NULL
    );

    CREATE TABLE materials (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      category TEXT NOT NULL,
      title TEXT NOT NULL,
      date TEXT,
      year INTEGER NOT NULL,
      responsible TEXT,
      doc_number TEXT,
      secrecy TEXT NOT NULL DEFAULT '公开',
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX materials_cadre ON materials(cadre_id, year, category);

    CREATE TABLE material_files (
      material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      original_name TEXT NOT NULL,
      PRIMARY KEY (material_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX material_files_sha ON material_files(sha256);

    -- Search text for materials: the app writes CJK runs as overlapping character bigrams
    -- (plus single characters) and other words whole, space separated; rowid = materials.id.
    CREATE VIRTUAL TABLE material_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      operator TEXT,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER,
      detail TEXT
    );
  `);
}
