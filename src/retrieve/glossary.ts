// English questions against Vietnamese reports: a glossary of local council vocabulary turns an
// English question into the Vietnamese words the reports use, for lexical matching and embedding.
import { normalizeText } from '../text/index.ts';

// Each row: English phrases (separated by "|") → the Vietnamese terms reports use for them
// (separated by " / "; all are searched, since a report may use either). Phrases are written in
// their base form; plurals and -ed / -ing forms match through `stem`.
const ROWS: ReadonlyArray<readonly [string, string]> = [
  // Bodies, offices and people
  ["people's council|peoples council|council|town council|city council|ward council", 'hội đồng nhân dân / HĐND'],
  ["people's committee|peoples committee|town government|city government|ward government", 'ủy ban nhân dân / UBND'],
  ['party committee', 'đảng ủy / thị ủy / thành ủy / huyện ủy'],
  ['town party committee', 'thị ủy'],
  ['city party committee', 'thành ủy'],
  ['district party committee', 'huyện ủy'],
  ['provincial party committee', 'tỉnh ủy'],
  ['standing committee|standing board', 'ban thường vụ / BTV'],
  ['executive committee|executive board', 'ban chấp hành'],
  ['standing office|standing body', 'thường trực'],
  ['party', 'đảng'],
  ['party member|party members', 'đảng viên'],
  ['party cell', 'chi bộ'],
  ['party building', 'xây dựng đảng'],
  ['authorities|government|administration', 'chính quyền'],
  ['chairman|chairwoman|chairperson|president', 'chủ tịch'],
  ['vice chairman|vice chairwoman|vice chairperson|deputy chairman', 'phó chủ tịch'],
  ['chair|preside|presided over', 'chủ trì'],
  ['secretary', 'bí thư'],
  ['deputy secretary', 'phó bí thư'],
  ['delegate|deputy|representative', 'đại biểu'],
  ['voter', 'cử tri'],
  ['leader|leadership', 'lãnh đạo'],
  ['official|civil servant|cadre', 'cán bộ / công chức'],
  ['department|office|agency', 'phòng / ban / ngành'],
  ['fatherland front', 'mặt trận tổ quốc'],
  ["women's union|women union", 'hội liên hiệp phụ nữ'],
  ['youth union', 'đoàn thanh niên'],
  ["farmers' association|farmer association", 'hội nông dân'],
  ['veteran', 'cựu chiến binh'],
  ['police', 'công an'],
  // Places
  ['town', 'thị xã'],
  ['city', 'thành phố'],
  ['ward', 'phường'],
  ['district', 'huyện'],
  ['commune', 'xã'],
  ['province|provincial', 'tỉnh'],
  ['village|hamlet', 'thôn / làng'],
  ['residential group|neighbourhood|neighborhood', 'tổ dân phố / khu phố'],
  ['residential area', 'khu dân cư'],
  // Sessions and documents
  ['session|sitting', 'phiên họp / kỳ họp'],
  ['meeting', 'phiên họp / cuộc họp'],
  ['conference', 'hội nghị'],
  ['regular|ordinary|periodic|routine', 'thường kỳ'],
  ['thematic|special topic|specialised|specialized', 'chuyên đề'],
  ['extraordinary|unscheduled|emergency', 'bất thường'],
  ['term', 'nhiệm kỳ / khóa'],
  ['notice|announcement', 'thông báo'],
  ['conclusion notice', 'thông báo kết luận'],
  ['minute', 'biên bản'],
  ['report', 'báo cáo'],
  ['submission|proposal document', 'tờ trình'],
  ['resolution', 'nghị quyết'],
  ['decision', 'quyết định'],
  ['directive', 'chỉ thị'],
  ['plan', 'kế hoạch'],
  ['program|programme', 'chương trình'],
  ['project', 'dự án'],
  ['scheme', 'đề án'],
  // What a session does
  ['conclude|conclusion', 'kết luận'],
  ['direct|instruct|direction|instruction|give direction', 'chỉ đạo'],
  ['request|require|requirement|demand', 'yêu cầu'],
  ['propose|proposal|suggest|suggestion', 'đề xuất / đề nghị'],
  ['recommend|recommendation|petition', 'kiến nghị'],
  ["voters' petition|voter petition", 'kiến nghị cử tri'],
  ['opinion|comment|feedback|view', 'ý kiến'],
  ['discuss|discussion|debate', 'thảo luận'],
  ['interpellation|questioning|question and answer', 'chất vấn'],
  ['assess|assessment|evaluate|evaluation|review', 'đánh giá'],
  ['result|outcome|achievement|performance', 'kết quả'],
  ['situation|status', 'tình hình'],
  ['decide', 'quyết định'],
  ['adopt|approve|approval|pass', 'thông qua'],
  ['vote', 'biểu quyết'],
  ['target|goal|indicator', 'chỉ tiêu / mục tiêu'],
  ['task|duty|mission', 'nhiệm vụ'],
  ['solution|measure', 'giải pháp / biện pháp'],
  ['implement|implementation|carry out', 'thực hiện / triển khai'],
  ['deadline|time limit', 'thời hạn'],
  ['complete|completion|finish', 'hoàn thành'],
  ['assign|assignment', 'giao'],
  ['urge', 'đôn đốc'],
  ['handle|resolve|settle|settlement', 'giải quyết'],
  ['strengthen|enhance', 'tăng cường'],
  ['prepare|preparation', 'chuẩn bị'],
  ['organise|organize|hold', 'tổ chức'],
  ['support|assistance', 'hỗ trợ'],
  ['inspect|inspection|check', 'kiểm tra / thanh tra'],
  ['supervise|supervision|oversight|monitoring', 'giám sát'],
  ['progress', 'tiến độ'],
  ['difficulty|obstacle|problem|shortcoming|limitation', 'khó khăn / vướng mắc / hạn chế'],
  ['cause|reason', 'nguyên nhân'],
  ['responsibility|responsible', 'trách nhiệm'],
  ['election', 'bầu cử'],
  ['personnel|staffing', 'cán bộ / nhân sự'],
  ['anniversary', 'kỷ niệm'],
  ['ceremony', 'lễ'],
  ['establish|establishment|founding', 'thành lập'],
  ['merger|merge', 'sáp nhập'],
  ['emulation', 'thi đua'],
  ['commendation|reward|award', 'khen thưởng'],
  ['discipline', 'kỷ luật / kỷ cương'],
  ['grading|classification|rating', 'xếp loại'],
  ['propaganda|communication|awareness raising', 'tuyên truyền'],
  ['mass mobilisation|mass mobilization', 'dân vận'],
  ['corruption', 'tham nhũng'],
  ['wastefulness|waste of resources', 'lãng phí'],
  // Time
  ['january', 'tháng 1'],
  ['february', 'tháng 2'],
  ['march', 'tháng 3'],
  ['april', 'tháng 4'],
  ['june', 'tháng 6'],
  ['july', 'tháng 7'],
  ['august', 'tháng 8'],
  ['september|sept', 'tháng 9'],
  ['october', 'tháng 10'],
  ['november', 'tháng 11'],
  ['december', 'tháng 12'],
  ['month', 'tháng'],
  ['year', 'năm'],
  ['quarter', 'quý'],
  ['first quarter|1st quarter|quarter 1|q1', 'quý I / quý 1'],
  ['second quarter|2nd quarter|quarter 2|q2', 'quý II / quý 2'],
  ['third quarter|3rd quarter|quarter 3|q3', 'quý III / quý 3'],
  ['fourth quarter|4th quarter|quarter 4|q4', 'quý IV / quý 4'],
  ['first three months|first 3 months', '3 tháng đầu năm'],
  ['first six months|first 6 months|first half', '6 tháng đầu năm'],
  ['first nine months|first 9 months', '9 tháng đầu năm'],
  ['first eleven months|first 11 months', '11 tháng đầu năm'],
  ['last six months|last 6 months|second half', '6 tháng cuối năm'],
  ['end of the year|end of year|year end', 'cuối năm'],
  ['beginning of the year|start of the year|beginning of year|start of year', 'đầu năm'],
  ['same period|same period last year|year on year', 'cùng kỳ'],
  ['percent of plan|percent of the plan|per cent of plan|of the annual plan', '% kế hoạch'],
  ['estimate|estimated', 'ước đạt / ước'],
  ['annual', 'hằng năm / năm'],
  ['medium term', 'trung hạn'],
  // Economy, budget and investment
  ['economy|economic', 'kinh tế'],
  ['socio economic|socioeconomic|socio economic development', 'kinh tế - xã hội'],
  ['development|develop', 'phát triển'],
  ['growth|increase|rise', 'tăng / tăng trưởng'],
  ['decrease|decline|reduction|reduce', 'giảm'],
  ['compared with|compared to|compare', 'so với'],
  ['total', 'tổng'],
  ['billion', 'tỷ đồng'],
  ['million', 'triệu đồng'],
  ['budget', 'ngân sách'],
  ['state budget', 'ngân sách nhà nước'],
  ['budget revenue|revenue|revenue collection|budget collection', 'thu ngân sách'],
  ['budget expenditure|budget spending|expenditure|spending', 'chi ngân sách'],
  ['budget estimate', 'dự toán ngân sách'],
  ['revenue and expenditure|income and expenditure', 'thu chi ngân sách'],
  ['tax', 'thuế'],
  ['land use fee|land levy', 'tiền sử dụng đất'],
  ['auction|land auction', 'đấu giá quyền sử dụng đất'],
  ['debt', 'nợ'],
  ['investment|invest', 'đầu tư'],
  ['public investment', 'đầu tư công'],
  ['disbursement|disburse', 'giải ngân'],
  ['public investment disbursement|disbursement of public investment', 'giải ngân vốn đầu tư công'],
  ['capital|fund|funding', 'vốn / kinh phí'],
  ['attract investment|investment attraction', 'thu hút đầu tư'],
  ['foreign direct investment|foreign investment|fdi', 'đầu tư trực tiếp nước ngoài / FDI'],
  ['enterprise|business|company|firm', 'doanh nghiệp'],
  ['investor|project owner', 'chủ đầu tư / nhà đầu tư'],
  ['contractor', 'nhà thầu'],
  ['cooperative', 'hợp tác xã'],
  ['production value|output value', 'giá trị sản xuất'],
  ['production', 'sản xuất'],
  ['industry|industrial', 'công nghiệp'],
  ['industrial production', 'sản xuất công nghiệp'],
  ['handicraft|small industry|small scale industry|cottage industry', 'tiểu thủ công nghiệp'],
  ['industry and handicraft|industry and handicrafts', 'công nghiệp - tiểu thủ công nghiệp / CN-TTCN'],
  ['industrial cluster', 'cụm công nghiệp'],
  ['industrial park|industrial zone', 'khu công nghiệp'],
  ['craft village|trade village|handicraft village', 'làng nghề'],
  ['trade|commerce', 'thương mại'],
  ['service', 'dịch vụ'],
  ['market', 'thị trường / chợ'],
  ['export', 'xuất khẩu'],
  ['tourism|tourist', 'du lịch'],
  // Agriculture
  ['agriculture|agricultural|farming', 'nông nghiệp'],
  ['agricultural production', 'sản xuất nông nghiệp'],
  ['high tech agriculture|high technology agriculture|hi tech agriculture', 'nông nghiệp ứng dụng công nghệ cao'],
  ['urban agriculture', 'nông nghiệp đô thị'],
  ['farmland|agricultural land', 'đất nông nghiệp'],
  ['abandoned farmland|abandoned land|fallow', 'bỏ hoang'],
  ['land consolidation|land accumulation', 'tích tụ ruộng đất'],
  ['irrigation', 'thủy lợi'],
  ['field road|intra field road', 'giao thông nội đồng'],
  ['spring crop', 'vụ Xuân'],
  ['summer crop|autumn crop|main crop|summer autumn crop', 'vụ Mùa'],
  ['winter crop', 'vụ Đông'],
  ['crop', 'cây trồng / vụ'],
  ['harvest', 'thu hoạch'],
  ['yield', 'năng suất'],
  ['rice', 'lúa'],
  ['vegetable', 'rau màu'],
  ['livestock|animal husbandry|husbandry', 'chăn nuôi'],
  ['african swine fever|swine fever', 'dịch tả lợn châu Phi'],
  ['aquaculture|fishery|fish farming', 'thủy sản'],
  ['vietgap', 'VietGAP'],
  ['new rural area|new rural|new countryside', 'nông thôn mới'],
  ['model new rural area', 'nông thôn mới kiểu mẫu'],
  // Land, construction and urban affairs
  ['land', 'đất đai'],
  ['land management', 'quản lý đất đai'],
  ['site clearance|land clearance|ground clearance', 'giải phóng mặt bằng / GPMB'],
  ['compensation', 'bồi thường'],
  ['resettlement', 'tái định cư'],
  ['construction order', 'trật tự xây dựng'],
  ['construction violation|building violation|illegal construction', 'vi phạm trật tự xây dựng'],
  ['construction', 'xây dựng'],
  ['violation|breach', 'vi phạm'],
  ['encroachment|encroach', 'lấn chiếm'],
  ['land use right|land use rights', 'quyền sử dụng đất'],
  ['land use right certificate|land certificate|red book', 'giấy chứng nhận quyền sử dụng đất'],
  ['planning|master plan|zoning|urban planning', 'quy hoạch'],
  ['urban|urban area', 'đô thị'],
  ['civilised urban area|civilized urban area|urban civilised|urban civilized|civilised city|civilized city', 'đô thị văn minh'],
  ['infrastructure', 'hạ tầng / kết cấu hạ tầng'],
  ['road|street', 'đường / tuyến đường'],
  ['traffic|transport|transportation', 'giao thông'],
  ['bridge', 'cầu'],
  ['housing|house', 'nhà ở'],
  ['water supply|clean water', 'nước sạch / cấp nước'],
  ['drainage', 'thoát nước'],
  ['electricity|power supply', 'điện'],
  ['power cut|power outage', 'cắt điện / mất điện'],
  ['lighting|street lighting', 'chiếu sáng'],
  ['park|green space|tree', 'cây xanh / công viên'],
  // Environment and disasters
  ['environment|environmental', 'môi trường'],
  ['environmental sanitation', 'vệ sinh môi trường'],
  ['waste|garbage|rubbish|trash|solid waste', 'rác thải'],
  ['household waste|domestic waste', 'rác thải sinh hoạt'],
  ['waste collection', 'thu gom rác thải'],
  ['waste treatment|waste processing', 'xử lý rác thải'],
  ['landfill|dump', 'bãi rác'],
  ['illegal dumping', 'đổ trộm / đổ thải trái phép'],
  ['wastewater|waste water|sewage', 'nước thải'],
  ['pollution|polluted|pollute', 'ô nhiễm'],
  ['air pollution', 'ô nhiễm không khí'],
  ['flood|flooding|inundation', 'ngập úng / lũ lụt'],
  ['drought', 'hạn hán'],
  ['storm', 'mưa bão'],
  ['natural disaster|disaster', 'thiên tai'],
  ['disaster prevention', 'phòng chống thiên tai'],
  ['fire prevention|fire fighting|firefighting', 'phòng cháy chữa cháy / PCCC'],
  // Health
  ['health|healthcare|health care|medical', 'y tế'],
  ['covid|covid 19|coronavirus', 'covid-19 / dịch bệnh'],
  ['pandemic|epidemic|outbreak', 'dịch bệnh / phòng chống dịch'],
  ['vaccination|vaccinate|immunisation|immunization|jab', 'tiêm chủng / tiêm vắc xin'],
  ['vaccine', 'vắc xin'],
  ['booster|booster dose|booster shot', 'mũi nhắc lại / mũi bổ sung'],
  ['dose', 'mũi tiêm'],
  ['omicron', 'Omicron'],
  ['dengue|dengue fever', 'sốt xuất huyết'],
  ['hospital', 'bệnh viện'],
  ['clinic|health station|medical station', 'trạm y tế'],
  ['mobile clinic', 'trạm y tế lưu động'],
  ['health insurance', 'bảo hiểm y tế / BHYT'],
  ['social insurance', 'bảo hiểm xã hội / BHXH'],
  ['food safety|food hygiene', 'an toàn thực phẩm / vệ sinh an toàn thực phẩm'],
  ['population', 'dân số'],
  // Education
  ['education', 'giáo dục'],
  ['education and training', 'giáo dục và đào tạo'],
  ['school', 'trường học'],
  ['kindergarten|preschool|nursery school', 'mầm non'],
  ['primary school', 'tiểu học'],
  ['secondary school|lower secondary school|middle school', 'trung học cơ sở / THCS'],
  ['high school|upper secondary school', 'trung học phổ thông / THPT'],
  ['enrolment|enrollment|admission|school admission', 'tuyển sinh'],
  ['entrance exam|entrance examination', 'thi tuyển sinh'],
  ['grade 10|tenth grade|grade ten', 'lớp 10'],
  ['exam|examination', 'kỳ thi'],
  ['student|pupil', 'học sinh'],
  ['teacher', 'giáo viên'],
  ['national standard school|national standard', 'trường chuẩn quốc gia / chuẩn quốc gia'],
  ['vocational training', 'đào tạo nghề'],
  // Society and culture
  ['social|society', 'xã hội'],
  ['social security|social welfare|welfare', 'an sinh xã hội'],
  ['poverty|poor household|poor', 'hộ nghèo / giảm nghèo'],
  ['near poor|near poor household', 'hộ cận nghèo'],
  ['people with meritorious service|meritorious people|war invalid|policy beneficiary', 'người có công / gia đình chính sách'],
  ['employment|job', 'việc làm'],
  ['unemployment', 'thất nghiệp'],
  ['labour|labor|worker', 'lao động'],
  ['elderly|senior citizen', 'người cao tuổi'],
  ['child|children', 'trẻ em'],
  ['culture|cultural', 'văn hóa'],
  ['sport|sports', 'thể thao'],
  ['festival', 'lễ hội'],
  ['relic|heritage|historical site', 'di tích'],
  ['temple', 'đền / chùa'],
  ['tet|lunar new year', 'Tết'],
  ['gift', 'quà'],
  ['family', 'gia đình'],
  ['citizen|resident|people', 'người dân / nhân dân / công dân'],
  // Security, order and administration
  ['security', 'an ninh'],
  ['political security', 'an ninh chính trị'],
  ['public order|social order|social order and safety', 'trật tự an toàn xã hội'],
  ['security and order', 'an ninh trật tự'],
  ['traffic safety|road safety', 'an toàn giao thông'],
  ['traffic accident', 'tai nạn giao thông'],
  ['crime', 'tội phạm'],
  ['drug|drugs|narcotics', 'ma túy'],
  ['defence|defense|national defence|national defense', 'quốc phòng'],
  ['military|military service|military recruitment|conscription', 'quân sự / tuyển quân'],
  ['militia', 'dân quân'],
  ['complaint|denunciation|complaints and denunciations|grievance', 'khiếu nại tố cáo / KNTC'],
  ['citizen reception|receiving citizens|reception of citizens', 'tiếp công dân'],
  ['petition letter|letters and petitions', 'đơn thư'],
  ['administrative reform|public administration reform', 'cải cách hành chính / CCHC'],
  ['administrative procedure', 'thủ tục hành chính / TTHC'],
  ['one stop shop|one stop', 'một cửa'],
  ['online public service|public service online', 'dịch vụ công trực tuyến'],
  ['digital signature', 'chữ ký số'],
  ['digital transformation|digitalisation|digitalization', 'chuyển đổi số'],
  ['e government|electronic government', 'chính quyền điện tử'],
  ['information technology', 'công nghệ thông tin / CNTT'],
  ['par index', 'PAR INDEX'],
  ['papi', 'PAPI'],
  ['pci|competitiveness index', 'PCI'],
  ['satisfaction', 'sự hài lòng'],
];

