import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldText, hasVietnameseDiacritics, normalizeText } from '../src/text/index.ts';
import { CORPUS_DIR, PROJECT_ROOT } from './helpers/app.ts';

type Group = 'vi' | 'vi-plain' | 'en' | 'abbrev' | 'date-session' | 'unanswerable';

interface Evidence {
  file: string;
  quote: string;
}

interface EvalQuestion {
  id: string;
  group: Group;
  question: string;
  evidence: Evidence[];
  facts: string[];
  note?: string;
}

const GROUP_MINIMUMS: Record<Group, number> = {
  vi: 25,
  'vi-plain': 20,
  en: 20,
  abbrev: 15,
  'date-session': 15,
  unanswerable: 15,
};

const questions = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'scripts/eval/questions.json'), 'utf8'),
) as EvalQuestion[];

const reportFiles = readdirSync(CORPUS_DIR).filter((name) => name !== 'README.md');

// Evidence is matched against what a reader sees, so HTML pages lose their tags here; only the
// entities the corpus actually uses need decoding.
const ENTITIES: Record<string, string> = { '&raquo;': '»', '&amp;': '&', '&quot;': '"', '&nbsp;': ' ' };

function visibleText(file: string): string {
  const raw = readFileSync(path.join(CORPUS_DIR, file), 'utf8');
  if (!file.endsWith('.html')) return raw;
  return raw
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, (entity) => ENTITIES[entity] ?? entity);
}

const reportText = new Map(reportFiles.map((file) => [file, normalizeText(visibleText(file))]));
const foldedReports = [...reportText.values()].map((text) => foldText(text).replace(/\s+/g, ' '));

function textOf(file: string): string {
  const text = reportText.get(file);
  if (text === undefined) throw new Error(`${file} is not a report in corpus/`);
  return text;
}

const answerable = questions.filter((q) => q.group !== 'unanswerable');
const evidenceItems = answerable.flatMap((q) => q.evidence.map((e) => ({ id: q.id, ...e })));

describe('the evaluation question set', () => {
  it('has enough questions in every group, with unique ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(110);
    for (const [group, minimum] of Object.entries(GROUP_MINIMUMS)) {
      expect(questions.filter((q) => q.group === group).length, group).toBeGreaterThanOrEqual(minimum);
    }
    expect(questions.every((q) => q.group in GROUP_MINIMUMS)).toBe(true);
    const ids = questions.map((q) => q.id);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      'duplicate ids',
    ).toEqual([]);
  });

  it('writes each group the way people type it', () => {
    for (const q of questions.filter((q) => q.group === 'vi-plain')) {
      expect(hasVietnameseDiacritics(q.question), q.id).toBe(false);
      expect(q.question, q.id).toBe(q.question.toLowerCase());
    }
    for (const q of questions.filter((q) => q.group === 'vi')) {
      expect(hasVietnameseDiacritics(q.question), q.id).toBe(true);
    }
  });

  it('gives every answerable question evidence and facts, and unanswerable ones neither', () => {
    for (const q of answerable) {
      expect(q.evidence.length, q.id).toBeGreaterThan(0);
      expect(q.facts.length, q.id).toBeGreaterThanOrEqual(1);
      expect(q.facts.length, q.id).toBeLessThanOrEqual(3);
    }
    for (const q of questions.filter((q) => q.group === 'unanswerable')) {
      expect(q.evidence, q.id).toEqual([]);
      expect(q.facts, q.id).toEqual([]);
    }
  });

  it('quotes each evidence passage verbatim from its report', () => {
    for (const { id, file, quote } of evidenceItems) {
      expect(reportFiles, `${id}: ${file}`).toContain(file);
      expect(textOf(file).includes(normalizeText(quote)), `${id}: "${quote}" not in ${file}`).toBe(true);
    }
  });

  it('keeps each quote short, inside one sentence and free of markup', () => {
    for (const { id, quote } of evidenceItems) {
      // A dash between names ("Phạm Văn Khải - Phó Chủ tịch") is punctuation, not a word.
      const words = quote.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
      expect(words, `${id}: "${quote}"`).toBeGreaterThanOrEqual(5);
      expect(words, `${id}: "${quote}"`).toBeLessThanOrEqual(15);
      expect(quote, id).not.toMatch(/\n|[.!?]\s+\p{Lu}/u);
      expect(quote, id).not.toMatch(/[<>*#`]|\]\(/);
    }
  });

  it('picks quotes that no other report contains', () => {
    for (const q of answerable) {
      const cited = new Set(q.evidence.map((e) => e.file));
      for (const { quote } of q.evidence) {
        const elsewhere = reportFiles.filter((file) => !cited.has(file) && textOf(file).includes(normalizeText(quote)));
        expect(elsewhere, `${q.id}: "${quote}"`).toEqual([]);
      }
    }
  });

  it('states every fact in one of the question’s evidence reports', () => {
    for (const q of answerable) {
      const texts = q.evidence.map((e) => textOf(e.file));
      for (const fact of q.facts) {
        expect(
          texts.some((text) => text.includes(normalizeText(fact))),
          `${q.id}: ${fact}`,
        ).toBe(true);
      }
    }
  });

  it('uses every report for at least two questions', () => {
    for (const file of reportFiles) {
      const users = answerable.filter((q) => q.evidence.some((e) => e.file === file));
      expect(users.length, file).toBeGreaterThanOrEqual(2);
    }
  });

  it('asks in its own words rather than copying report sentences', () => {
    // Eight folded words in a row shared with a report means a copied phrase, not a question.
    const SPAN = 8;
    for (const q of questions) {
      const words = foldText(q.question)
        .replace(/[?,.!]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
      for (let i = 0; i + SPAN <= words.length; i++) {
        const span = words.slice(i, i + SPAN).join(' ');
        expect(
          foldedReports.some((text) => text.includes(span)),
          `${q.id}: "${span}"`,
        ).toBe(false);
      }
    }
  });
});
