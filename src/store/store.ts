import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentFormat, ReportMetadata } from '../ingest/types.ts';
import { matchingText } from '../text/index.ts';
import { MIGRATIONS } from './schema.ts';

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
  published_date: string | null;
  document_date: string | null;
  warnings: string;
  ingested_at: string;
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

const REPORT_COLUMNS = `r.id, r.source, r.path, r.format, r.content_hash, r.title, r.body, r.body_aliases,
  r.session_kind, r.session_number, r.session_month, r.meeting_date, r.meeting_end_date,
  r.published_date, r.document_date, r.warnings, r.ingested_at`;

/** The SQLite file: reports, their chunks and the lexical index, behind typed methods. */
export class Store {
  private constructor(
    private readonly db: Database.Database,
    readonly databasePath: string,
  ) {}

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  static open(databasePath: string): Store {
    let db: Database.Database;
    try {
      mkdirSync(path.dirname(databasePath), { recursive: true });
      db = new Database(databasePath);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    } catch (error) {
      throw new StoreError(
        databasePath,
        'open',
        `${(error as Error).message}; check the path and its permissions, or point --data / COUNCIL_DATA_DIR elsewhere`,
        { cause: error },
      );
    }
    const store = new Store(db, databasePath);
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
    for (let version = current; version < MIGRATIONS.length; version++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[version] ?? '');
        this.db.pragma(`user_version = ${version + 1}`);
      })();
    }
  }

  /** Content hash of the report stored for this file path, if any. */
  findByPath(filePath: string): { id: string; contentHash: string } | undefined {
    const row = this.db.prepare('SELECT id, content_hash FROM reports WHERE path = ?').get(filePath) as
      | { id: string; content_hash: string }
      | undefined;
    return row && { id: row.id, contentHash: row.content_hash };
  }

  /**
   * Writes a report and its chunks in one transaction, replacing the report with the same id
   * and any other report read from the same path. Returns whether it was new or replaced one.
   */
  saveReport(report: ReportRecord, chunks: readonly ChunkRecord[]): 'added' | 'updated' {
    return this.db.transaction(() => {
      const previous = this.db
        .prepare('SELECT id FROM reports WHERE id = ? OR (path IS NOT NULL AND path = ?)')
        .all(report.id, report.path) as { id: string }[];
      for (const { id } of previous) this.deleteReport(id);
      this.insertReport(report);
      const insertChunk = this.db.prepare(
        `INSERT INTO chunks (id, report_id, ordinal, start_offset, end_offset, section, header, text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertTerms = this.db.prepare('INSERT INTO chunks_fts (rowid, terms) VALUES (?, ?)');
      for (const chunk of chunks) {
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
      }
      return previous.length > 0 ? 'updated' : 'added';
    })();
  }

  private insertReport(report: ReportRecord): void {
    this.db
      .prepare(
        `INSERT INTO reports (id, source, path, format, content_hash, title, body, body_aliases, session_kind,
           session_number, session_month, meeting_date, meeting_end_date, published_date, document_date,
           warnings, text, ingested_at)
         VALUES (@id, @source, @path, @format, @contentHash, @title, @body, @bodyAliases, @sessionKind,
           @sessionNumber, @sessionMonth, @meetingDate, @meetingEndDate, @publishedDate, @documentDate,
           @warnings, @text, @ingestedAt)`,
      )
      .run({
        ...report,
        bodyAliases: JSON.stringify(report.bodyAliases),
        warnings: JSON.stringify(report.warnings),
        ingestedAt: new Date().toISOString(),
      });
  }

  private deleteReport(id: string): void {
    this.db
      .prepare('DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE report_id = ?)')
      .run(id);
    this.db.prepare('DELETE FROM chunks WHERE report_id = ?').run(id);
    this.db.prepare('DELETE FROM reports WHERE id = ?').run(id);
  }

  /** Removes the report with this id, or read from this path. Returns the removed id, if any. */
  removeReport(idOrPath: string): string | undefined {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT id FROM reports WHERE id = ? OR path = ?').get(idOrPath, idOrPath) as
        | { id: string }
        | undefined;
      if (row) this.deleteReport(row.id);
      return row?.id;
    })();
  }

  /** Stored reports, newest first (by meeting date, else published date, else session month). */
  listReports(): ReportSummary[] {
    const rows = this.db
      .prepare(
        `SELECT ${REPORT_COLUMNS}, (SELECT COUNT(*) FROM chunks c WHERE c.report_id = r.id) AS chunks
         FROM reports r
         ORDER BY COALESCE(r.meeting_date, r.published_date, r.document_date, r.session_month) DESC NULLS LAST, r.id`,
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

  /** Counts of what is stored. */
  counts(): { reports: number; chunks: number } {
    return this.db
      .prepare('SELECT (SELECT COUNT(*) FROM reports) AS reports, (SELECT COUNT(*) FROM chunks) AS chunks')
      .get() as { reports: number; chunks: number };
  }

  close(): void {
    this.db.close();
  }
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
    warnings: JSON.parse(row.warnings) as string[],
    ingestedAt: row.ingested_at,
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
