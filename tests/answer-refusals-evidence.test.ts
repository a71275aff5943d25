import { describe, expect, it } from 'vitest';
import { askedBy, understandQuestion } from '../src/question/index.ts';
import { claimsOf, unmetAsk, type Claim, type Focus } from '../src/answer/evidence.ts';
import { type RankedPassage } from '../src/retrieve/index.ts';
import { foldText } from '../src/text/index.ts';

// A made-up report of another province: the rules must hold for any council's writing.
const PLACES = ['Quế Võ'];
const REPORT = {
  id: 'r-que-vo-2023-12',
  source: 'https://example.gov.vn/que-vo-2023-12',
  title: 'Kỳ họp thứ 14 HĐND thị xã Quế Võ',
  body: 'HĐND thị xã Quế Võ',
  sessionKind: 'thường kỳ',
  sessionNumber: 14,
  sessionMonth: '2023-12',
  meetingDate: '2024-01-10',
  meetingEndDate: null,
  publishedDate: '2024-01-12',
  documentDate: null,
  sample: false,
};

function passage(text: string, ordinal = 0): RankedPassage {
  return {
    id: `${REPORT.id}:${ordinal}`,
    rowid: ordinal + 1,
    reportId: REPORT.id,
    ordinal,
    start: ordinal * 1000,
    end: ordinal * 1000 + text.length,
    section: null,
    header: REPORT.title,
    text,
    report: REPORT,
    score: 0.03,
    lexicalRank: 1,
    denseRank: 1,
    similarity: 0.8,
  };
}

/**
 * Whether the sentences of `text` (cited from one passage holding it) state what `question` asks.
 * Topic terms weigh 1 unless `rarity` says otherwise (the app weighs them by rarity in the store).
 */
function unmet(
  question: string,
  text: string,
  cited: string[] = [text],
  rarity: Record<string, number> = {},
): string | null {
  const plan = understandQuestion(question, { knownPlaces: PLACES });
  const source = passage(text);
  const claims: Claim[] = cited.map((sentence) => ({ sentence, passage: source }));
  const weights = new Map(plan.topicTerms.map((term) => [term, rarity[term] ?? 1]));
  const focus: Focus = { weights, places: PLACES.map((p) => foldText(p)) };
  // The app reads names and documents in the whole report the passage comes from, title included.
  return unmetAsk(askedBy(plan), claims, () => [`${REPORT.title}\n${text}`], focus);
}

