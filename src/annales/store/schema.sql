-- annales store, schema version 1 (PRAGMA user_version = 1, PRAGMA application_id = 0x414E4E41).
-- One row set per document, keyed by the sha256 of the source bytes; every table below is
-- written in the same transaction as its `documents` row, so a document is all there or absent.
-- Offsets are character offsets (Python str indices) into documents.text, end exclusive.
-- `sort_key` columns: first day covered, as a proleptic-Gregorian Julian day number (the same
-- scale for every calendar; annales.temporal.calendars.sort_key), NULL when undated.

CREATE TABLE documents (
    id              TEXT PRIMARY KEY,          -- sha256 hex of the source bytes
    title           TEXT,
    path            TEXT,                      -- as given when read
    format          TEXT,                      -- text | markdown | html | epub | timeml | gutenberg
    language        TEXT NOT NULL DEFAULT 'en',
    calendar        TEXT NOT NULL,             -- document calendar: gregorian | julian | ...
    calendar_reason TEXT,
    reference       TEXT,
    dct             TEXT,
    encoding        TEXT,
    n_chars         INTEGER NOT NULL,
    n_words         INTEGER NOT NULL,
    read_at         TEXT NOT NULL,             -- UTC ISO timestamp
    text            TEXT NOT NULL,
    chronicle       BLOB NOT NULL              -- the annales/1 JSON (without text), zlib-compressed
                                               -- UTF-8: read it with annales.store.load_chronicle
);

CREATE TABLE sections (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    title   TEXT NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    level   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE sentences (
    id      INTEGER PRIMARY KEY,               -- rowid, also the FTS5 rowid
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL
);
CREATE INDEX sentences_doc ON sentences(doc_id, start);

-- Full-text index over sentences (external content: the text lives once, in `sentences`).
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE entities (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,                 -- e1, e2 ... (unique within the document)
    name        TEXT NOT NULL,
    label       TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',    -- JSON list of strings
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_label ON entities(label);

CREATE TABLE mentions (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(doc_id, entity_id);

CREATE TABLE timexes (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL,                  -- TIMEX3 value in the timex's calendar
    mod        TEXT,
    calendar   TEXT NOT NULL,
    gregorian  TEXT,
    edtf       TEXT,
    anchor     TEXT,
    sort_key   REAL,                           -- Gregorian timeline position, NULL if undated
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX timexes_sort ON timexes(sort_key);

CREATE TABLE quantities (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    value        REAL,
    unit         TEXT,
    approximate  INTEGER NOT NULL DEFAULT 0,
    value2       REAL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE quotes (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    speaker        TEXT,                       -- entity id
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    speaker_text   TEXT,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE events (
    doc_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    seq             INTEGER NOT NULL,          -- order in the document
    lemma           TEXT NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    TEXT NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    sentence_text   TEXT NOT NULL,
    time            TEXT,                      -- timex id
    date            TEXT,                      -- the event's date, document calendar
    calendar        TEXT NOT NULL,
    gregorian       TEXT,                      -- the same date, Gregorian
    date_source     TEXT,                      -- explicit | narrative | NULL
    sort_key        REAL,
    negated         INTEGER NOT NULL DEFAULT 0,
    hedged          INTEGER NOT NULL DEFAULT 0,
    quantities      TEXT NOT NULL DEFAULT '[]', -- JSON list of quantity ids
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_sort ON events(sort_key);
CREATE INDEX events_lemma ON events(lemma);

CREATE TABLE event_arguments (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL,
    role       TEXT NOT NULL,                  -- agent | patient | place
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    entity_id  TEXT
);
CREATE INDEX event_arguments_event ON event_arguments(doc_id, event_id);
CREATE INDEX event_arguments_entity ON event_arguments(doc_id, entity_id);
