// Everything the bot says that is not an answer, in Vietnamese and English. Texts are plain;
// the formatter escapes them for HTML, so they may contain <, > and & freely.

export type BotLanguage = 'vi' | 'en';

/** The language for a Telegram user: English when their app is set to English, Vietnamese otherwise. */
export function languageOfUser(languageCode: string | undefined): BotLanguage {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export interface BotTexts {
  welcome: string;
  examplesIntro: string;
  help: string;
  about: string;
  askUsage: string;
  tooLong(limit: number, length: number): string;
  rateLimited(seconds: number): string;
  failure: string;
  sources: string;
  sourceButton(n: number): string;
  passageGone: string;
  passageHeading(n: number): string;
  feedbackThanks: string;
  forgotten: string;
  /** What the log keeps about a person, why, and for how long. */
  privacy(days: number): string;
  /** /forget done: how many questions and votes were deleted. */
  forgotYou(questions: number, votes: number): string;
  reportsHeading(page: number, pages: number, total: number): string;
  noReports: string;
  adminOnly: string;
  unsupportedFile(extensions: string): string;
  fileTooBig(megabytes: number, limitMegabytes: number): string;
  ingesting(fileName: string): string;
  ingestAdded(title: string, chunks: number): string;
  ingestUpdated(title: string, chunks: number): string;
  ingestUnchanged(title: string): string;
  /** The upload repeats a stored report (`stored`: its path or source, `percent`: text in common). */
  ingestDuplicate(stored: string, percent: number): string;
  ingestFailed(reason: string): string;
  stats(figures: {
    reports: number;
    chunks: number;
    today: number;
    total: number;
    askers: number;
    up: number;
    down: number;
    todayUp: number;
    todayDown: number;
  }): string;
  commands: Array<{ command: string; description: string }>;
}

const vi: BotTexts = {
  welcome:
    'Xin chào! Tôi trả lời câu hỏi về hoạt động của Thị ủy, HĐND, UBND dựa trên các báo cáo đã lưu, kèm nguồn trích dẫn để bạn tự kiểm tra.\n' +
    'Hãy gửi câu hỏi, có dấu hay không dấu đều được.',
  examplesIntro: 'Thử một câu hỏi:',
  help:
    'Gửi câu hỏi về các phiên họp, ví dụ: "Phiên họp tháng 9 kết luận gì về nông nghiệp?"\n' +
    'Trong nhóm: nhắc tên tôi, trả lời tin nhắn của tôi, hoặc dùng /ask câu hỏi.\n' +
    'Các lệnh: /reports (báo cáo đã lưu), /new (bắt đầu chủ đề mới), /about (về dữ liệu).\n' +
    'Bấm 📄 dưới câu trả lời để xem nguyên văn đoạn trích; 👍 / 👎 để góp ý.',
  about:
    'Dữ liệu là các báo cáo, thông báo kết luận phiên họp của cấp ủy, HĐND và UBND đã được nạp vào hệ thống. ' +
    'Câu trả lời được ghép từ những đoạn văn liên quan nhất trong báo cáo (hoặc do mô hình ngôn ngữ viết lại khi được cấu hình), ' +
    'mỗi ý đều ghi nguồn [n] để đối chiếu. Khi báo cáo không nói đến, tôi sẽ nói rõ là không có.\n' +
    'Lưu ý: các báo cáo mẫu đi kèm phần mềm chỉ mang tính minh họa, không phải văn bản chính thức.',
  askUsage: 'Hãy viết câu hỏi sau lệnh, ví dụ: /ask Phiên họp tháng 9 kết luận gì về nông nghiệp?',
  tooLong: (limit, length) =>
    `Câu hỏi dài ${length} ký tự, vượt giới hạn ${limit} ký tự. Bạn vui lòng hỏi ngắn gọn hơn.`,
  rateLimited: (seconds) => `Bạn hỏi hơi nhanh. Vui lòng đợi khoảng ${seconds} giây rồi hỏi tiếp nhé.`,
  failure: 'Xin lỗi, đã có lỗi khi xử lý yêu cầu. Bạn vui lòng thử lại sau.',
  sources: 'Nguồn',
  sourceButton: (n) => `📄 ${n}`,
  passageGone: 'Đoạn trích này không còn trong dữ liệu (báo cáo đã được cập nhật hoặc gỡ bỏ).',
  passageHeading: (n) => `Nguồn [${n}]`,
  feedbackThanks: 'Cảm ơn bạn đã góp ý!',
  forgotten: 'Đã bắt đầu chủ đề mới.',
  privacy: (days) =>
    'Bot lưu câu hỏi bạn gửi và câu trả lời, cùng một mã ẩn danh thay cho tài khoản Telegram của bạn (không lưu mã Telegram gốc), ' +
    'để cán bộ xem người dân hỏi gì, giới hạn số câu hỏi mỗi phút và tính mỗi người một lượt đánh giá. ' +
    `Dữ liệu được tự động xóa sau ${days} ngày. Gửi /forget để xóa ngay mọi câu hỏi và đánh giá của bạn.`,
  forgotYou: (questions, votes) =>
    `Đã xóa ${questions} câu hỏi và ${votes} lượt đánh giá của bạn. Bot không còn lưu gì về bạn.`,
  reportsHeading: (page, pages, total) => `Báo cáo đã lưu (${total}), mới nhất trước, trang ${page}/${pages}:`,
  noReports: 'Chưa có báo cáo nào trong dữ liệu.',
  adminOnly: 'Chỉ cán bộ quản trị mới dùng được chức năng này.',
  unsupportedFile: (extensions) => `Không đọc được loại tệp này. Các loại tệp được hỗ trợ: ${extensions}.`,
  fileTooBig: (megabytes, limit) => `Tệp ${megabytes} MB, vượt giới hạn ${limit} MB.`,
  ingesting: (fileName) => `Đang nạp ${fileName}…`,
  ingestAdded: (title, chunks) => `Đã thêm báo cáo "${title}" (${chunks} đoạn). Có thể hỏi về nó ngay.`,
  ingestUpdated: (title, chunks) => `Đã cập nhật báo cáo "${title}" (${chunks} đoạn).`,
  ingestUnchanged: (title) => `Báo cáo "${title}" đã có và không thay đổi.`,
  ingestDuplicate: (stored, percent) =>
    `Không thêm: nội dung tệp này đã có (${percent === 100 ? 'trùng hoàn toàn' : `trùng ${percent}%`}) trong báo cáo đã lưu từ ${stored}.`,
  ingestFailed: (reason) => `Không nạp được tệp: ${reason}. Dữ liệu đã lưu không bị ảnh hưởng.`,
  stats: (f) =>
    [
      `Báo cáo: ${f.reports}, đoạn: ${f.chunks}`,
      `Câu hỏi đã trả lời hôm nay: ${f.today} (tổng cộng ${f.total}, từ ${f.askers} người hỏi)`,
      `Góp ý hôm nay: 👍 ${f.todayUp} · 👎 ${f.todayDown} (tổng cộng 👍 ${f.up} · 👎 ${f.down})`,
    ].join('\n'),
  commands: [
    { command: 'start', description: 'Giới thiệu và câu hỏi mẫu' },
    { command: 'ask', description: 'Đặt câu hỏi (dùng trong nhóm)' },
    { command: 'reports', description: 'Các báo cáo đã lưu' },
    { command: 'new', description: 'Bắt đầu chủ đề mới' },
    { command: 'help', description: 'Hướng dẫn' },
    { command: 'about', description: 'Về dữ liệu và cách trả lời' },
    { command: 'privacy', description: 'Bot lưu gì về bạn' },
    { command: 'forget', description: 'Xóa mọi câu hỏi của bạn' },
  ],
};

const en: BotTexts = {
  welcome:
    'Hello! I answer questions about the work of the Party committee, People’s Council and People’s Committee from the stored reports, citing sources you can check.\n' +
    'Send me a question in Vietnamese or English.',
  examplesIntro: 'Try a question:',
  help:
    'Ask about council sessions, e.g. "What did the September session conclude about agriculture?"\n' +
    'In groups: mention me, reply to my message, or use /ask question.\n' +
    'Commands: /reports (stored reports), /new (start a new topic), /about (about the data).\n' +
    'Tap 📄 under an answer to read the cited passage in full; 👍 / 👎 to give feedback.',
  about:
    'The data are the reports and session conclusions of the Party committee, People’s Council and People’s Committee loaded into the system. ' +
    'Answers are put together from the most relevant report passages (or rewritten by a language model when one is configured), ' +
    'every claim with a source [n] you can check. When the reports do not cover something, I say so.\n' +
    'Note: the sample reports shipped with the software are illustrative, not official records.',
  askUsage:
    'Write the question after the command, e.g. /ask What did the September session conclude about agriculture?',
  tooLong: (limit, length) =>
    `Your question is ${length} characters long, over the ${limit}-character limit. Please ask more briefly.`,
  rateLimited: (seconds) => `You are asking a bit fast. Please wait about ${seconds} seconds and ask again.`,
  failure: 'Sorry, something went wrong while handling that. Please try again later.',
  sources: 'Sources',
  sourceButton: (n) => `📄 ${n}`,
  passageGone: 'This passage is no longer stored (its report was updated or removed).',
  passageHeading: (n) => `Source [${n}]`,
  feedbackThanks: 'Thank you for the feedback!',
  forgotten: 'Starting a new topic.',
  privacy: (days) =>
    'The bot keeps the questions you send and its answers, with a pseudonymous code instead of your Telegram account (your Telegram id itself is never stored), ' +
    'so staff can see what citizens ask, questions can be limited per minute and each person votes once. ' +
    `They are deleted automatically after ${days} days. Send /forget to delete all your questions and votes now.`,
  forgotYou: (questions, votes) =>
    `Deleted ${questions} questions and ${votes} votes of yours. The bot keeps nothing about you.`,
  reportsHeading: (page, pages, total) => `Stored reports (${total}), newest first, page ${page}/${pages}:`,
  noReports: 'No reports are stored yet.',
  adminOnly: 'Only administrators can use this.',
  unsupportedFile: (extensions) => `This kind of file cannot be read. Supported: ${extensions}.`,
  fileTooBig: (megabytes, limit) => `The file is ${megabytes} MB, over the ${limit} MB limit.`,
  ingesting: (fileName) => `Ingesting ${fileName}…`,
  ingestAdded: (title, chunks) => `Added the report "${title}" (${chunks} passages). It can be asked about now.`,
  ingestUpdated: (title, chunks) => `Updated the report "${title}" (${chunks} passages).`,
  ingestUnchanged: (title) => `The report "${title}" is already stored and unchanged.`,
  ingestDuplicate: (stored, percent) =>
    `Not added: this text is already stored (${percent === 100 ? 'identical' : `${percent}% the same`}) as the report from ${stored}.`,
  ingestFailed: (reason) => `The file could not be ingested: ${reason}. Nothing already stored was changed.`,
  stats: (f) =>
    [
      `Reports: ${f.reports}, passages: ${f.chunks}`,
      `Questions answered today: ${f.today} (${f.total} in all, from ${f.askers} people)`,
      `Feedback today: 👍 ${f.todayUp} · 👎 ${f.todayDown} (in all 👍 ${f.up} · 👎 ${f.down})`,
    ].join('\n'),
  commands: [
    { command: 'start', description: 'Introduction and example questions' },
    { command: 'ask', description: 'Ask a question (for groups)' },
    { command: 'reports', description: 'Stored reports' },
    { command: 'new', description: 'Start a new topic' },
    { command: 'help', description: 'How to use the bot' },
    { command: 'about', description: 'About the data and the answers' },
    { command: 'privacy', description: 'What the bot keeps about you' },
    { command: 'forget', description: 'Delete all your questions' },
  ],
};

/** The bot's texts in one language. */
export function textsFor(language: BotLanguage): BotTexts {
  return language === 'en' ? en : vi;
}
