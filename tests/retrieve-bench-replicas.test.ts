import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../src/ingest/metadata.ts';
import { readDocument } from '../src/ingest/readers/index.ts';
import { normalizeText } from '../src/text/index.ts';
import { readSampleCorpus, replicaAt, type Replica } from '../scripts/replicate-corpus.ts';

const originals = readSampleCorpus();

async function metadataOf(replica: Replica) {
  const document = await readDocument(replica.name, replica.bytes);
  const metadata = extractMetadata({ ...document, text: normalizeText(document.text) }, replica.name);
  return {
    body: metadata.body,
    sessionMonth: metadata.sessionMonth,
    meetingDate: metadata.meetingDate,
    publishedDate: metadata.publishedDate,
  };
}

describe('the replicated corpus the benchmark searches', () => {
  it('keeps copy 0 of each report as written, under a source of its own', () => {
    const original = originals[0]!;
    const copy = replicaAt(originals, 0).bytes.toString('utf8');
    expect(copy.replace(/\?copy=0/, '')).toBe(original.text);
  });

  it('rewrites later copies into distinct reports, the same for the same index', () => {
    const copies = [1, 2, 3, 4].map((n) => replicaAt(originals, n * originals.length).bytes.toString('utf8'));
    expect(new Set([...copies, originals[0]!.text]).size).toBe(copies.length + 1);
    expect(replicaAt(originals, 2 * originals.length).bytes.toString('utf8')).toBe(copies[1]);
    // A rewritten copy still reads as its report: most of its words are the corpus's own.
    const words = new Set(originals.flatMap((file) => file.text.split(/\s+/)));
    const copyWords = copies[0]!.split(/\s+/);
    expect(copyWords.filter((word) => words.has(word)).length / copyWords.length).toBeGreaterThan(0.9);
  });

  it('keeps what filters read (body, session month, dates) in nearly every copy', async () => {
    // A borrowed sentence may name another session now and then, as reports quote each other.
    let kept = 0;
    const copies = 4 * originals.length;
    for (let index = originals.length; index < originals.length + copies; index++) {
      const original = replicaAt(originals, index % originals.length);
      if (JSON.stringify(await metadataOf(replicaAt(originals, index))) === JSON.stringify(await metadataOf(original)))
        kept++;
    }
    expect(kept / copies).toBeGreaterThanOrEqual(0.95);
  });
});
