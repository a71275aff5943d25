// Versioned schema: migration N brings a database from user_version N-1 to N. Append only;
// never edit a migration that has shipped.

/** The schema version that added report sketches: a store reaching it sketches the reports it holds. */
export const SKETCHES_ADDED = 6;
/** The schema version from which askers are pseudonyms: a store reaching it hashes the raw ids it holds. */
export const PSEUDONYMS_FROM = 8;

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    path TEXT,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT,
    body TEXT,
    body_aliases TEXT NOT NULL DEFAULT '[]',
    session_kind TEXT,
    session_number INTEGER,
    session_month TEXT,
    meeting_date TEXT,
    meeting_end_date TEXT,
    published_date TEXT,
    document_date TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX reports_path ON reports(path) WHERE path IS NOT NULL;
  CREATE INDEX reports_session_month ON reports(session_month);

  -- rowid is the chunk's integer label in the vector index, never reused (AUTOINCREMENT) so a
  -- stale label can never point at another chunk; id is "reportId:ordinal".
  CREATE TABLE chunks (
    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    section TEXT,
    header TEXT NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (report_id, ordinal)
  );

  -- Folded, pre-tokenised text (see matchingText): tokenchars keep "71.125", "cn-ttcn" and
  -- "1/11/2021" whole, because the tokens were already cut by the project's own rules.
  CREATE VIRTUAL TABLE chunks_fts USING fts5(
    terms,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '-./,'"
  );
  `,
  `
  -- Every chunk's vector, so the ANN index can be rebuilt without embedding again. The embedder
  -- that made them is recorded in settings ('embedder': {"id", "dimension"}).
  CREATE TABLE chunk_vectors (
    chunk_rowid INTEGER PRIMARY KEY REFERENCES chunks(rowid) ON DELETE CASCADE,
    vector BLOB NOT NULL
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  `
  -- Per-term document counts of the lexical index: very common query terms are pruned with them.
  CREATE VIRTUAL TABLE chunks_vocab USING fts5vocab(chunks_fts, 'row');
  `,
  `
  -- Every question a surface (the bot) answered, so staff can see what citizens ask. citations
  -- is a JSON array of {"n", "chunkId", "quote"} in marker order: a source button shows passage n.
  CREATE TABLE questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    asked_at TEXT NOT NULL,
    surface TEXT NOT NULL,
    chat_id TEXT,
    user_id TEXT,
    update_id INTEGER,
    question TEXT NOT NULL,
    language TEXT NOT NULL,
    mode TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    retrieve_ms REAL NOT NULL,
    answer_ms REAL NOT NULL,
    total_ms REAL NOT NULL
  );
  CREATE INDEX questions_asked_at ON questions(asked_at);
  -- One vote per person per answer; voting again replaces it.
  CREATE TABLE feedback (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value IN (-1, 1)),
    given_at TEXT NOT NULL,
    PRIMARY KEY (question_id, user_id)
  );
  `,
  `
  -- The span a review meeting reports on ("6 tháng đầu năm 2023"), apart from its session month.
  ALTER TABLE reports ADD COLUMN period_label TEXT;
  ALTER TABLE reports ADD COLUMN period_from TEXT;
  ALTER TABLE reports ADD COLUMN period_to TEXT;
  `,
  `
  -- A bottom-k MinHash sketch of each report's text (see textSketch), so a second copy of a
  -- report from another path or format is recognised without reading stored texts; its smallest
  -- hashes are keys that find the reports worth comparing. Kept apart from reports, whose rows
  -- hold the whole text. Reports stored before are sketched when this migration runs.
  CREATE TABLE report_sketches (
    report_id TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    sketch BLOB NOT NULL
  );
  CREATE TABLE report_sketch_keys (
    hash INTEGER NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    PRIMARY KEY (hash, report_id)
  ) WITHOUT ROWID;
  CREATE INDEX report_sketch_keys_report ON report_sketch_keys(report_id);
  `,
  `
  -- Reports from the bundled sample corpus: illustrative, never official records. Answers citing
  -- them say so, and the first real report ingested removes them.
  ALTER TABLE reports ADD COLUMN sample INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- Askers are kept as keyed hashes (pseudonyms), never raw Telegram ids: questions.user_id and
  -- chat_id and feedback.user_id already stored are hashed by the store when it reaches this
  -- version. /forget finds a person's rows by the index below.
  CREATE INDEX questions_user ON questions(user_id);
  `,
];
