import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/ingest/readers/index.ts';
import { buildNoticeDocx } from './fixtures/build-docx.ts';
import { skipBecause } from './helpers/skip.ts';

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/seeds');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Encodes text in Windows-1258: a precomposed letter without its tone, then the tone as a combining mark. */
function encodeCp1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) byteOf.set(decoder.decode(new Uint8Array([byte])), byte);
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    const decomposed = char.normalize('NFD');
    const parts = byteOf.has(char)
      ? [char]
      : [decomposed.replace(tones, '').normalize('NFC'), ...(decomposed.match(tones) ?? [])];
    for (const part of parts) {
      const byte = byteOf.get(part);
      if (byte === undefined) throw new Error(`no Windows-1258 byte for ${JSON.stringify(part)}`);
      out.push(byte);
    }
  }
  return new Uint8Array(out);
}

const VIETNAMESE =
  'Thông báo kết luận của Ban Thường vụ Huyện ủy về tình hình kinh tế xã hội, quốc phòng an ninh quý III và nhiệm vụ trọng tâm những tháng cuối năm.';

describe('legacy Vietnamese encodings', () => {
  it('names TCVN3 (ABC) text that reached us as Unicode', async () => {
    const tcvn3 =
      'Th«ng b¸o kÕt luËn cña Ban Th­êng vô HuyÖn ñy vÒ t×nh h×nh kinh tÕ x· héi.\n§¶ng bé huyÖn ®· l·nh ®¹o hoµn thµnh c¸c chØ tiªu.';
    await expect(readDocument('old.txt', utf8(tcvn3))).rejects.toMatchObject({
      name: 'IngestError',
      reason:
        "looks like TCVN3 (ABC) encoding, not Unicode: convert the file to UTF-8 (e.g. with UniKey's converter) and ingest again",
    });
  });

  it('names TCVN3 text inside markup-heavy HTML and inside a DOCX made with a .VnTime font', async () => {
    const words = 'Th«ng b¸o kÕt luËn cña Ban Th­êng vô §¶ng ñy x· vÒ c¸c nhiÖm vô träng t©m';
    const cells = words
      .split(' ')
      .map((w) => `<td class="c" style="font-family:.VnTime"><span lang="vi">${w}</span></td>`)
      .join('');
    const page = `<html><head><meta charset="utf-8"><title>${words}</title></head><body><table><tr>${cells}</tr></table><p>${words}.</p></body></html>`;
    await expect(readDocument('old.html', utf8(page))).rejects.toMatchObject({
      reason: expect.stringMatching(/^looks like TCVN3 \(ABC\) encoding/),
    });
    const docx = await buildNoticeDocx({
      headerCells: [['§¶NG Bé HUYÖN'], ['CéNG HOµ X· HéI']],
      heading: 'Th«ng b¸o',
      paragraphs: [`${words}.`],
    });
    await expect(readDocument('old.docx', docx)).rejects.toMatchObject({
      reason: expect.stringMatching(/^looks like TCVN3 \(ABC\) encoding/),
    });
  });

  it('names TCVN3 bytes (not UTF-8)', async () => {
    const bytes = Uint8Array.from('Th«ng b¸o cña §¶ng ñy x· vÒ c¸c nhiÖm vô', (ch) => ch.charCodeAt(0));
    await expect(readDocument('old.md', bytes)).rejects.toMatchObject({
      reason: expect.stringMatching(/^looks like TCVN3 \(ABC\) encoding/),
    });
  });

  it('names VNI text, as Unicode or as bytes', async () => {
    const vni =
      'Thoâng baùo keát luaän cuûa Ban Thöôøng vuï Huyeän uûy ñaõ ñöôïc ban haønh veà tình hình kinh teá xaõ hoäi.';
    await expect(readDocument('vni.txt', utf8(vni))).rejects.toMatchObject({
      reason: expect.stringMatching(/^looks like VNI encoding, not Unicode/),
    });
    const bytes = Uint8Array.from(vni, (ch) => ch.charCodeAt(0));
    await expect(readDocument('vni.html', bytes)).rejects.toMatchObject({
      reason: expect.stringMatching(/^looks like VNI encoding/),
    });
  });

  it('names Windows-1258 bytes', async () => {
    const bytes = encodeCp1258(VIETNAMESE);
    expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toBe(VIETNAMESE);
    await expect(readDocument('cp1258.txt', bytes)).rejects.toMatchObject({
      reason: expect.stringMatching(/^looks like Windows-1258 encoding, not Unicode/),
    });
    const page = new Uint8Array([
      ...utf8('<html><head><meta charset="windows-1258"></head><body><p>'),
      ...bytes,
      ...utf8('</p></body></html>'),
    ]);
    await expect(readDocument('cp1258.html', page)).rejects.toMatchObject({
      reason: expect.stringMatching(/^looks like Windows-1258 encoding/),
    });
  });

  it('does not fire on Unicode Vietnamese, in NFC or NFD, with foreign names and symbols', async () => {
    const text = `${VIETNAMESE}\n\nĐoàn đã tiếp ông José Muñoz, bà Anna Müller và ông François Noël tại trụ sở; «Quy chế» số 05 (§ 3) có hiệu lực từ 1/1. © 2024 · Cổng thông tin.`;
    expect((await readDocument('ok.txt', utf8(text))).text).toBe(text);
    expect((await readDocument('ok.md', utf8(text.normalize('NFD')))).text).toBe(text.normalize('NFD'));
  });

  it('reports damaged UTF-8 as invalid UTF-8, not as a legacy encoding', async () => {
    const good = utf8(VIETNAMESE);
    const at = good.indexOf(0x20, 30);
    const damaged = new Uint8Array([...good.slice(0, at), 0xff, ...good.slice(at)]);
    await expect(readDocument('a.txt', damaged)).rejects.toMatchObject({
      reason: `invalid UTF-8 at byte offset ${at}: save the file as UTF-8 and ingest again`,
    });
  });
});

describe.skipIf(skipBecause(!existsSync(SEED_DIR), '../shared/seeds not present'))('seed reports', () => {
  it('reads every seed without a false alarm', async () => {
    const seeds = readdirSync(SEED_DIR).filter((name) => name.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const name of seeds) {
      const doc = await readDocument(path.join(SEED_DIR, name), readFileSync(path.join(SEED_DIR, name)));
      expect(doc.format).toBe('txt');
      expect(doc.text.length).toBeGreaterThan(1000);
      expect(doc.text).toMatch(/thị [uủ]ỷ?/i);
    }
  });
});
