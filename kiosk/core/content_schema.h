// The content database's schema: SQLite as the application file format.
// A content database is the content package (docs/architecture.md); every
// reader checks `schema_version` and `product_id` in `meta` before trusting it.
#pragma once

namespace kiosk {

constexpr int kContentSchemaVersion = 1;
constexpr const char* kProductId = "org.sco.digital-kiosk";
// PRAGMA application_id: "SCOK", so `file(1)`-style tools can recognise the file.
constexpr int kContentApplicationId = 0x53434F4B;

constexpr const char* kContentSchemaSql = R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE documents(
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL,       -- order in the library, newest first
  type     TEXT NOT NULL,          -- statement | decision | concept | programme | protocol
  date     TEXT NOT NULL,          -- YYYY-MM-DD
  parties  TEXT NOT NULL,          -- comma-separated ISO 3166 alpha-2 codes
  source   TEXT NOT NULL           -- original file the body is taken from
) WITHOUT ROWID;
CREATE TABLE document_text(
  document TEXT NOT NULL REFERENCES documents(id),
  field    TEXT NOT NULL,          -- title | summary | place | issuer | date_note
  lang     TEXT NOT NULL,          -- ru | zh | en
  value    TEXT NOT NULL,
  PRIMARY KEY(document, field, lang)
) WITHOUT ROWID;
CREATE TABLE sections(
  document    TEXT NOT NULL REFERENCES documents(id),
  position    INTEGER NOT NULL,    -- 0-based
  heading     TEXT NOT NULL,       -- empty for the untitled opening section
  first_block INTEGER NOT NULL,    -- 0-based index of its first block
  PRIMARY KEY(document, position)
) WITHOUT ROWID;
CREATE TABLE blocks(
  document TEXT NOT NULL REFERENCES documents(id),
  id       INTEGER NOT NULL,       -- 1-based paragraph id
  section  INTEGER NOT NULL,
  kind     TEXT NOT NULL,          -- paragraph | item | signature
  text     TEXT NOT NULL,          -- official Russian wording
  PRIMARY KEY(document, id)
) WITHOUT ROWID;
)sql";

}  // namespace kiosk
