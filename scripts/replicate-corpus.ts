// The sample corpus multiplied into a large one for the benchmarks. Copies of a report must be
// distinct reports, not near-duplicates: hundreds of identical chunks make the "exact top 10" of a
// vector search a set of ties and wreck an HNSW graph (measured at 100k: recall@10 0.51 with them,
// 0.85 on the same chunks deduplicated), which says nothing about a real archive. So each copy keeps
// what its metadata is read from (front matter fields, header, dates, the lead sentence that dates
// the meeting), gives its headline a subtitle of its own, and rewrites the rest of its prose: some
// sentences (or, in one-sentence paragraphs, clauses) are swapped for sentences of other reports,
// they are reordered, and figures are redrawn.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../src/ingest/readers/index.ts';
import { countWords, foldText, splitSentences } from '../src/text/index.ts';

/** A report of the sample corpus, as text. */
export interface CorpusFile {
  name: string;
  text: string;
}

/** One perturbed copy of a corpus report, under a file name of its own. */
export interface Replica {
  name: string;
  bytes: Buffer;
}

// Share of a rewritten paragraph's sentences replaced by a sentence from anywhere in the corpus.
const FOREIGN_SENTENCE_SHARE = 0.4;
// A headline's subtitle: up to this many lower-case words taken from a sentence of the corpus, and
// the headline kept under this length (a longer first line is read as the lead, not a title).
const SUBTITLE_WORDS = 3;
const MAX_HEADLINE_LENGTH = 79;
// Words a subtitle must not hold, folded: they name periods, sessions or bodies, which metadata reads from headlines.
const METADATA_WORDS = new Set(
  'thang nam quy ky hop khoa phien thu ngay dot lan uy ban hoi dong nhan dan dang bo thanh pho thi xa huyen phuong tinh chu tich btv hdnd ubnd'.split(
    ' ',
  ),
);
// Prose paragraphs shorter than this are headings, list labels or signatures: left alone.
const MIN_PROSE_WORDS = 20;

/** The reports in `corpus/` (README and unsupported files left out), in name order. */
export function readSampleCorpus(corpusDir = path.resolve(import.meta.dirname, '../corpus')): CorpusFile[] {
  return readdirSync(corpusDir)
    .filter((name) => SUPPORTED_EXTENSIONS.includes(path.extname(name)) && !/^readme/i.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(corpusDir, name), 'utf8') }));
}

/**
 * The `index`-th replica: the originals are cycled, so any prefix of replicas keeps their proportions.
 * Copy 0 of each report is the report itself (with its own source); later copies are rewritten,
 * deterministically for the same `index`.
 */
export function replicaAt(originals: readonly CorpusFile[], index: number): Replica {
  const original = originals[index % originals.length]!;
  const copy = Math.floor(index / originals.length);
  const random = seededRandom(index + 1);
  const pool = sentencePool(originals);
  const extension = path.extname(original.name);
  let text = original.text.replace(/^(source|url):\s*"?([^"\n]+)"?$/m, `$1: "$2?copy=${copy}"`);
  if (copy > 0) {
    text = rewriteProse(text, extension, (paragraph, isLead) =>
      rewriteParagraph(paragraph, isLead ? [] : pool, random),
    );
    text = addSubtitle(text, extension, (room) => subtitle(pool, random, room));
  }
  return { name: `${path.basename(original.name, extension)}-${copy}${extension}`, bytes: Buffer.from(text, 'utf8') };
}

/**
 * Appends ": subtitle" to a report's headline wherever it is written: the front matter title and the
 * first `#` heading (Markdown), `<title>` and `<h1>` (HTML), the first line (plain text). Headlines
 * in capitals are the headers of official notices and are left alone.
 */
function addSubtitle(text: string, extension: string, subtitle: (room: number) => string): string {
  const isHeadline = (line: string) => line !== line.toUpperCase() && countWords(line) >= 4;
  let chosen: string | undefined;
  const extend = (line: string) => {
    if (!isHeadline(line)) return line;
    chosen ??= subtitle(MAX_HEADLINE_LENGTH - line.length - 2);
    return chosen ? `${line}: ${chosen}` : line;
  };
  if (extension === '.html' || extension === '.htm') {
    return text
      .replace(
        /<title>([^<-]+?)(\s+-\s+[^<]*)?<\/title>/,
        (_, title: string, site = '') => `<title>${extend(title)}${site}</title>`,
      )
      .replace(
        /(<h1[^>]*>)([^<]+)(<\/h1>)/,
        (_, open: string, title: string, close: string) => `${open}${extend(title)}${close}`,
      );
  }
  if (extension === '.md') {
    return text
      .replace(/^title:\s*"([^"\n]+)"$/m, (_, title: string) => `title: "${extend(title)}"`)
      .replace(/^# (.+)$/m, (_, title: string) => `# ${extend(title)}`);
  }
  return text.replace(/^[^\r\n]+/, (line) => extend(line));
}

/**
 * A run of lower-case words from a random corpus sentence that names no period, session or body, at
 * most `room` characters long; empty when no word fits.
 */