describe('whether cited sentences give the kind of answer asked for', () => {
  const projects =
    'Kỳ họp quyết định chủ trương đầu tư dự án nâng cấp đường ĐT.279 với tổng mức đầu tư 86 tỷ đồng, dự án xây dựng Trường Tiểu học Phương Liễu.';

  it('refuses a sum for a project when the sum in the sentence belongs to another one', () => {
    expect(unmet('Dự án Trường Tiểu học Phương Liễu có tổng mức đầu tư bao nhiêu?', projects)).toMatch(/money/);
    expect(unmet('Dự án nâng cấp đường ĐT.279 có tổng mức đầu tư bao nhiêu?', projects)).toBeNull();
  });

  it('refuses a share asked of the thing after a semicolon when the share is before it', () => {
    const clusters =
      'Cụm công nghiệp Bồng Lai đạt tỷ lệ lấp đầy 85%; Cụm công nghiệp Việt Hùng đang san lấp mặt bằng giai đoạn 1.';
    expect(unmet('Cụm công nghiệp Việt Hùng lấp đầy được bao nhiêu phần trăm?', clusters)).toMatch(/percent/);
    expect(unmet('cụm công nghiệp Bồng Lai lấp đầy được bao nhiêu phần trăm?', clusters)).toBeNull();
  });

  it('refuses money when the sentence gives only other figures', () => {
    const fees =
      'Kỳ họp thông qua 12 nghị quyết, trong đó có nghị quyết về giá dịch vụ trông giữ xe áp dụng từ ngày 1/1/2024.';
    expect(unmet('Giá dịch vụ trông giữ xe là bao nhiêu đồng một lượt?', fees)).toMatch(/money/);
  });

  it('refuses a count of one thing answered with a count of another', () => {
    const cases = 'Trong tháng, thị xã ghi nhận 120 ca mắc covid-19, chủ yếu là công nhân.';
    // "ca" is in many reports, "sốt" and "covid" in few.
    const rarity = { ca: 0.5, sot: 3, covid: 3 };
    expect(unmet('Thị xã ghi nhận bao nhiêu ca sốt xuất huyết?', cases, [cases], rarity)).toMatch(/figure ca sot/);
    expect(unmet('Thị xã ghi nhận bao nhiêu ca covid?', cases, [cases], rarity)).toBeNull();
  });

  it('reads what kind of thing is counted in the sentence before, where official prose names it once', () => {
    const complaints =
      'Phiên họp bàn về công tác tiếp công dân, giải quyết KNTC quý I. Trong 45 đơn thuộc thẩm quyền, đã giải quyết 38 đơn, đạt 84,4%.';
    const cited = ['Trong 45 đơn thuộc thẩm quyền, đã giải quyết 38 đơn, đạt 84,4%.'];
    const rarity = { don: 1, kntc: 3 };
    expect(
      unmet('Quý I UBND giải quyết được bao nhiêu đơn KNTC thuộc thẩm quyền?', complaints, cited, rarity),
    ).toBeNull();
    // The thing counted itself must stand where the figure does.
    const households = 'Phiên họp bàn về công tác giảm nghèo. Trong năm, đã giải quyết 38 đơn thư.';
    expect(
      unmet('Xã còn bao nhiêu hộ nghèo?', households, ['Trong năm, đã giải quyết 38 đơn thư.'], { ho: 2, ngheo: 3 }),
    ).toMatch(/figure ho ngheo/);
  });

  it('finds a day written before the clause that says what happened', () => {
    const school = 'Tỷ lệ tiêm vắc xin đạt 97%; từ ngày 14/2/2024, học sinh các trường trở lại học trực tiếp.';
    expect(unmet('Từ hôm nào học sinh trở lại học trực tiếp?', school)).toBeNull();
    expect(
      unmet('Học sinh trở lại học trực tiếp từ bao giờ?', 'Học sinh các trường đã trở lại học trực tiếp.'),
    ).toMatch(/time/);
  });

  it('refuses a day that belongs to another step of the project than the one asked about', () => {
    const clearance = 'Dự án cầu vượt Phố Mới phải hoàn thành kiểm đếm, lập phương án bồi thường trước ngày 30/9/2024.';
    const rarity = { khoi: 3, cong: 1, cau: 1, vuot: 2 };
    expect(unmet('Khi nào khởi công cầu vượt Phố Mới?', clearance, [clearance], rarity)).toMatch(/time khoi cong/);
    const start = 'Dự án cầu vượt Phố Mới sẽ khởi công trong quý IV/2024.';
    expect(unmet('Khi nào khởi công cầu vượt Phố Mới?', start, [start], rarity)).toBeNull();
  });

  it('accepts an office or an organisation as who', () => {
    expect(unmet('Ai chủ trì kỳ họp?', 'Đồng chí Chủ tịch HĐND thị xã chủ trì kỳ họp.')).toBeNull();
    expect(
      unmet('Ai chịu trách nhiệm thu gom rác?', 'Giao Phòng Tài nguyên và Môi trường chịu trách nhiệm thu gom rác.'),
    ).toBeNull();
  });

  it('answers a two-part question given either part', () => {
    expect(
      unmet(
        'Trạm xử lý nước thải công suất bao nhiêu, bao giờ xong?',
        'Trạm xử lý nước thải phải hoàn thành trong quý II/2024.',
      ),
    ).toBeNull();
  });

  it('asks nothing particular of a question that wants no figure', () => {
    expect(
      unmet('Kỳ họp kết luận gì về môi trường?', 'Kỳ họp yêu cầu xử lý dứt điểm các điểm tập kết rác tự phát.'),
    ).toBeNull();
  });

  it('reads English questions too', () => {
    expect(unmet('What was the total investment of the Phuong Lieu primary school project?', projects)).toMatch(
      /money/,
    );
    expect(unmet('How many resolutions were passed?', 'Kỳ họp đã thông qua hai nghị quyết chuyên đề.')).toBeNull();
  });
});

