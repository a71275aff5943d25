import { describe, expect, it } from 'vitest';
import { GLOSSARY, translateToVietnamese } from '../src/question/glossary.ts';
import { normalizeText } from '../src/text/index.ts';

describe('GLOSSARY', () => {
  it('holds its 3,087 distinct English phrases, each with Vietnamese in stored form', () => {
    const phrases = new Set(GLOSSARY.map((e) => e.english.toLowerCase()));
    expect(phrases.size).toBe(3087);
    for (const entry of GLOSSARY) {
      expect(entry.vietnamese.length).toBeGreaterThan(0);
      for (const term of entry.vietnamese) expect(term).toBe(normalizeText(term));
    }
  });

  it.each([
    ['agriculture', 'nông nghiệp'],
    ['budget', 'ngân sách'],
    ['budget revenue', 'thu ngân sách'],
    ['complaints and denunciations', 'khiếu nại tố cáo'],
    ['citizen reception', 'tiếp công dân'],
    ['construction order', 'trật tự xây dựng'],
    ['land', 'đất đai'],
    ['site clearance', 'giải phóng mặt bằng'],
    ['handicraft', 'tiểu thủ công nghiệp'],
    ['education', 'giáo dục'],
    ['enrolment', 'tuyển sinh'],
    ['vaccination', 'tiêm chủng'],
    ['wastewater', 'nước thải'],
    ['public order', 'trật tự an toàn xã hội'],
    ['traffic safety', 'an toàn giao thông'],
    ['administrative reform', 'cải cách hành chính'],
    ['digital signature', 'chữ ký số'],
    ['irrigation', 'thủy lợi'],
    ['spring crop', 'vụ Xuân'],
    ['standing committee', 'ban thường vụ'],
    ["people's council", 'hội đồng nhân dân'],
    ["people's committee", 'ủy ban nhân dân'],
    ['regular', 'thường kỳ'],
    ['thematic', 'chuyên đề'],
    ['extraordinary', 'bất thường'],
    ['new rural areas', 'nông thôn mới'],
    ['craft villages', 'làng nghề'],
    ['industrial clusters', 'cụm công nghiệp'],
    ['social security', 'an sinh xã hội'],
    ['first nine months', '9 tháng đầu năm'],
    ['September', 'tháng 9'],
    ['percent of plan', '% kế hoạch'],
    ['hospital beds', 'giường bệnh'],
    ['deaths', 'tử vong'],
    ['died', 'tử vong'],
    ['tenders', 'đấu thầu'],
    ['bidding', 'đấu thầu'],
    ['won the tender', 'trúng thầu'],
    ['auctions', 'đấu giá'],
    ['ring road', 'đường vành đai'],
    ['contractors', 'nhà thầu'],
    ['medical centre', 'trung tâm y tế'],
    ['groundbreaking', 'khởi công'],
    ['checkpoints', 'chốt kiểm soát'],
    ['land recovery', 'thu hồi đất'],
    ['disputed', 'tranh chấp'],
    ['protracted', 'kéo dài'],
    ['first seven months', '7 tháng đầu năm'],
    ['third doses', 'mũi 3'],
    ['fully vaccinated', 'tiêm đủ'],
    ['outbreak spots', 'ổ dịch'],
    ['electoral units', 'đơn vị bầu cử'],
    ['turnout', 'cử tri đi bầu'],
    ['new party members', 'kết nạp đảng viên'],
    ['inspection committee', 'ủy ban kiểm tra'],
    ['classrooms', 'phòng học'],
    ['benchmark score', 'điểm chuẩn'],
    ['boarding houses', 'nhà trọ'],
    ['minimum wage', 'lương tối thiểu'],
    ['loan sharks', 'tín dụng đen'],
    ['gambling', 'đánh bạc'],
    ['collection points', 'điểm tập kết'],
    ['one-stop desk', 'bộ phận một cửa'],
    ['hotline', 'đường dây nóng'],
    ['pavements', 'vỉa hè'],
    ['demolished', 'tháo dỡ'],
    ['social housing', 'nhà ở xã hội'],
    ['people with disabilities', 'người khuyết tật'],
    ['cultural families', 'gia đình văn hóa'],
  ])('%s → %s', (english, vietnamese) => {
    expect(translateToVietnamese(english).vietnamese).toContain(vietnamese);
  });
});

