// The sample corpus multiplied into a large one for the benchmarks: each copy is perturbed
// (figures shifted, a distinct closing sentence, its own front-matter source) so no two inputs
// are equal and every copy is stored as a report of its own.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../src/ingest/readers/index.ts';

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

/** The reports in `corpus/` (README and unsupported files left out), in name order. */
export function readSampleCorpus(corpusDir = path.resolve(import.meta.dirname, '../corpus')): CorpusFile[] {
  return readdirSync(corpusDir)
    .filter((name) => SUPPORTED_EXTENSIONS.includes(path.extname(name)) && !/^readme/i.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(corpusDir, name), 'utf8') }));
}

/** The `index`-th replica: the originals are cycled, so any prefix of replicas keeps their proportions. */
export function replicaAt(originals: readonly CorpusFile[], index: number): Replica {
  const original = originals[index % originals.length]!;
  const copy = Math.floor(index / originals.length);
  // Front matter sources are report identities: give each copy its own.
  const text = original.text
    .replace(/^(source|url):\s*"?([^"\n]+)"?$/m, `$1: "$2?copy=${copy}"`)
    .replace(/\d+(,\d+)?%/g, (m) => `${(parseFloat(m.replace(',', '.')) + (copy % 7)).toFixed(1).replace('.', ',')}%`);
  const closing = original.name.endsWith('.html') ? text.replace('</body>', `<p>Bản sao số ${copy}.</p></body>`) : `${text}\n\nBản sao số ${copy}.`;
  const extension = path.extname(original.name);
  return { name: `${path.basename(original.name, extension)}-${copy}${extension}`, bytes: Buffer.from(closing, 'utf8') };
}
