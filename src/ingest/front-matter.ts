// Markdown front matter: the metadata a report's author states, which overrides what the rules read.
import {
  bodyAliases,
  normalizeText,
  parseDate,
  parseMonth,
  parseOrdinal,
  parseSessionKind,
  recognizeBody,
} from '../text/index.ts';
import type { ReportMetadata } from './types.ts';

/** What front matter states: the extracted fields, each possibly absent. */
export type GivenMetadata = Omit<ReportMetadata, 'body' | 'bodyAliases' | 'source' | 'warnings'> & {
  body: { name: string; aliases: string[] } | null;
  source: string | null;
};

/** Front matter values, validated: one that does not parse is ignored with a warning. */
export function readFrontMatter(front: Record<string, unknown>, warnings: string[]): GivenMetadata {
  const field = (...keys: string[]): { key: string; value: unknown } | null => {
    for (const key of keys)
      if (front[key] !== undefined && front[key] !== null && front[key] !== '') return { key, value: front[key] };
    return null;
  };
  const parsed = <T>(keys: string[], parse: (value: unknown) => T | null, what: string): T | null => {
    const f = field(...keys);
    if (!f) return null;
    const value = parse(f.value);
    if (value === null)
      warnings.push(`front matter ${f.key}: ${JSON.stringify(String(f.value))} is not ${what}; ignored`);
    return value;
  };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? normalizeText(value) : null);
  const date = (value: unknown) =>
    value instanceof Date ? validIsoDate(value) : typeof value === 'string' ? parseDate(value) : null;
  return {
    title: parsed(['title'], text, 'a title'),
    body: parsed(
      ['body'],
      (value) => {
        const name = text(value);
        if (!name) return null;
        const body = recognizeBody(name);
        return body ? { name: body.name, aliases: bodyAliases(body) } : { name, aliases: [] };
      },
      'a body name',
    ),
    sessionKind: parsed(
      ['session_kind', 'sessionKind'],
      (v) => (typeof v === 'string' ? parseSessionKind(v) : null),
      'a session kind',
    ),
    sessionNumber: parsed(
      ['session_number', 'sessionNumber'],
      (v) =>
        typeof v === 'number'
          ? Number.isInteger(v) && v > 0
            ? v
            : null
          : typeof v === 'string'
            ? parseOrdinal(v)
            : null,
      'a session number',
    ),
    sessionMonth: parsed(
      ['session_month', 'sessionMonth'],
      (v) =>
        v instanceof Date ? (validIsoDate(v)?.slice(0, 7) ?? null) : typeof v === 'string' ? parseMonth(v) : null,
      'a month (YYYY-MM)',
    ),
    meetingDate: parsed(['meeting_date', 'meetingDate'], date, 'a date'),
    meetingEndDate: parsed(['meeting_end_date', 'meetingEndDate'], date, 'a date'),
    publishedDate: parsed(['published_date', 'publishedDate'], date, 'a date'),
    documentDate: parsed(['document_date', 'documentDate'], date, 'a date'),
    source: parsed(['url', 'source'], (v) => (typeof v === 'string' && v.trim() ? v.trim() : null), 'a source'),
  };
}

function validIsoDate(value: Date): string | null {
  return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
}
