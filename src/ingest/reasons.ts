// Why an input was not ingested, in the one line staff read: English for the command line, its
// --json output and the logs; Vietnamese for staff who upload through the bot. Every reason says
// what to do about it when something can be done.

/** One reason in both languages. */
export interface Reason {
  en: string;
  vi: string;
}

const list = (extensions: readonly string[]) => extensions.join(', ');

export const REASONS = {
  noSuchPath: (): Reason => ({ en: 'no such file or folder', vi: 'không có tệp hoặc thư mục này' }),
  emptyFolder: (extensions: readonly string[]): Reason => ({
    en: `folder has no reports to ingest (${list(extensions)})`,
    vi: `thư mục không có báo cáo nào để nạp (${list(extensions)})`,
  }),
  readme: (): Reason => ({ en: 'README, not a report', vi: 'tệp README, không phải báo cáo' }),
  unsupportedType: (extension: string, extensions: readonly string[]): Reason =>
    extension
      ? {
          en: `unsupported file type ${extension}; supported: ${list(extensions)}`,
          vi: `không hỗ trợ loại tệp ${extension}; hỗ trợ: ${list(extensions)}`,
        }
      : {
          en: `no file extension; supported: ${list(extensions)}`,
          vi: `tệp không có phần mở rộng; hỗ trợ: ${list(extensions)}`,
        },
  tooBig: (megabytes: string, limitMegabytes: string): Reason => ({
    en: `file is ${megabytes} MB, over the ${limitMegabytes} MB limit (raise MAX_FILE_MB to allow it)`,
    vi: `tệp ${megabytes} MB, vượt giới hạn ${limitMegabytes} MB (tăng MAX_FILE_MB nếu cần)`,
  }),
  emptyFile: (): Reason => ({ en: 'empty file', vi: 'tệp rỗng' }),
  onlyWhitespace: (): Reason => ({ en: 'empty file (only whitespace)', vi: 'tệp rỗng (chỉ có khoảng trắng)' }),
  noText: (): Reason => ({ en: 'no text in the document', vi: 'văn bản không có nội dung chữ' }),
  noContent: (): Reason => ({
    en: 'no content left once headers and signatures are set aside',
    vi: 'ngoài phần tiêu đề và chữ ký, văn bản không có nội dung',
  }),
  binary: (detail: string): Reason => ({
    en: `binary content, not text (${detail})`,
    vi: `tệp nhị phân, không phải văn bản (${detail})`,
  }),
  invalidUtf8: (offset: number): Reason => ({
    en: `invalid UTF-8 at byte offset ${offset}: save the file as UTF-8 and ingest again`,
    vi: `mã UTF-8 không hợp lệ tại byte ${offset}: lưu lại tệp dạng UTF-8 rồi nạp lại`,
  }),
  declaredCharset: (charset: string): Reason => ({
    en: `page declares charset "${charset}", not UTF-8: convert the file to UTF-8 and ingest again`,
    vi: `trang khai báo bảng mã "${charset}", không phải UTF-8: chuyển tệp sang UTF-8 rồi nạp lại`,
  }),
  legacyEncoding: (encoding: string): Reason => ({
    en: `looks like ${encoding} encoding, not Unicode: convert the file to UTF-8 (e.g. with UniKey's converter) and ingest again`,
    vi: `văn bản dùng bảng mã ${encoding}, không phải Unicode: chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của UniKey) rồi nạp lại`,
  }),
  oldDoc: (): Reason => ({
    en: 'not a valid DOCX file (old .doc format or password-protected): save it as .docx without a password',
    vi: 'không phải tệp DOCX hợp lệ (định dạng .doc cũ hoặc có mật khẩu): lưu lại dạng .docx không mật khẩu',
  }),
  invalidDocx: (detail: string): Reason => ({
    en: `not a valid DOCX file (${detail})`,
    vi: `không phải tệp DOCX hợp lệ (${detail})`,
  }),
  invalidPdf: (detail: string): Reason => ({
    en: `not a valid PDF file (${detail})`,
    vi: `không phải tệp PDF hợp lệ (${detail})`,
  }),
  scannedPdf: (): Reason => ({
    en: 'scanned PDF, no text layer (run OCR first)',
    vi: 'PDF dạng ảnh quét, không có lớp chữ (cần nhận dạng chữ OCR trước)',
  }),
  encryptedPdf: (): Reason => ({
    en: 'encrypted PDF (password-protected): remove the password and ingest again',
    vi: 'PDF có mật khẩu: gỡ mật khẩu rồi nạp lại',
  }),
  noArticle: (): Reason => ({
    en: 'no article text found in the page',
    vi: 'không tìm thấy nội dung bài viết trong trang',
  }),
  emptyMarkdown: (): Reason => ({ en: 'no text in the Markdown body', vi: 'phần nội dung Markdown không có chữ' }),
  unclosedFrontMatter: (): Reason => ({
    en: 'front matter opened with --- on line 1 is never closed with ---',
    vi: 'phần front matter mở bằng --- ở dòng 1 nhưng không có dòng --- đóng lại',
  }),
  malformedFrontMatter: (line: number, what: string): Reason => ({
    en: `malformed YAML front matter at line ${line}: ${what}`,
    vi: `front matter YAML sai cú pháp ở dòng ${line}: ${what}`,
  }),
  frontMatterNotFields: (): Reason => ({
    en: 'front matter is not a list of "key: value" fields',
    vi: 'front matter không phải danh sách các trường "khóa: giá trị"',
  }),
  internal: (message: string): Reason => ({ en: `internal error: ${message}`, vi: `lỗi hệ thống: ${message}` }),
} as const;
