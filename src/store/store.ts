import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentFormat, ReportMetadata } from './report.ts';
import { matchingText, sketchSimilarity, textSketch } from '../text/index.ts';
import { QuestionLog } from './question-log.ts';
import { MIGRATIONS, PSEUDONYMS_FROM, SKETCHES_ADDED } from './schema.ts';

/** A store operation that failed; carries the database file and the operation. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly databasePath: string,
    readonly operation: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation} (${databasePath}): ${message}`, options);
  }
}

/** A report as written to the store. */
export interface ReportRecord extends Omit<ReportMetadata, 'warnings'> {
  id: string;
  /** File the report was read from, when it came from a file. */
  path: string | null;
  format: DocumentFormat;
  contentHash: string;
  /** Normalised text; chunk offsets point into it. */
  text: string;
  warnings: string[];
  /** From the bundled sample corpus: illustrative, not an official record. */
  sample: boolean;
}

/** A chunk as written to the store; its id is `${reportId}:${ordinal}`. */
export interface ChunkRecord {
  ordinal: number;
  start: number;
  end: number;
  section: string | null;
  header: string;
  text: string;
}

/** A stored report with its chunk count, as listed to staff. */
export interface ReportSummary extends Omit<ReportRecord, 'text' | 'contentHash'> {
  chunks: number;
  ingestedAt: string;
}

/** Which embedder made the stored vectors. */
export interface EmbeddingIdentity {
  id: string;
  dimension: number;
}

/** Vectors to store with a report's chunks, one per chunk, in chunk order. */
export interface ChunkEmbeddings {
  identity: EmbeddingIdentity;
  vectors: readonly Float32Array[];
}

/** What a save changed: the new chunks' labels (rowids, in chunk order) and the labels it removed. */
export interface SaveResult {
  status: 'added' | 'updated';
  labels: number[];
  removedLabels: number[];
}

/** A chunk's vector under its integer label. */
export interface LabelledVector {
  label: number;
  vector: Float32Array;
}

/** The chunk labels of one report: `count` consecutive labels from `first`. */
export interface LabelRange {
  first: number;
  count: number;
}

/** A chunk as retrieval shows it: its text and where it comes from. */
export interface Passage extends StoredChunk {
  report: Omit<ReportSummary, 'chunks' | 'warnings' | 'ingestedAt' | 'format' | 'bodyAliases' | 'path'>;
}

/** A stored chunk with its ids. */
export interface StoredChunk extends ChunkRecord {
  id: string;
  rowid: number;
  reportId: string;
}

interface ReportRow {
  id: string;
  source: string;
  path: string | null;
  format: DocumentFormat;
  content_hash: string;
  title: string | null;
  body: string | null;
  body_aliases: string;
  session_kind: string | null;
  session_number: number | null;
  session_month: string | null;
  meeting_date: string | null;
  meeting_end_date: string | null;
  period_label: string | null;
  period_from: string | null;
  period_to: string | null;
  published_date: string | null;
  document_date: string | null;
  warnings: string;
  ingested_at: string;
  sample: number;
  chunks: number;
}

interface ChunkRow {
  rowid: number;
  id: string;
  report_id: string;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  section: string | null;
  header: string;
  text: string;
}

// How many of a sketch's smallest hashes are keys: see `mostSimilarReport` for why 16 suffice.
const SKETCH_KEYS = 16;

const REPORT_COLUMNS = `r.id, r.source, r.path, r.format, r.content_hash, r.title, r.body, r.body_aliases,
  r.session_kind, r.session_number, r.session_month, r.meeting_date, r.meeting_end_date,
  r.published_date, r.document_date, r.period_label, r.period_from, r.period_to, r.warnings, r.ingested_at, r.sample`;