// Function words and question frames: never content.
const STOP_WORDS = new Set(
  `a an the of in on at to for about from by with into over under during after before between as
  and or but nor so if then than that this these those there here it its it's they them their
  what which who whom whose when where why how much many does do did done doing is are was were be
  been being has have had having will would can could should may might must shall i me my we our
  us you your he she his her please tell know give show list say said any some all each every
  also just only very more most other such not no yes up down out off again further once
  there's what's happened happen happening regarding concerning according whether latest recent
  recently new anything something thing things kind sort way lot ask asked
  want like would know tell`.split(/\s+/),
);

/** One row of the glossary: an English phrase and the Vietnamese terms it stands for. */
export interface GlossaryEntry {
  english: string;
  vietnamese: readonly string[];
}

/** Every English phrase of the glossary, in its base form, with its Vietnamese terms. */
export const GLOSSARY: readonly GlossaryEntry[] = ROWS.flatMap(([english, vietnamese]) => {
  const terms = vietnamese.split(' / ').map((term) => normalizeText(term));
  return english.split('|').map((phrase) => ({ english: phrase, vietnamese: terms }));
});

const ENGLISH_WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

/**
 * A light English stemmer: enough that plurals, -ed and -ing forms meet their base form
 * ("complaints", "concluded", "concluding", "proposals"). The glossary and the question both go
 * through it, so only consistency matters, not linguistic accuracy.
 */
