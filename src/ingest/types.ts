import type { DocumentFormat } from '../store/index.ts';

export type { DocumentFormat, ReportMetadata } from '../store/index.ts';

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