describe('whether cited sentences speak of the year asked about', () => {
  const results = 'I. KẾT QUẢ NĂM 2023 Tổng thu ngân sách trên địa bàn đạt 2.140 tỷ đồng, bằng 103% dự toán.';
  const targets = 'Chỉ tiêu chủ yếu năm 2024 như sau: a) Giữ tỷ lệ hộ nghèo dưới 1%.';

  it('refuses a year that neither the sentence, the text before it nor its session speaks of', () => {
    expect(
      unmet('nam 2024 que vo thu ngan sach dc bn', results, [
        'Tổng thu ngân sách trên địa bàn đạt 2.140 tỷ đồng, bằng 103% dự toán.',
      ]),
    ).toMatch(/2024/);
  });

  it("accepts a year the report's title names, but not the next year for a year-end session's results", () => {
    const target = 'c) Kéo giảm ít nhất 7% số vụ phạm tội về trật tự xã hội.';
    const resolution = { ...REPORT, title: 'Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2024' };
    const claims: Claim[] = [{ sentence: target, passage: { ...passage(target), report: resolution } }];
    const plan = understandQuestion('Năm 2024 phải kéo giảm số vụ phạm tội ít nhất bao nhiêu phần trăm?', {
      knownPlaces: PLACES,
    });
    const focus: Focus = { weights: new Map(plan.topicWords.map((word) => [word, 1])), places: [] };
    expect(unmetAsk(askedBy(plan), claims, () => [target], focus)).toBeNull();
    // The session of December 2023 reports 2023: its figures do not answer for 2024.
    expect(
      unmet(
        'nam 2024 que vo thu ngan sach dc bn',
        'Tổng thu ngân sách trên địa bàn đạt 2.140 tỷ đồng, bằng 103% dự toán.',
      ),
    ).toMatch(/2024/);
  });

  it('accepts the year of the session, of a lead-in before the sentence, or in the sentence', () => {
    expect(
      unmet('Năm 2023 Quế Võ thu ngân sách bao nhiêu?', results, [
        'Tổng thu ngân sách trên địa bàn đạt 2.140 tỷ đồng, bằng 103% dự toán.',
      ]),
    ).toBeNull();
    expect(unmet('ty le ho ngheo nam 2024 phan dau bn', targets, ['a) Giữ tỷ lệ hộ nghèo dưới 1%.'])).toBeNull();
    expect(
      unmet('Năm 2025 thị xã phấn đấu tỷ lệ hộ nghèo bao nhiêu?', 'Đến năm 2025 giữ tỷ lệ hộ nghèo dưới 0,8%.'),
    ).toBeNull();
  });
});

describe('whether the reports retrieved mention the documents and names asked about', () => {
  const resolutions =
    'Ban Thường vụ ban hành Nghị quyết số 18-NQ/TU về trật tự xây dựng; tiếp tục thực hiện Nghị quyết 18, 19 và Kế hoạch số 94.';

  it('refuses a document number no report retrieved mentions', () => {
    expect(unmet('Nghị quyết 25 của Thị ủy nói về gì?', resolutions)).toMatch(/nghi quyet 25/);
    expect(unmet('ke hoach so 120 ve van de gi', resolutions)).toMatch(/ke hoach 120/);
  });

  it('finds a document in a list, by its abbreviated form, or spelled out', () => {
    expect(unmet('Nghị quyết 19 nói về gì?', resolutions)).toBeNull();
    expect(unmet('NQ 18 noi ve gi', resolutions)).toBeNull();
    expect(unmet('kh 94 noi ve gi', resolutions)).toBeNull();
  });

  it('refuses a proper name no report retrieved mentions', () => {
    const temple = 'Phối hợp tu bổ khu di tích Đền Bà Chúa Kho, gắn với phát triển du lịch.';
    expect(unmet('Khu di tích Chùa Phật Tích được tu bổ thế nào?', temple)).toMatch(/phat tich/);
    expect(unmet('Khu di tích Đền Bà Chúa Kho được tu bổ thế nào?', temple)).toBeNull();
  });
});