function subtitle(pool: readonly string[], random: () => number, room: number): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const words = pool[Math.floor(random() * pool.length)]!.split(/\s+/).map((word) => word.replace(/[^\p{L}]+$/u, ''));
    const from = Math.floor(random() * words.length);
    const run: string[] = [];
    for (const word of words.slice(from, from + SUBTITLE_WORDS)) {
      if (!/^\p{Ll}+$/u.test(word) || METADATA_WORDS.has(foldText(word)) || [...run, word].join(' ').length > room)
        break;
      run.push(word);
    }
    if (run.length > 0) return run.join(' ');
  }
  return '';
}

/**
 * Applies `rewrite` to the prose of a report before a distribution list ("Nơi nhận:"), except the
 * first sentence of its first prose paragraph (the lead sentence, which dates the meeting); the rest
 * of that paragraph is rewritten as the lead (`isLead`), which metadata also reads. In HTML a prose
 * paragraph is a `<p>` or `<div>` holding only text; elsewhere a blank-line separated one-line block
 * that is not a heading.
 */
function rewriteProse(
  text: string,
  extension: string,
  rewrite: (paragraph: string, isLead: boolean) => string,
): string {
  let seenLead = false;
  const visit = (paragraph: string): string => {
    if (countWords(paragraph) < MIN_PROSE_WORDS) return paragraph;
    if (seenLead) return rewrite(paragraph, false);
    seenLead = true;
    const [first, second] = splitSentences(paragraph);
    return first && second
      ? `${paragraph.slice(0, second.start)}${rewrite(paragraph.slice(second.start), true)}`
      : paragraph;
  };
  if (extension === '.html' || extension === '.htm') {
    return text.replace(
      /<(p|div)(\s+class="[^"]*")?>([^<]+)<\/\1>/g,
      (_, tag: string, attributes = '', inner: string) => `<${tag}${attributes}>${visit(inner)}</${tag}>`,
    );
  }
  const closingList = text.search(/^Nơi nhận:/m);
  const [body, tail] = closingList < 0 ? [text, ''] : [text.slice(0, closingList), text.slice(closingList)];
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(body)?.[0] ?? '';
  const blocks = body.slice(frontMatter.length).split(/(\r?\n[^\S\r\n]*\r?\n)/);
  // split keeps the separators at odd positions.
  const rewritten = blocks.map((block, i) =>
    i % 2 === 1 || /^\s*#/.test(block) || /\n/.test(block.trim()) ? block : visit(block),
  );
  return frontMatter + rewritten.join('') + tail;
}

/**
 * Swaps some of a paragraph's sentences for sentences of `pool`, shuffles them and redraws the
 * figures. A one-sentence paragraph is rewritten clause by clause (its "; " parts), so it changes too.
 */
function rewriteParagraph(paragraph: string, pool: readonly string[], random: () => number): string {
  const sentences = splitSentences(paragraph).map(({ start, end }) => paragraph.slice(start, end));
  const [units, separator] =
    sentences.length === 1 ? [paragraph.replace(/[.;]\s*$/, '').split(/;\s+/), '; '] : [sentences, ' '];
  const mixed = units.map((unit) =>
    pool.length > 0 && random() < FOREIGN_SENTENCE_SHARE
      ? pool[Math.floor(random() * pool.length)]!.replace(/[.;]\s*$/, separator === ' ' ? '.' : '')
      : unit,
  );
  for (let i = mixed.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [mixed[i], mixed[j]] = [mixed[j]!, mixed[i]!];
  }
  const rewritten = mixed.map((unit) => redrawFigures(unit, random)).join(separator);
  return separator === ' ' ? rewritten : `${rewritten}.`;
}

// A figure ("3.618", "91,2", "186") that is not part of a date, a document number or a list label,
// and is not a year: those are what metadata and filters read.
const FIGURE =
  /(?<![\d/.,\-–])(?<!(?:ngày|tháng|năm|quý|thứ|khóa|khoá|Số|số|Điều|lớp|mũi)\s)\d{1,3}(?:[.,]\d{1,3})*(?![\d/\-–]|[.,]\d)/gu;

/** Replaces every digit of each figure with a random one, keeping its shape and leading digit non-zero. */
function redrawFigures(sentence: string, random: () => number): string {
  return sentence.replace(FIGURE, (figure) =>
    figure.replace(/\d/g, (digit, offset: number) =>
      String(offset === 0 && digit !== '0' ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10)),
    ),
  );
}

const pools = new WeakMap<readonly CorpusFile[], string[]>();

/** Every sentence of every original's rewritable prose: what rewritten paragraphs borrow from. */
function sentencePool(originals: readonly CorpusFile[]): string[] {
  let pool = pools.get(originals);
  if (pool) return pool;
  pool = [];
  for (const original of originals) {
    rewriteProse(original.text, path.extname(original.name), (paragraph) => {
      for (const { start, end } of splitSentences(paragraph)) pool!.push(paragraph.slice(start, end));
      return paragraph;
    });
  }
  pools.set(originals, pool);
  return pool;
}

/** mulberry32: a small, fast, seedable generator, so a replica (or a test case) is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