function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(w)) {
    // "progress", "status", "analysis": not plurals.
  } else if (/(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** "plann" → "plan", "stopp" → "stop"; "install", "press" keep their pairs. */
function undouble(w: string): string {
  return /([b-df-hj-np-rtv-xz])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

interface Token {
  text: string;
  stem: string;
  start: number;
  end: number;
}

function englishTokens(text: string): Token[] {
  return [...text.matchAll(ENGLISH_WORD)].map((m) => ({ text: m[0], stem: stem(m[0]), start: m.index, end: m.index + m[0].length }));
}

// Stemmed phrase → its Vietnamese terms; the longest phrase length bounds the search at a token.
const BY_STEMS = new Map<string, readonly string[]>();
let longestPhrase = 1;
for (const entry of GLOSSARY) {
  const stems = englishTokens(entry.english).map((t) => t.stem);
  BY_STEMS.set(stems.join(' '), entry.vietnamese);
  longestPhrase = Math.max(longestPhrase, stems.length);
}

const GLOSSARY_WORDS = new Set([...BY_STEMS.keys()].flatMap((phrase) => phrase.split(' ')));

/** True for a word English questions are made of: a function word or a word of the glossary, in any inflection. */
export function isEnglishVocabulary(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase()) || GLOSSARY_WORDS.has(stem(word));
}

/** What an English question says in the reports' Vietnamese. */
export interface Translation {
  /** The Vietnamese terms found, in question order, space-joined. */
  vietnamese: string;
  /** The English phrases that matched, as written in the question. */
  matched: string[];
  /** Content words no phrase matched (names, numbers, words the glossary lacks), as written. */
  unmatched: string[];
}

/**
 * Translates the council vocabulary of an English question into Vietnamese, phrase by phrase,
 * the longest phrase first ("public investment disbursement" before "investment"), in any case
 * and inflection. Function words are dropped.
 */
export function translateToVietnamese(englishQuestion: string): Translation {
  const tokens = englishTokens(englishQuestion);
  const terms: string[] = [];
  const matched: string[] = [];
  const unmatched: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const found = longestMatchAt(tokens, i);
    if (found) {
      const first = tokens[i] as Token;
      const last = tokens[i + found.length - 1] as Token;
      matched.push(englishQuestion.slice(first.start, last.end));
      for (const term of found.vietnamese) if (!terms.includes(term)) terms.push(term);
      i += found.length;
      continue;
    }
    const token = tokens[i] as Token;
    if (!STOP_WORDS.has(token.text.toLowerCase())) unmatched.push(token.text);
    i++;
  }
  return { vietnamese: terms.join(' '), matched, unmatched };
}

function longestMatchAt(tokens: readonly Token[], i: number): { length: number; vietnamese: readonly string[] } | null {
  for (let n = Math.min(longestPhrase, tokens.length - i); n >= 1; n--) {
    const phrase = tokens
      .slice(i, i + n)
      .map((t) => t.stem)
      .join(' ');
    const vietnamese = BY_STEMS.get(phrase);
    if (vietnamese) return { length: n, vietnamese };
  }
  // "May" is the month only when capitalised inside the sentence; "may" is a modal verb.
  const token = tokens[i];
  if (token && token.text === 'May' && i > 0) return { length: 1, vietnamese: ['tháng 5'] };
  return null;
}
