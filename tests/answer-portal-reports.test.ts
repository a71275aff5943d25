import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { tempApp, tempFolder } from './helpers/app.ts';

// An article as a provincial council's portal publishes it: the page names the province in its
// address and header, the article only says "HĐND tỉnh". Written for this test.
const ARTICLE = `---
url: https://hdndquangninh.gov.vn/tin-hoat-dong/khai-mac-ky-hop-thu-12
---
Khai mạc Kỳ họp thứ 12 HĐND tỉnh khóa XIV

Cập nhật: 10/07/2023 15:20

Sáng 10/7, HĐND tỉnh khai mạc Kỳ họp thứ 12, khóa XIV, nhiệm kỳ 2021 - 2026. Chủ tọa kỳ họp: Ông Nguyễn Văn Hùng, Chủ tịch HĐND tỉnh.

Kỳ họp xem xét 25 nghị quyết về kinh tế - xã hội, trong đó có nghị quyết phân bổ 1.250 tỷ đồng vốn đầu tư công năm 2023.

Tại kỳ họp, HĐND tỉnh đã bầu bổ sung ông Trần Văn Bình giữ chức vụ Phó Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026.
`;

describe('a report whose place is in its web address, not its text', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = tempApp());
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'ky-hop-12.md'), ARTICLE);
    await ingestPaths([folder], app);
  });

  it('is stored as the council of the place its address names', () => {
    expect(app.store.listReports()[0]?.body).toBe('HĐND tỉnh Quảng Ninh');
  });

  it('answers a question naming the place, and who chaired', async () => {
    const answer = await app.ask('Ai làm chủ tọa Kỳ họp thứ 12 HĐND tỉnh Quảng Ninh?');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toContain('Nguyễn Văn Hùng');
  });

  it('says whom the session elected, in the words of the report', async () => {
    const answer = await app.ask('Kỳ họp thứ 12 HĐND tỉnh Quảng Ninh đã bầu ai làm Phó Chủ tịch UBND tỉnh?');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toContain('Trần Văn Bình');
  });

  it('refuses whom it elected to an office no election of the report gave', async () => {
    const answer = await app.ask('Kỳ họp thứ 12 HĐND tỉnh Quảng Ninh đã bầu ai làm Trưởng Ban Pháp chế?');
    expect(answer.mode).toBe('no-answer');
  });

  it('answers how many resolutions the session passed', async () => {
    const answer = await app.ask('Kỳ họp thứ 12 HĐND tỉnh Quảng Ninh thông qua bao nhiêu nghị quyết?');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toContain('25 nghị quyết');
  });

  it('still refuses another province', async () => {
    const answer = await app.ask('Ai làm chủ tọa Kỳ họp thứ 12 HĐND tỉnh Lạng Sơn?');
    expect(answer.mode).toBe('no-answer');
  });
});

describe('a session that elected no one', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = tempApp());
    const folder = tempFolder();
    writeFileSync(
      path.join(folder, 'ky-hop-xa.md'),
      [
        'HĐND xã Phú Lâm tổ chức Kỳ họp thứ 9',
        '',
        'Sáng 22/8, HĐND xã Phú Lâm khóa XX tổ chức Kỳ họp thứ 9. Dự kỳ họp có ông Hoàng Minh Khoa, Phó Bí thư Đảng ủy, Chủ tịch UBND xã.',
        '',
        'Các đại biểu bàn và biểu quyết thông qua Quy chế làm việc của HĐND xã khóa XX.',
        '',
        'Việc bầu bổ sung Chủ tịch UBND xã sẽ làm ở kỳ họp sau.',
      ].join('\n'),
    );
    await ingestPaths([folder], app);
  });

  it('refuses whom it elected, though it names an officer among those present', async () => {
    const answer = await app.ask('Kỳ họp thứ 9 HĐND xã Phú Lâm đã bầu ai làm Chủ tịch UBND xã?');
    expect(answer.mode).toBe('no-answer');
  });

  it('refuses how many resolutions it passed, when it gives no count of them', async () => {
    const answer = await app.ask('Kỳ họp thứ 9 HĐND xã Phú Lâm thông qua bao nhiêu nghị quyết?');
    expect(answer.mode).toBe('no-answer');
  });

  it('knows a body typed without diacritics as the one stored', async () => {
    const answer = await app.ask('ky hop thu 9 hdnd xa phu lam thong qua quy che gi');
    expect(answer.scope?.body?.name).toBe('HĐND xã Phú Lâm');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toContain('Quy chế làm việc');
  });

  it('still says who attended as chairman', async () => {
    const answer = await app.ask('Ai là Chủ tịch UBND xã Phú Lâm dự Kỳ họp thứ 9?');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toContain('Hoàng Minh Khoa');
  });
});
