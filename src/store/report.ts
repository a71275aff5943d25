// What a report is, as the store keeps it: the readers and metadata rules upstream fill these in.

/** Source formats the readers understand, named by file extension. */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** A span a report reports on: its label as said, and its first and last month ("YYYY-MM"). */
export interface ReportedPeriod {
  label: string;
  from: string;
  to: string;
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
  /**
   * The span a review meeting reports on ("6 tháng đầu năm 2023", "quý I/2024", "năm 2022"), apart
   * from its session month and meeting date; absent or null for a meeting that reviews no span.
   */
  period?: ReportedPeriod | null;
  /** The date an official notice gives itself ("Từ Sơn, ngày 25 tháng 01 năm 2024"), "YYYY-MM-DD". */
  documentDate: string | null;
  /** URL from front matter, else the file path. */
  source: string;
  /** One line per field that could not be found or did not parse. */
  warnings: string[];
}

/** Where a passage sits in a meeting report; questions that point at a part ("kết luận") use it. */
export type SectionLabel = 'opening' | 'assessment' | 'opinions' | 'conclusion' | 'decisions';
