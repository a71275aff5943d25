import { describe, expect, it } from 'vitest';
import { createHashingEmbedder, DEFAULT_HASHING_DIMENSION } from '../src/embed/hashing.ts';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const norm = (v: Float32Array) => Math.sqrt(cosine(v, v));

describe('hashing embedder', () => {
  const embedder = createHashingEmbedder();
  const embed = async (text: string) => (await embedder.embedPassages([text]))[0]!;

  it('has the default dimension in its id and vectors', async () => {
    expect(embedder.dimension).toBe(DEFAULT_HASHING_DIMENSION);
    expect(embedder.id).toBe(`hashing-v1-${DEFAULT_HASHING_DIMENSION}`);
    const [vector] = await embedder.embedPassages(['Kế hoạch phát triển kinh tế - xã hội năm 2022']);
    expect(vector).toHaveLength(DEFAULT_HASHING_DIMENSION);
    expect(norm(vector!)).toBeCloseTo(1, 5);
  });

  it('honours another dimension', async () => {
    const small = createHashingEmbedder(64);
    const [vector] = await small.embedQueries(['ngân sách xã']);
    expect(small.id).toBe('hashing-v1-64');
    expect(vector).toHaveLength(64);
    expect(norm(vector!)).toBeCloseTo(1, 5);
  });

  it('is deterministic across calls and instances, and treats queries like passages', async () => {
    const text = 'Tiến độ giải ngân vốn đầu tư công';
    const first = await embed(text);
    expect(Array.from(await embed(text))).toEqual(Array.from(first));
    expect(Array.from((await createHashingEmbedder().embedQueries([text]))[0]!)).toEqual(Array.from(first));
  });

  it('matches text typed without diacritics to the same text with them', async () => {
    expect(cosine(await embed('nong nghiep'), await embed('nông nghiệp'))).toBeCloseTo(1, 5);
    expect(cosine(await embed('DUONG GIAO THONG NONG THON'), await embed('đường giao thông nông thôn'))).toBeCloseTo(
      1,
      5,
    );
  });

  it('brings an abbreviation close to its expansion', async () => {
    const abbreviation = await embed('KNTC');
    const expansion = await embed('khiếu nại tố cáo');
    const unrelated = await embed('trồng cây xanh');
    expect(cosine(abbreviation, expansion)).toBeGreaterThan(0.5);
    expect(cosine(abbreviation, expansion)).toBeGreaterThan(cosine(abbreviation, unrelated) + 0.3);
  });

  it('keeps unrelated texts far apart and related texts closer', async () => {
    const school = await embed('Sửa chữa trường tiểu học và mua sắm thiết bị dạy học');
    const schoolQuestion = await embed('trường tiểu học được sửa chữa chưa');
    const flood = await embed('Khắc phục hậu quả mưa lũ, sạt lở bờ sông');
    expect(Math.abs(cosine(school, flood))).toBeLessThan(0.2);
    expect(cosine(school, schoolQuestion)).toBeGreaterThan(0.3);
  });

  it('gives the zero vector for text without letters or digits', async () => {
    for (const text of ['', '   ', '—…!?']) {
      const vector = await embed(text);
      expect(vector).toHaveLength(DEFAULT_HASHING_DIMENSION);
      expect(vector.every((value) => value === 0)).toBe(true);
    }
  });

  it('embeds a batch in order, one vector per text', async () => {
    const texts = ['một', 'hai', 'ba'];
    const batch = await embedder.embedPassages(texts);
    expect(batch).toHaveLength(3);
    for (const [i, text] of texts.entries()) expect(Array.from(batch[i]!)).toEqual(Array.from(await embed(text)));
  });
});

describe('hashing embedder on long passages', () => {
  it('counts every feature of a long passage, on a fresh embedder or a used one', async () => {
    // Hundreds of distinct made-up words: thousands of features, more than the counting table starts with.
    const letters = 'abcdeghiklmnopqrstuvxy';
    const word = (i: number) => {
      let n = Math.imul(i + 1, 2654435761) >>> 0;
      let spelled = '';
      for (let k = 0; k < 6; k++, n = Math.floor(n / letters.length)) spelled += letters[n % letters.length];
      return spelled;
    };
    const words = Array.from({ length: 800 }, (_, i) => word(i));
    expect(new Set(words).size).toBe(800);
    const longText = words.join(' ');
    const used = createHashingEmbedder();
    await used.embedPassages([longText, 'Kết luận của Thường trực Thị ủy', longText.slice(0, 500)]);
    const [afterUse] = await used.embedPassages([longText]);
    const [fresh] = await createHashingEmbedder().embedPassages([longText]);
    expect(Array.from(afterUse!)).toEqual(Array.from(fresh!));
    expect(norm(fresh!)).toBeCloseTo(1, 5);
    // Both halves count equally, however many features came before the table grew.
    const [firstHalf, secondHalf] = await used.embedPassages([
      words.slice(0, 400).join(' '),
      words.slice(400).join(' '),
    ]);
    const toFirst = cosine(fresh!, firstHalf!);
    const toSecond = cosine(fresh!, secondHalf!);
    expect(toFirst).toBeGreaterThan(0.6);
    expect(Math.abs(toFirst - toSecond)).toBeLessThan(0.1);
  });
});
