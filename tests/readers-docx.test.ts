import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/ingest/readers/index.ts';
import { buildNoticeDocx } from './fixtures/build-docx.ts';

const NOTICE = {
  headerCells: [
    ['ĐẢNG BỘ TỈNH BẮC NINH', 'THÀNH ỦY TỪ SƠN'],
    ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Từ Sơn, ngày 25 tháng 01 năm 2024'],
  ],
  heading: 'THÔNG BÁO KẾT LUẬN của Ban Thường vụ Thành ủy',
  paragraphs: [
    'Ngày 23 tháng 01 năm 2024, Ban Thường vụ Thành ủy họp nghe báo cáo tình hình thực hiện nhiệm vụ tháng 01 và cho ý kiến về một số nội dung quan trọng.',
    'Ủy ban nhân dân thành phố chủ trì, phối hợp với các phường rà soát hồ sơ đất đai, hoàn thành trong quý I năm 2024.',
  ],
};

describe('DOCX reader', () => {
  it('keeps the lines of the two-column header apart and never glues words', async () => {
    const doc = await readDocument('/reports/thong-bao-ket-luan.docx', await buildNoticeDocx(NOTICE));
    expect(doc.format).toBe('docx');
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs[0]!.split('\n')).toEqual(NOTICE.headerCells.flat());
    expect(paragraphs.slice(1)).toEqual([NOTICE.heading, ...NOTICE.paragraphs]);
    expect(doc.text).not.toMatch(/NINHTHÀNH|NAMTừ|VIỆT NAMTừ/);
  });

  it('takes the title from the heading-styled paragraph', async () => {
    const doc = await readDocument('a.docx', await buildNoticeDocx(NOTICE));
    expect(doc.title).toBe(NOTICE.heading);
  });

  it('rejects bytes that are not a DOCX file', async () => {
    const random = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 251);
    await expect(readDocument('corrupt.docx', random)).rejects.toMatchObject({
      name: 'IngestError',
      reason: 'not a valid DOCX file (not a zip archive)',
    });
    // An empty zip archive: only the end-of-central-directory record.
    const notWord = new Uint8Array(22);
    notWord.set([0x50, 0x4b, 0x05, 0x06]);
    await expect(readDocument('other.docx', notWord)).rejects.toMatchObject({
      reason: expect.stringMatching(/^not a valid DOCX file \(.*main document.*\)$/),
    });
    const cut = (await buildNoticeDocx(NOTICE)).slice(0, 300);
    await expect(readDocument('cut.docx', cut)).rejects.toMatchObject({
      reason: expect.stringMatching(/^not a valid DOCX file \(.+\)$/),
    });
  });

  it('names an old .doc or password-protected Word file', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readDocument('old.docx', ole)).rejects.toMatchObject({
      reason: expect.stringContaining('old .doc format or password-protected'),
    });
  });
});
