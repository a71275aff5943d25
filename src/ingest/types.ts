/** Source formats the readers understand, named by file extension. */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** What a reader returns: the document's text as a reader sees it, before metadata extraction. */
export interface ParsedDocument {
  format: DocumentFormat;
  /** Paragraphs (and headings, each its own paragraph) separated by blank lines. Not yet normalised. */
  text: string;
  /** From front matter, `<title>`/`<h1>`, or a document heading; absent when the format has none. */
  title?: string;
  /** Markdown YAML front matter, as parsed; its fields override extracted metadata. */
  frontMatter?: Record<string, unknown>;
  /** Raw date/time text a page states outside the article body (meta tags, `<time>`, a dateline). */
  publishedHint?: string;
}

/** Metadata of one report. Every field may be missing; what is missing is listed in `warnings`. */
export interface ReportMetadata {
  title: string | null;
  /** Issuing body as written in the report, canonical form ("BTV Thị ủy Từ Sơn"). */
  body: string | null;
  /** Other names of the same body (renames such as Thị ủy → Thành ủy when a town becomes a city). */
  bodyAliases: string[];
  /** "thường kỳ", "chuyên đề", "bất thường", ... */
  sessionKind: string | null;
  /** "kỳ họp thứ 4" / "kỳ họp thứ tư" → 4. */
  sessionNumber: number | null;
  /** The month the session is for, "YYYY-MM" (a September session may meet in October). */
  sessionMonth: string | null;
  /** First day the meeting was held, "YYYY-MM-DD". */
  meetingDate: string | null;
  /** Last day of a meeting held over several days, "YYYY-MM-DD". */
  meetingEndDate: string | null;
  /** When the report was published, "YYYY-MM-DD". */
  publishedDate: string | null;
  /** The date an official notice gives itself ("Từ Sơn, ngày 25 tháng 01 năm 2024"), "YYYY-MM-DD". */
  documentDate: string | null;
  /** URL from front matter, else the file path. */
  source: string;
  /** One line per field that could not be found or did not parse. */
  warnings: string[];
}
