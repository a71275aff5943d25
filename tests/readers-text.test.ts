import { describe, expect, it } from 'vitest';
import { SUPPORTED_EXTENSIONS, readDocument } from '../src/ingest/readers/index.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const reasonOf = async (path: string, bytes: Uint8Array): Promise<string> => {
  try {
    await readDocument(path, bytes);
  } catch (error) {
    expect(error).toMatchObject({ name: 'IngestError', path });
    // Every reason also exists in Vietnamese, for staff who upload through the bot.
    expect((error as { reasonVi: string }).reasonVi).toMatch(
      /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i,
    );
    return (error as { reason: string }).reason;
  }
  throw new Error(`${path} was read without an error`);
};

describe('text reader', () => {
  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8('Phiên họp thường kỳ\r\n\r\nĐồng chí Bí thư chủ trì.\r\nDòng thứ hai.'),
    ]);
    const doc = await readDocument('/r/bien-ban.TXT', bytes);
    expect(doc).toEqual({ format: 'txt', text: 'Phiên họp thường kỳ\n\nĐồng chí Bí thư chủ trì.\nDòng thứ hai.' });
  });

  it('reads UTF-16 with a BOM', async () => {
    const body = 'Kỳ họp thứ tư';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(body, 'utf16le')]);
    expect((await readDocument('a.txt', bytes)).text).toBe(body);
  });

  it('keeps text as written (no normalisation, no invented text)', async () => {
    const raw = 'Thị uỷ  họp\u00a0phiên\tthường kỳ';
    expect((await readDocument('a.txt', utf8(raw))).text).toBe(raw);
  });
});

describe('bad input', () => {
  it('names the supported extensions for an unsupported one', async () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf']);
    const reason = await reasonOf('bao-cao.doc', utf8('x'));
    expect(reason).toBe('unsupported file type .doc; supported: .txt, .md, .markdown, .html, .htm, .docx, .pdf');
    expect(await reasonOf('README', utf8('x'))).toMatch(/^no file extension; supported: \.txt/);
  });

  it('rejects empty and whitespace-only files in every format', async () => {
    for (const ext of SUPPORTED_EXTENSIONS) expect(await reasonOf(`empty${ext}`, new Uint8Array())).toBe('empty file');
    for (const ext of ['.txt', '.md', '.html']) {
      expect(await reasonOf(`blank${ext}`, utf8(' \r\n\t\n  \u00a0 '))).toBe('empty file (only whitespace)');
    }
  });

  it('rejects binary content in a text format', async () => {
    const withNul = utf8('Báo cáo\u0000\u0000 tháng 9');
    expect(await reasonOf('a.txt', withNul)).toBe('binary content, not text (NUL byte at offset 9)');
    const controls = utf8(`Báo cáo${'\u0001\u0002\u0003\u0007'.repeat(5)} tháng`);
    expect(await reasonOf('a.md', controls)).toBe('binary content, not text (20 control characters)');
  });

  it('names the byte offset of invalid UTF-8', async () => {
    const bytes = new Uint8Array([...utf8('Hội nghị '), 0xc3, 0x28, ...utf8(' tổng kết năm')]);
    expect(await reasonOf('a.txt', bytes)).toBe(
      `invalid UTF-8 at byte offset ${utf8('Hội nghị ').length}: save the file as UTF-8 and ingest again`,
    );
  });
});