/** The SQLite file: reports, their chunks and the lexical index, behind typed methods. */
export class Store {
  private writes = 0;
  /** Document frequencies looked up so far, valid while `revision()` is `revision`. */
  private frequencyCache: { revision: string; frequencies: Map<string, number> } = {
    revision: '',
    frequencies: new Map(),
  };
  private countCache: { revision: string; counts: { reports: number; chunks: number } } | undefined;
  /** What was asked, how it was answered, and the feedback on it. */
  readonly questions: QuestionLog;

  private constructor(
    private readonly db: Database.Database,
    readonly databasePath: string,
    pseudonymKey: string,
  ) {
    this.questions = new QuestionLog(db, pseudonymKey);
  }

  /**
   * Opens (creating if needed) the database file and brings its schema up to date. Askers are
   * stored under pseudonyms keyed by `pseudonymKey`, else by the secret kept beside the database
   * (`question-log.key`, made on first open, readable by its owner only).
   */
  static open(databasePath: string, options: { pseudonymKey?: string } = {}): Store {
    let db: Database.Database;
    try {
      mkdirSync(path.dirname(databasePath), { recursive: true });
      db = new Database(databasePath);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // What is deleted (a forgotten person's questions, old ones) is overwritten, not left in free pages.
      db.pragma('secure_delete = ON');
    } catch (error) {
      throw new StoreError(
        databasePath,
        'open',
        `${(error as Error).message}; check the path and its permissions, or point --data / COUNCIL_DATA_DIR elsewhere`,
        { cause: error },
      );
    }
    const store = new Store(db, databasePath, options.pseudonymKey ?? pseudonymKeyBeside(databasePath));
    store.migrate();
    return store;
  }

