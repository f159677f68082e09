// The content database's schema: SQLite as the application file format.
// A content database is the content package (docs/architecture.md); every
// reader checks `schema_version` and `product_id` in `meta` before trusting it.
#pragma once

namespace kiosk::core {

// 2: translations of headings and blocks.
// 3: topics, glossary, external acts and the links in passages (explore_model.h); the
//    overview screens (about, timeline, member states) and QR addresses (overview_model.h).
constexpr int kContentSchemaVersion = 3;
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
  parties  TEXT NOT NULL,          -- comma-separated ISO 3166 alpha-2 codes; empty if the text names none
  source   TEXT NOT NULL,          -- original file the body is taken from
  authentic TEXT NOT NULL          -- languages of the authentic texts: "ru" or "ru,zh"
) WITHOUT ROWID;
CREATE TABLE document_text(
  document TEXT NOT NULL REFERENCES documents(id),
  field    TEXT NOT NULL,          -- title | short_title | summary | place | issuer | date_note | parties_note | annex_note
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
CREATE TABLE translations(
  document TEXT NOT NULL REFERENCES documents(id),
  kind     TEXT NOT NULL,          -- heading | block
  number   INTEGER NOT NULL,       -- heading: sections.position; block: blocks.id
  lang     TEXT NOT NULL,          -- zh | en (the Russian original is in sections and blocks)
  text     TEXT NOT NULL,          -- written for the kiosk; the Russian text is the authentic one
  PRIMARY KEY(document, kind, number, lang)
) WITHOUT ROWID;
CREATE TABLE lessons(
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL,       -- order on the lessons screen, 0-based
  icon     TEXT NOT NULL           -- an illustration name (docs/content-format.md)
) WITHOUT ROWID;
CREATE TABLE lesson_text(
  lesson TEXT NOT NULL REFERENCES lessons(id),
  field  TEXT NOT NULL,            -- title | summary
  lang   TEXT NOT NULL,            -- ru | zh | en
  value  TEXT NOT NULL,
  PRIMARY KEY(lesson, field, lang)
) WITHOUT ROWID;
CREATE TABLE slides(
  lesson       TEXT NOT NULL REFERENCES lessons(id),
  position     INTEGER NOT NULL,   -- 0-based
  illustration TEXT NOT NULL,
  PRIMARY KEY(lesson, position)
) WITHOUT ROWID;
CREATE TABLE slide_text(
  lesson TEXT NOT NULL,
  slide  INTEGER NOT NULL,         -- slides.position
  field  TEXT NOT NULL,            -- title | text
  lang   TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY(lesson, slide, field, lang),
  FOREIGN KEY(lesson, slide) REFERENCES slides(lesson, position)
) WITHOUT ROWID;
CREATE TABLE slide_links(
  lesson   TEXT NOT NULL,
  slide    INTEGER NOT NULL,
  position INTEGER NOT NULL,       -- 0-based, order on the slide
  document TEXT NOT NULL REFERENCES documents(id),
  block    INTEGER NOT NULL,       -- blocks.id, 1-based
  PRIMARY KEY(lesson, slide, position),
  FOREIGN KEY(lesson, slide) REFERENCES slides(lesson, position)
) WITHOUT ROWID;
CREATE TABLE questions(
  lesson         TEXT NOT NULL REFERENCES lessons(id),
  position       INTEGER NOT NULL, -- 0-based, order in the quiz
  correct_option INTEGER NOT NULL, -- question_options.position
  PRIMARY KEY(lesson, position)
) WITHOUT ROWID;
CREATE TABLE question_text(
  lesson   TEXT NOT NULL,
  question INTEGER NOT NULL,       -- questions.position
  field    TEXT NOT NULL,          -- text | explanation
  lang     TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY(lesson, question, field, lang),
  FOREIGN KEY(lesson, question) REFERENCES questions(lesson, position)
) WITHOUT ROWID;
CREATE TABLE question_options(
  lesson   TEXT NOT NULL,
  question INTEGER NOT NULL,
  position INTEGER NOT NULL,       -- 0-based: option A, B, C...
  lang     TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY(lesson, question, position, lang),
  FOREIGN KEY(lesson, question) REFERENCES questions(lesson, position)
) WITHOUT ROWID;
CREATE TABLE topics(
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL        -- order on the topics screen, 0-based
) WITHOUT ROWID;
CREATE TABLE topic_names(
  topic TEXT NOT NULL REFERENCES topics(id),
  lang  TEXT NOT NULL,
  name  TEXT NOT NULL,
  PRIMARY KEY(topic, lang)
) WITHOUT ROWID;
CREATE TABLE topic_spans(          -- where a topic's words stand in a passage
  topic    TEXT NOT NULL REFERENCES topics(id),
  document TEXT NOT NULL REFERENCES documents(id),
  block    INTEGER NOT NULL,       -- blocks.id
  lang     TEXT NOT NULL,          -- the text: ru (the original) or a translation
  start    INTEGER NOT NULL,       -- byte offsets in that text
  end      INTEGER NOT NULL,
  PRIMARY KEY(topic, document, block, lang, start)
) WITHOUT ROWID;
CREATE TABLE glossary(
  id              TEXT PRIMARY KEY,
  position        INTEGER NOT NULL, -- order in db/glossary.txt, 0-based
  source_document TEXT NOT NULL,    -- the bundled passage the definition comes from; '' and 0: none
  source_block    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE glossary_text(
  term  TEXT NOT NULL REFERENCES glossary(id),
  field TEXT NOT NULL,             -- term | definition
  lang  TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(term, field, lang)
) WITHOUT ROWID;
CREATE TABLE acts(                 -- SCO acts the documents mention but the package does not hold
  id   TEXT PRIMARY KEY,
  date TEXT NOT NULL               -- YYYY-MM-DD
) WITHOUT ROWID;
CREATE TABLE act_text(
  act   TEXT NOT NULL REFERENCES acts(id),
  field TEXT NOT NULL,             -- name | place | issuer
  lang  TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(act, field, lang)
) WITHOUT ROWID;
CREATE TABLE passage_links(        -- tappable mentions: cross-references and glossary terms
  document TEXT NOT NULL REFERENCES documents(id),
  block    INTEGER NOT NULL,
  lang     TEXT NOT NULL,
  start    INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  kind     TEXT NOT NULL,          -- document | act | term
  target   TEXT NOT NULL,          -- documents.id, acts.id or glossary.id
  PRIMARY KEY(document, block, lang, start)
) WITHOUT ROWID;
-- Explore (overview_model.h, sources in db/explore/): the About screen, the timeline, the member states.
CREATE TABLE explore_about(
  id       TEXT PRIMARY KEY,       -- a fact of the About screen
  position INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE explore_timeline(
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL,       -- by date, oldest first
  date     TEXT NOT NULL,          -- YYYY-MM-DD
  document TEXT NOT NULL           -- a bundled document's id; empty for an act that is not bundled
) WITHOUT ROWID;
CREATE TABLE explore_members(
  code     TEXT PRIMARY KEY,       -- ISO 3166 alpha-2, as in documents.parties
  position INTEGER NOT NULL,       -- Russian alphabetical, as SCO texts list them
  joined   INTEGER NOT NULL,       -- year
  colors   TEXT NOT NULL           -- flag colours for the drawn emblem: "RRGGBB RRGGBB ..."
) WITHOUT ROWID;
CREATE TABLE explore_text(
  kind  TEXT NOT NULL,             -- about | timeline | member
  item  TEXT NOT NULL,             -- explore_about.id | explore_timeline.id | explore_members.code
  field TEXT NOT NULL,             -- about: label | text | source; timeline: title | place | issuer | source;
                                   -- member: name | full | source
  lang  TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(kind, item, field, lang)
) WITHOUT ROWID;
CREATE TABLE explore_mentions(
  kind     TEXT NOT NULL,          -- about | timeline
  item     TEXT NOT NULL,
  position INTEGER NOT NULL,
  document TEXT NOT NULL REFERENCES documents(id),
  block    INTEGER NOT NULL,       -- blocks.id: the passage that mentions the item
  quote    TEXT NOT NULL,          -- the words of the passage that do
  PRIMARY KEY(kind, item, position)
) WITHOUT ROWID;
CREATE TABLE qr_addresses(
  target TEXT PRIMARY KEY,         -- "about" or "document:ID"
  url    TEXT NOT NULL             -- http(s), at most 256 bytes (core/qr_code.h)
) WITHOUT ROWID;
)sql";

}  // namespace kiosk::core