describe('translateToVietnamese', () => {
  it('matches the longest phrase first', () => {
    const result = translateToVietnamese('public investment disbursement');
    expect(result.vietnamese).toBe('giải ngân vốn đầu tư công');
    expect(result.matched).toEqual(['public investment disbursement']);
    expect(translateToVietnamese('budget revenue').vietnamese).toBe('thu ngân sách');
    expect(translateToVietnamese('the first nine months').vietnamese).toBe('9 tháng đầu năm');
    expect(translateToVietnamese('town party committee').vietnamese).toBe('thị ủy');
  });

  it('reads plurals and inflections, in any case', () => {
    expect(translateToVietnamese('complaints').vietnamese).toContain('khiếu nại tố cáo');
    expect(translateToVietnamese('What was concluded?').vietnamese).toBe('kết luận');
    expect(translateToVietnamese('concluding remarks').matched).toEqual(['concluding']);
    expect(translateToVietnamese('Which proposals were made?').vietnamese).toContain('đề xuất');
    expect(translateToVietnamese('AGRICULTURE').vietnamese).toBe('nông nghiệp');
    expect(translateToVietnamese('taxes and policies').vietnamese).toBe('thuế');
  });

  it('keeps question order and reports unmatched content words', () => {
    const result = translateToVietnamese('What did the September session conclude about agriculture in Tu Son?');
    expect(result.vietnamese).toBe('tháng 9 phiên họp kỳ họp kết luận nông nghiệp');
    expect(result.matched).toEqual(['September', 'session', 'conclude', 'agriculture']);
    expect(result.unmatched).toEqual(['Tu', 'Son']);
  });

  it('drops stop words and keeps numbers and Vietnamese names as unmatched', () => {
    const result = translateToVietnamese('How much did the budget revenue of HĐND Từ Sơn reach in 2021?');
    expect(result.vietnamese).toBe('thu ngân sách');
    expect(result.unmatched).toEqual(['HĐND', 'Từ', 'Sơn', 'reach', '2021']);
  });

  it('gives every phrase its own Vietnamese: no two rows meet on one stemmed phrase', () => {
    // A phrase whose stems equal another row's ("planning" and "plan", "rating" and "rate") would
    // silently take that row's Vietnamese.
    const clashes = GLOSSARY.filter(
      (entry) => translateToVietnamese(entry.english).vietnamese !== entry.vietnamese.join(' '),
    );
    expect(clashes.map((entry) => entry.english)).toEqual([]);
  });

  it('keeps "plan" apart from planning and "rate" apart from grading', () => {
    expect(translateToVietnamese('the public investment plan').vietnamese).toBe('đầu tư công kế hoạch');
    expect(translateToVietnamese('the master plan').vietnamese).toBe('quy hoạch');
    expect(translateToVietnamese('vaccination rate').vietnamese).toBe('tiêm chủng tiêm vắc xin tỷ lệ');
    expect(translateToVietnamese('grading of party organisations').vietnamese).toBe(
      'xếp loại tổ chức đảng tổ chức cơ sở đảng',
    );
    expect(translateToVietnamese('ninth-grade pupils').vietnamese).toBe('lớp 9 học sinh');
  });

  it('translates the specifics a question asks after, so a report that lacks them can be told apart', () => {
    const beds = translateToVietnamese('How many hospital beds are there at the district medical centre?');
    expect(beds.vietnamese).toBe('giường bệnh huyện trung tâm y tế');
    expect(beds.unmatched).toEqual([]);
    const road = translateToVietnamese('When does construction of the ring road start?');
    for (const term of ['xây dựng', 'đường vành đai', 'khởi công']) expect(road.vietnamese).toContain(term);
    const tender = translateToVietnamese('Which company won the tender to collect household waste?');
    expect(tender.vietnamese).toBe('công ty doanh nghiệp trúng thầu thu gom rác thải sinh hoạt');
    expect(translateToVietnamese('How many people died of dengue fever?').vietnamese).toContain('tử vong');
    expect(translateToVietnamese('the winning price per square metre at the land auction').vietnamese).toBe(
      'trúng đấu giá m2 đấu giá quyền sử dụng đất',
    );
  });

  it('reads "May" as the month only when capitalised inside a sentence', () => {
    expect(translateToVietnamese('the session in May').vietnamese).toContain('tháng 5');
    expect(translateToVietnamese('May I ask about waste?').vietnamese).toBe('rác thải');
  });

  it('translates a citizen question into the words reports use', () => {
    const result = translateToVietnamese('Which proposals were made about craft-village wastewater pollution?');
    for (const term of ['đề xuất', 'làng nghề', 'nước thải', 'ô nhiễm']) expect(result.vietnamese).toContain(term);
    expect(translateToVietnamese('high-tech agriculture and VietGAP').vietnamese).toBe(
      'nông nghiệp ứng dụng công nghệ cao VietGAP',
    );
  });
});
