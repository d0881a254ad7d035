/**
 * What a file that is not JSON seems to be, from its first characters, so a
 * refused import can say "this is a PNG image" or "this is the CSV export"
 * rather than only where JSON parsing stopped.
 *
 * The collection page reads files as UTF-8 (`File.text()`): every byte that is
 * not UTF-8 arrives as U+FFFD. Signatures therefore match either the raw byte
 * (a caller that decoded the file as Latin-1) or U+FFFD in its place.
 */

/** Where the reader can get a file this import takes. */
const ONLY_JSON = "chỉ nhập được tệp JSON do nút «JSON (sao lưu đầy đủ)» của tiện ích xuất ra";

/** File types recognised by their first bytes, each as a Latin-1 reader and as `File.text()` sees them. */
const MAGIC: ReadonlyArray<{ starts: readonly string[]; what: string }> = [
  { starts: ["\x89PNG\r\n\x1A\n", "\uFFFDPNG\r\n\x1A\n"], what: "một ảnh PNG" },
  { starts: ["\xFF\xD8\xFF", "\uFFFD\uFFFD\uFFFD"], what: "một ảnh JPEG" },
  { starts: ["GIF87a", "GIF89a"], what: "một ảnh GIF" },
  { starts: ["%PDF-"], what: "một tài liệu PDF" },
  {
    starts: ["PK\x03\x04", "PK\x05\x06"],
    what: "một tệp nén ZIP (hoặc tài liệu Word/Excel .docx/.xlsx)",
  },
  { starts: ["\x1F\x8B", "\x1F\uFFFD"], what: "một tệp nén gzip" },
];

/** Text files recognised by how they begin. */
const TEXT_KINDS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  {
    pattern: /^\s*<(?:!doctype\s+html|html|head|body|meta|title)\b/i,
    what: "một trang web (HTML) đã lưu",
  },
  { pattern: /^\s*<\?xml\b/, what: "một tệp XML" },
  // The CSV export's header: column ids in older exports, then labels in Vietnamese or English.
  {
    pattern: /^(?:kind,indicator,category,|Loại,Chỉ số,Mã nhóm,|Kind,Indicator,Category code,)/,
    what: "bản xuất CSV (Excel) của tiện ích",
  },
  { pattern: /^# .*\n/, what: "một tệp Markdown (như bản xuất Markdown của tiện ích)" },
  { pattern: /^BEGIN:VCALENDAR\r?\n/, what: "một tệp lịch iCalendar (.ics)" },
];

const UTF16 = "văn bản mã hóa UTF-16 (tiện ích chỉ đọc tệp UTF-8; hãy lưu lại tệp bằng UTF-8)";

/** UTF-16 byte-order marks: as two invalid UTF-8 bytes, or as Latin-1 characters. */
const UTF16_MARKS = ["\uFFFD\uFFFD", "\xFF\xFE", "\xFE\xFF"];

function isAsciiText(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** UTF-16 read as single bytes: ASCII characters each beside a 0 byte (either order). */
function looksLikeUtf16(text: string): boolean {
  const mark = UTF16_MARKS.find((m) => text.startsWith(m));
  const start = mark ? mark.length : 0;
  const c = (k: number) => text.charCodeAt(start + k);
  const little = isAsciiText(c(0)) && c(1) === 0 && isAsciiText(c(2)) && c(3) === 0;
  const big = c(0) === 0 && isAsciiText(c(1)) && c(2) === 0 && isAsciiText(c(3));
  return little || big;
}

/** How many characters from the start the generic binary check reads. */
const BINARY_WINDOW = 1024;

/** 0 bytes or undecodable bytes near the start: some binary file. */
function looksBinary(text: string): boolean {
  const start = text.slice(0, BINARY_WINDOW);
  return start.includes("\u0000") || start.includes("\uFFFD");
}

function kindOf(text: string): string | null {
  const magic = MAGIC.find(({ starts }) => starts.some((prefix) => text.startsWith(prefix)));
  if (magic) return magic.what;
  if (looksLikeUtf16(text)) return UTF16;
  const known = TEXT_KINDS.find(({ pattern }) => pattern.test(text));
  if (known) return known.what;
  return looksBinary(text) ? "một tệp nhị phân, hoặc văn bản không lưu bằng mã UTF-8" : null;
}

/**
 * A Vietnamese sentence naming what kind of file `text` (the file without its
 * byte-order mark) seems to be, or `null` when it looks like no known kind.
 * Only for text that `JSON.parse` refused.
 */
export function describeNonJson(text: string): string | null {
  const what = kindOf(text);
  return what ? `Tệp này có vẻ là ${what}, không phải tệp xuất JSON: ${ONLY_JSON}.` : null;
}