  /** Schema version of the open database. */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.schemaVersion;
    if (current > MIGRATIONS.length) {
      throw new StoreError(
        this.databasePath,
        'migrate',
        `schema version ${current} is newer than this program knows (${MIGRATIONS.length}); update council-qa`,
      );
    }
    let pseudonymized = false;
    for (let version = current; version < MIGRATIONS.length; version++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[version] ?? '');
        if (version + 1 === SKETCHES_ADDED) this.sketchStoredReports();
        if (version + 1 === PSEUDONYMS_FROM) {
          this.questions.pseudonymizeStoredIds();
          pseudonymized = version > 0;
        }
        this.db.pragma(`user_version = ${version + 1}`);
      })();
    }
    // The raw ids the pages held before must be gone from the file, free pages included.
    if (pseudonymized) this.db.exec('VACUUM');
  }

  /** Content hash of the report stored for this file path, if any. */
  findByPath(filePath: string): { id: string; contentHash: string } | undefined {
    const row = this.db.prepare('SELECT id, content_hash FROM reports WHERE path = ?').get(filePath) as
      | { id: string; content_hash: string }
      | undefined;
    return row && { id: row.id, contentHash: row.content_hash };
  }

  /**
   * Writes a report, its chunks and (when given) their vectors in one transaction, replacing the
   * report with the same id and any other report read from the same path.
   */
  saveReport(report: ReportRecord, chunks: readonly ChunkRecord[], embeddings?: ChunkEmbeddings): SaveResult {
    if (embeddings && embeddings.vectors.length !== chunks.length) {
      throw new StoreError(
        this.databasePath,
        'saveReport',
        `${chunks.length} chunks but ${embeddings.vectors.length} vectors`,
      );
    }
    return this.db.transaction(() => {
      if (embeddings) this.claimEmbedding(embeddings.identity);
      const previous = this.db
        .prepare('SELECT id FROM reports WHERE id = ? OR (path IS NOT NULL AND path = ?)')
        .all(report.id, report.path) as { id: string }[];
      const removedLabels = previous.flatMap(({ id }) => this.deleteReport(id));
      this.insertReport(report);
      this.insertSketch(report.id, report.text);
      const insertChunk = this.db.prepare(
        `INSERT INTO chunks (id, report_id, ordinal, start_offset, end_offset, section, header, text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertTerms = this.db.prepare('INSERT INTO chunks_fts (rowid, terms) VALUES (?, ?)');
      const insertVector = this.db.prepare('INSERT INTO chunk_vectors (chunk_rowid, vector) VALUES (?, ?)');
      const labels: number[] = [];
      for (const [index, chunk] of chunks.entries()) {
        const { lastInsertRowid } = insertChunk.run(
          `${report.id}:${chunk.ordinal}`,
          report.id,
          chunk.ordinal,
          chunk.start,
          chunk.end,
          chunk.section,
          chunk.header,
          chunk.text,
        );
        insertTerms.run(lastInsertRowid, matchingText(chunk.text));
        const vector = embeddings?.vectors[index];
        if (vector) insertVector.run(lastInsertRowid, vectorBlob(vector));
        labels.push(Number(lastInsertRowid));
      }
      const status: SaveResult['status'] = previous.length > 0 ? 'updated' : 'added';
      this.writes++;
      return { status, labels, removedLabels };
    })();
  }

  /** The embedder whose vectors are stored, if any. */
  embeddingIdentity(): EmbeddingIdentity | null {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'embedder'").get() as
      | { value: string }
      | undefined;
    return row ? (JSON.parse(row.value) as EmbeddingIdentity) : null;
  }

  private claimEmbedding(identity: EmbeddingIdentity): void {
    const stored = this.embeddingIdentity();
    if (stored && (stored.id !== identity.id || stored.dimension !== identity.dimension)) {
      throw new StoreError(
        this.databasePath,
        'saveReport',
        `stored vectors come from ${stored.id} (${stored.dimension}-d), not ${identity.id} (${identity.dimension}-d); run npm run reindex to re-embed with the current embedder`,
      );
    }
    if (!stored) this.setSetting('embedder', JSON.stringify(identity));
  }

  private setSetting(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** Every stored vector with its chunk label, in label order. */
  *vectors(): Generator<LabelledVector> {
    const rows = this.db
      .prepare('SELECT chunk_rowid AS label, vector FROM chunk_vectors ORDER BY chunk_rowid')
      .iterate() as IterableIterator<{
      label: number;
      vector: Buffer;
    }>;
    for (const row of rows) yield { label: row.label, vector: blobVector(row.vector) };
  }

  /** The stored vectors of the chunks in `ranges` (label ranges, as `labelRanges` gives them). */
  vectorsIn(ranges: readonly LabelRange[]): LabelledVector[] {
    const statement = this.db.prepare(
      'SELECT chunk_rowid AS label, vector FROM chunk_vectors WHERE chunk_rowid BETWEEN ? AND ?',
    );
    return ranges.flatMap(({ first, count }) =>
      (statement.all(first, first + count - 1) as Array<{ label: number; vector: Buffer }>).map((row) => ({
        label: row.label,
        vector: blobVector(row.vector),
      })),
    );
  }

  /** How many chunks have a stored vector. */
  vectorCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM chunk_vectors').get() as { n: number }).n;
  }

  /** Every chunk, in label order: what a re-embedding walks. */
  *allChunks(): Generator<StoredChunk> {
    for (const row of this.db
      .prepare('SELECT rowid, * FROM chunks ORDER BY rowid')
      .iterate() as IterableIterator<ChunkRow>) {
      yield toChunk(row);
    }
  }

  /** Replaces every stored vector (and the embedder identity) in one transaction. */
  replaceVectors(identity: EmbeddingIdentity, entries: Iterable<LabelledVector>): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM chunk_vectors').run();
      const insert = this.db.prepare('INSERT INTO chunk_vectors (chunk_rowid, vector) VALUES (?, ?)');
      for (const { label, vector } of entries) insert.run(label, vectorBlob(vector));
      this.setSetting('embedder', JSON.stringify(identity));
    })();
  }

  /**
   * Chunks whose folded terms match an FTS5 query, best BM25 first (FTS5's bm25 is lower-better;
   * `score` is negated so higher is better), optionally only from some reports.
   */
  lexicalSearch(
    ftsQuery: string,
    limit: number,
    reportIds?: readonly string[],
  ): Array<{ label: number; score: number }> {
    if (reportIds) {
      // "+rowid" keeps SQLite from handing the IN list to FTS5, which would run the match once
      // per allowed row (seconds at 10k chunks instead of milliseconds).
      return this.db
        .prepare(
          `SELECT rowid AS label, -bm25(chunks_fts) AS score FROM chunks_fts
           WHERE chunks_fts MATCH ? AND +rowid IN (SELECT rowid FROM chunks WHERE report_id IN (SELECT value FROM json_each(?)))
           ORDER BY bm25(chunks_fts) LIMIT ?`,
        )
        .all(ftsQuery, JSON.stringify(reportIds), limit) as Array<{ label: number; score: number }>;
    }
    return this.db
      .prepare(
        'SELECT rowid AS label, -bm25(chunks_fts) AS score FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts) LIMIT ?',
      )
      .all(ftsQuery, limit) as Array<{ label: number; score: number }>;
  }

  /** Every chunk's label with its matching terms as the lexical index holds them (space-separated, in text order). */
  *lexicalDocuments(): Generator<[label: number, terms: string]> {
    yield* this.db.prepare('SELECT rowid, terms FROM chunks_fts').raw().iterate() as IterableIterator<[number, string]>;
  }

  /**
   * In how many chunks each lexical term occurs (terms in matching form). FTS5 counts a term by
   * reading its whole posting list, so counts are kept until the stored reports change.
   */
  documentFrequencies(terms: readonly string[]): Map<string, number> {
    const revision = this.revision();
    if (this.frequencyCache.revision !== revision) this.frequencyCache = { revision, frequencies: new Map() };
    const known = this.frequencyCache.frequencies;
    const unknown = [...new Set(terms)].filter((term) => !known.has(term));
    if (unknown.length > 0) {
      const rows = this.db
        .prepare('SELECT term, doc FROM chunks_vocab WHERE term IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(unknown)) as Array<{ term: string; doc: number }>;
      for (const term of unknown) known.set(term, 0);
      for (const row of rows) known.set(row.term, row.doc);
    }
    return new Map(terms.map((term) => [term, known.get(term)!]));
  }

  /**
   * The chunk labels of every report. A report's chunks are written in one transaction, so their
   * labels are consecutive; a report whose labels are not (which no writer here produces) is given
   * as one range per label.
   */
  labelRanges(): Map<string, LabelRange[]> {
    const rows = this.db
      .prepare(
        'SELECT report_id AS reportId, MIN(rowid) AS first, MAX(rowid) AS last, COUNT(*) AS count FROM chunks GROUP BY report_id',
      )
      .all() as Array<{ reportId: string; first: number; last: number; count: number }>;
    const ranges = new Map<string, LabelRange[]>();
    for (const row of rows) {
      if (row.last - row.first + 1 === row.count) ranges.set(row.reportId, [{ first: row.first, count: row.count }]);
      else
        ranges.set(
          row.reportId,
          this.chunksOf(row.reportId).map((chunk) => ({ first: chunk.rowid, count: 1 })),
        );
    }
    return ranges;
  }

  /**
   * Changes whenever the stored reports change, in this process or another: lets callers cache
   * what they derive from the report list.
   */
  revision(): string {
    return `${this.changesElsewhere()}:${this.writes}`;
  }

  /** Changes whenever another connection (another process: `npm run ingest` beside the bot) commits to the file. */
  changesElsewhere(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** The report, section and text of the chunks with these labels: what ranking reads, without their reports' records. */
  chunkOutlines(labels: readonly number[]): Map<number, { reportId: string; section: string | null; text: string }> {
    if (labels.length === 0) return new Map();
    const rows = this.db
      .prepare('SELECT rowid, report_id, section, text FROM chunks WHERE rowid IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(labels)) as Array<[number, string, string | null, string]>;
    return new Map(rows.map(([label, reportId, section, text]) => [label, { reportId, section, text }]));
  }

  /** The chunks with these labels and their reports, in the order asked. */
  passages(labels: readonly number[]): Passage[] {
    if (labels.length === 0) return [];
    const chunkRows = this.db
      .prepare('SELECT rowid, * FROM chunks WHERE rowid IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(labels)) as ChunkRow[];
    const reportIds = [...new Set(chunkRows.map((row) => row.report_id))];
    const reportRows = this.db
      .prepare(`SELECT ${REPORT_COLUMNS}, 0 AS chunks FROM reports r WHERE r.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(reportIds)) as ReportRow[];
    const reports = new Map(reportRows.map((row) => [row.id, passageReport(toSummary(row))]));
    const byLabel = new Map(chunkRows.map((row) => [row.rowid, row]));
    return labels.flatMap((label) => {
      const row = byLabel.get(label);
      const report = row && reports.get(row.report_id);
      return row && report ? [{ ...toChunk(row), report }] : [];
    });
  }

  private insertReport(report: ReportRecord): void {
    this.db
      .prepare(
        `INSERT INTO reports (id, source, path, format, content_hash, title, body, body_aliases, session_kind,
           session_number, session_month, meeting_date, meeting_end_date, published_date, document_date,
           period_label, period_from, period_to, warnings, text, ingested_at, sample)
         VALUES (@id, @source, @path, @format, @contentHash, @title, @body, @bodyAliases, @sessionKind,
           @sessionNumber, @sessionMonth, @meetingDate, @meetingEndDate, @publishedDate, @documentDate,
           @periodLabel, @periodFrom, @periodTo, @warnings, @text, @ingestedAt, @sample)`,
      )
      .run({
        ...report,
        bodyAliases: JSON.stringify(report.bodyAliases),
        period: undefined,
        periodLabel: report.period?.label ?? null,
        periodFrom: report.period?.from ?? null,
        periodTo: report.period?.to ?? null,
        warnings: JSON.stringify(report.warnings),
        ingestedAt: new Date().toISOString(),
        sample: report.sample ? 1 : 0,
      });
  }

  /**
   * Flags the reports read from files under `folder` (the sample corpus) as samples, with the
   * source `sourceOf` gives their file: stores made before samples were flagged showed made-up
   * web addresses for them.
   */
  markSamples(folder: string, sourceOf: (filePath: string) => string): void {
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    // A range on the path index: every path starting with the prefix sorts between it and the
    // prefix with its last character (the separator) raised by one.
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    const rows = this.db
      .prepare('SELECT id, path, source, sample FROM reports WHERE path >= ? AND path < ?')
      .all(prefix, end) as { id: string; path: string; source: string; sample: number }[];
    const update = this.db.prepare('UPDATE reports SET sample = 1, source = ? WHERE id = ?');
    const stale = rows.filter((row) => row.sample !== 1 || row.source !== sourceOf(row.path));
    if (stale.length === 0) return;
    this.db.transaction(() => {
      for (const row of stale) update.run(sourceOf(row.path), row.id);
    })();
    this.writes++;
  }

  /** How many stored reports are samples. */
  sampleCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM reports WHERE sample = 1').get() as { n: number }).n;
  }

  /** Removes every sample report in one transaction; returns their ids and chunk labels. */
  removeSamples(): { ids: string[]; removedLabels: number[] } {
    return this.db.transaction(() => {
      const ids = this.db.prepare('SELECT id FROM reports WHERE sample = 1').pluck().all() as string[];
      const removedLabels = ids.flatMap((id) => this.deleteReport(id));
      if (ids.length > 0) this.writes++;
      return { ids, removedLabels };
    })();
  }

  /** Sketches every stored report, once, when the schema first has sketches. */
  private sketchStoredReports(): void {
    // One text at a time: a connection cannot write while it iterates, and texts add up.
    const ids = this.db.prepare('SELECT id FROM reports').pluck().all() as string[];
    const textOf = this.db.prepare('SELECT text FROM reports WHERE id = ?').pluck();
    for (const id of ids) this.insertSketch(id, textOf.get(id) as string);
  }

  /** Keeps a report's sketch and its keys (see `mostSimilarReport`). */
  private insertSketch(reportId: string, text: string): void {
    const sketch = textSketch(text);
    this.db.prepare('INSERT INTO report_sketches (report_id, sketch) VALUES (?, ?)').run(reportId, sketchBlob(sketch));
    const insertKey = this.db.prepare('INSERT INTO report_sketch_keys (hash, report_id) VALUES (?, ?)');
    for (const hash of sketchKeys(sketch)) insertKey.run(hash, reportId);
  }

  /**
   * The stored report whose text is most like `text` (estimated share of word 3-grams in common,
   * see `sketchSimilarity`) among those sharing a sketch key with it, leaving out the reports
   * `except` names by id or path. Two texts with 90% of their 3-grams in common share a key
   * unless about 16 draws of 10% all fail; texts that share none are not alike.
   */
  mostSimilarReport(
    text: string,
    except: { id: string; path: string | null },
  ): { id: string; path: string | null; source: string; similarity: number } | undefined {
    const sketch = textSketch(text);
    const keys = sketchKeys(sketch);
    if (keys.length === 0) return undefined;
    const rows = this.db
      .prepare(
        `SELECT r.id, r.path, r.source, s.sketch FROM reports r JOIN report_sketches s ON s.report_id = r.id
         WHERE r.id IN (SELECT report_id FROM report_sketch_keys WHERE hash IN (${keys.map(() => '?').join(', ')}))`,
      )
      .all(...keys) as { id: string; path: string | null; source: string; sketch: Buffer }[];
    let best: { id: string; path: string | null; source: string; similarity: number } | undefined;
    for (const row of rows) {
      if (row.id === except.id || (row.path !== null && row.path === except.path)) continue;
      const similarity = sketchSimilarity(sketch, blobSketch(row.sketch));
      if (!best || similarity > best.similarity) best = { id: row.id, path: row.path, source: row.source, similarity };
    }
    return best;
  }

  /** Deletes a report with its chunks, their index terms and vectors; returns the chunk labels. */
  private deleteReport(id: string): number[] {
    const labels = (this.db.prepare('SELECT rowid FROM chunks WHERE report_id = ?').all(id) as { rowid: number }[]).map(
      (row) => row.rowid,
    );
    this.db.prepare('DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE report_id = ?)').run(id);
    this.db
      .prepare('DELETE FROM chunk_vectors WHERE chunk_rowid IN (SELECT rowid FROM chunks WHERE report_id = ?)')
      .run(id);
    this.db.prepare('DELETE FROM chunks WHERE report_id = ?').run(id);
    this.db.prepare('DELETE FROM reports WHERE id = ?').run(id);
    return labels;
  }

  /** Removes the report with this id, or read from this path: its id and the chunk labels it freed. */
  removeReport(idOrPath: string): { id: string; removedLabels: number[] } | undefined {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT id FROM reports WHERE id = ? OR path = ?').get(idOrPath, idOrPath) as
        | { id: string }
        | undefined;
      if (!row) return undefined;
      this.writes++;
      return { id: row.id, removedLabels: this.deleteReport(row.id) };
    })();
  }

  /** Stored reports, newest first (by `reportDate`: meeting, notice, publication, session month). */
  listReports(): ReportSummary[] {
    const rows = this.db
      .prepare(
        `SELECT ${REPORT_COLUMNS}, (SELECT COUNT(*) FROM chunks c WHERE c.report_id = r.id) AS chunks
         FROM reports r
         ORDER BY COALESCE(r.meeting_date, r.document_date, r.published_date, r.session_month || '-01') DESC NULLS LAST, r.id`,
      )
      .all() as ReportRow[];
    return rows.map(toSummary);
  }

  /** One stored report with its normalised text. */
  getReport(id: string): (ReportSummary & { text: string }) | undefined {
    const row = this.db
      .prepare(
        `SELECT ${REPORT_COLUMNS}, r.text, (SELECT COUNT(*) FROM chunks c WHERE c.report_id = r.id) AS chunks
         FROM reports r WHERE r.id = ?`,
      )
      .get(id) as (ReportRow & { text: string }) | undefined;
    return row && { ...toSummary(row), text: row.text };
  }

  /** The chunks of one report, in order. */
  chunksOf(reportId: string): StoredChunk[] {
    const rows = this.db
      .prepare('SELECT rowid, * FROM chunks WHERE report_id = ? ORDER BY ordinal')
      .all(reportId) as ChunkRow[];
    return rows.map(toChunk);
  }

  /** The chunk with this id ("reportId:ordinal") and its report, if it is still stored. */
  passageById(chunkId: string): Passage | undefined {
    const row = this.db.prepare('SELECT rowid FROM chunks WHERE id = ?').get(chunkId) as { rowid: number } | undefined;
    return row ? this.passages([row.rowid])[0] : undefined;
  }

  /** Counts of what is stored (kept until the stored reports change: counting 100k chunks takes milliseconds). */
  counts(): { reports: number; chunks: number } {
    const revision = this.revision();
    if (this.countCache?.revision !== revision) {
      const counts = this.db
        .prepare('SELECT (SELECT COUNT(*) FROM reports) AS reports, (SELECT COUNT(*) FROM chunks) AS chunks')
        .get() as { reports: number; chunks: number };
      this.countCache = { revision, counts };
    }
    return { ...this.countCache.counts };
  }

  close(): void {
    this.db.close();
  }
}

function vectorBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

function blobVector(blob: Buffer): Float32Array {
  // Copy: a Buffer from SQLite need not be 4-byte aligned.
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

function passageReport(summary: ReportSummary): Passage['report'] {
  const {
    chunks: _chunks,
    warnings: _warnings,
    ingestedAt: _ingestedAt,
    format: _format,
    bodyAliases: _aliases,
    path: _path,
    ...report
  } = summary;
  return report;
}

function toSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    source: row.source,
    path: row.path,
    format: row.format,
    title: row.title,
    body: row.body,
    bodyAliases: JSON.parse(row.body_aliases) as string[],
    sessionKind: row.session_kind,
    sessionNumber: row.session_number,
    sessionMonth: row.session_month,
    meetingDate: row.meeting_date,
    meetingEndDate: row.meeting_end_date,
    publishedDate: row.published_date,
    documentDate: row.document_date,
    period:
      row.period_label && row.period_from && row.period_to
        ? { label: row.period_label, from: row.period_from, to: row.period_to }
        : null,
    warnings: JSON.parse(row.warnings) as string[],
    ingestedAt: row.ingested_at,
    sample: row.sample === 1,
    chunks: row.chunks,
  };
}

function toChunk(row: ChunkRow): StoredChunk {
  return {
    rowid: row.rowid,
    id: row.id,
    reportId: row.report_id,
    ordinal: row.ordinal,
    start: row.start_offset,
    end: row.end_offset,
    section: row.section,
    header: row.header,
    text: row.text,
  };
}

/** The smallest hashes of a sketch, under which its report is found. */
function sketchKeys(sketch: Uint32Array): number[] {
  return [...sketch.subarray(0, SKETCH_KEYS)];
}

// The secret of the question log's pseudonyms, beside the database but never in it: a copy of
// the database alone does not give back who asked.
function pseudonymKeyBeside(databasePath: string): string {
  const file = path.join(path.dirname(databasePath), 'question-log.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const key = randomBytes(32).toString('hex');
    try {
      writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
      return key;
    } catch (raced) {
      // Another process made it first: theirs is the key.
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      return readFileSync(file, 'utf8').trim();
    }
  }
}

function sketchBlob(sketch: Uint32Array): Buffer {
  return Buffer.from(sketch.buffer, sketch.byteOffset, sketch.byteLength);
}

function blobSketch(blob: Buffer): Uint32Array {
  return new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