describe('whether cited sentences speak of the ward asked about', () => {
  const wardReport = (body: string) => ({ ...REPORT, id: `r-${body}`, body, title: `Kỳ họp thứ 8 ${body}` });
  // What the questions below are about, once the ward they name is taken out as a place (as the app does).
  const weights = new Map([['thu ngan sach', 1]]);
  function unmetForWard(question: string, sentence: string, body: string): string | null {
    const asked = askedBy(understandQuestion(question, { knownPlaces: PLACES }));
    const claims: Claim[] = [{ sentence, passage: { ...passage(sentence), report: wardReport(body) } }];
    // The report mentions the ward asked about somewhere, as a neighbour's report often does.
    const source = `${body}\n${sentence}\nPhối hợp với xã Việt Hùng nạo vét kênh tiêu.`;
    return unmetAsk(asked, claims, () => [source], { weights, places: PLACES.map((p) => foldText(p)) });
  }
  const revenue = 'Tổng thu ngân sách trên địa bàn năm 2023 đạt 21,4 tỷ đồng, bằng 104% dự toán.';

  it("refuses a figure from another ward's report that does not name the ward asked about", () => {
    expect(unmetForWard('Năm 2023 xã Việt Hùng thu ngân sách được bao nhiêu?', revenue, 'HĐND xã Bồng Lai')).toMatch(
      /figure/,
    );
    expect(unmetForWard('nam 2023 xa viet hung thu ngan sach dc bn', revenue, 'HĐND xã Bồng Lai')).toMatch(/figure/);
  });

  it("accepts the ward's own report, or a sentence that names the ward", () => {
    expect(
      unmetForWard('Năm 2023 xã Việt Hùng thu ngân sách được bao nhiêu?', revenue, 'HĐND xã Việt Hùng'),
    ).toBeNull();
    const named = 'Xã Việt Hùng thu ngân sách năm 2023 đạt 18 tỷ đồng.';
    expect(unmetForWard('Năm 2023 xã Việt Hùng thu ngân sách được bao nhiêu?', named, 'HĐND thị xã Quế Võ')).toBeNull();
  });

  it('refuses a figure in a sentence that names the ward but not what was asked about it', () => {
    const waste = 'Điểm tập kết rác tại xã Việt Hùng tiếp nhận khoảng 30 tấn/ngày, đang quá tải.';
    expect(unmetForWard('Năm 2023 xã Việt Hùng thu ngân sách được bao nhiêu?', waste, 'HĐND thị xã Quế Võ')).toMatch(
      /figure/,
    );
  });
});

describe('the sentences a draft cites', () => {
  it('pairs each cited sentence with the passage its marker points at, skipping lead lines', () => {
    const passages = [passage('Câu một có 12 hộ.', 0), passage('Câu hai có 3 dự án.', 1)];
    const draft =
      'Theo báo cáo kỳ họp thứ 14 của HĐND thị xã Quế Võ:\nCâu một có 12 hộ. [1]\nCâu hai có 3 dự án. [1][2]\nCâu ba. [7]';
    const claims = claimsOf(draft, passages);
    expect(claims.map((c) => [c.sentence, c.passage.ordinal])).toEqual([
      ['Câu một có 12 hộ.', 0],
      ['Câu hai có 3 dự án.', 0],
      ['Câu hai có 3 dự án.', 1],
    ]);
  });
});
