/**
 * Files that were not saved as UTF-8. The collection page reads files as
 * UTF-8 (`File.text()`), which puts U+FFFD in place of every byte sequence
 * that is not UTF-8: an export re-saved in a legacy encoding (Windows-1258,
 * TCVN3…) still parses as JSON, but every Vietnamese letter in it became U+FFFD.
 *
 * A page the extension saved may itself hold a few U+FFFD (a portal with a
 * broken character), so their mere presence is not enough: the file is
 * refused when they are at least as many as the correctly decoded non-ASCII
 * characters, which in a real export (Vietnamese text) far outnumber them.
 */
import { lineAndColumn } from "./paths.ts";

const REPLACEMENT = 0xfffd;
const BOM = 0xfeff;

/** A Vietnamese message when `text` looks decoded from a file that was not UTF-8, else `null`. */
export function misencodedText(text: string): string | null {
  const first = text.indexOf("\uFFFD");
  if (first === -1) return null;
  let replaced = 0;
  let decoded = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c === BOM) continue;
    if (c === REPLACEMENT) replaced++;
    else decoded++;
  }
  if (replaced < decoded) return null;
  const { line, column } = lineAndColumn(text, first);
  return (
    `Tệp không được lưu bằng mã UTF-8: ${replaced} ký tự không đọc được (U+FFFD, chỗ đầu tiên ở dòng ${line}, cột ${column}), ` +
    "chữ tiếng Việt trong tệp đã bị hỏng. Hãy nhập tệp gốc do tiện ích xuất ra, hoặc lưu lại tệp bằng UTF-8."
  );
}
