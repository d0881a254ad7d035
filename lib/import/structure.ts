/**
 * Checks of an import file's text that its parsed value no longer shows:
 * - a key written twice in one object: `JSON.parse` silently keeps the last
 *   value, other readers the first, so the file means two different things;
 * - nesting deeper than any export has (an export is 4 levels deep: the file,
 *   a list, a record, a record's value/anchor/tags), which only a file made to
 *   exhaust whoever walks it would have.
 *
 * Runs on text `JSON.parse` has accepted, so it needs no syntax error
 * handling; it jumps from one string or bracket to the next (long string
 * values are skipped with `indexOf`), in one pass.
 */
import { joinPath, keySegment, quotedKey } from "./paths.ts";

/** One open object or array while scanning. */
interface Frame {
  /** The keys seen so far (objects), `null` for arrays. */
  keys: Set<string> | null;
  /** The key whose value is being read (objects). */
  key: string;
  /** The index of the element being read (arrays). */
  index: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** The offset of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/** Path segments of the value being read inside each open frame. */
function segmentsOf(stack: readonly Frame[]): string[] {
  return stack.map((frame) => (frame.keys ? keySegment(frame.key) : `[${frame.index}]`));
}

/**
 * Messages (Vietnamese, path first) about duplicate keys and excessive nesting
 * in `text`, a document `JSON.parse` accepted. Stops at the first value nested
 * deeper than `maxDepth` (the root is level 1), and once `enough` says no more
 * messages are wanted. Returns whether it stopped at too deep a value.
 */
export function checkStructure(
  text: string,
  maxDepth: number,
  report: (message: string) => void,
  enough: () => boolean = () => false,
): { tooDeep: boolean } {
  const stack: Frame[] = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        const key: string = raw.includes("\\") ? JSON.parse(text.slice(i, end + 1)) : raw;
        const top = stack[stack.length - 1] as Frame;
        const keys = top.keys as Set<string>;
        if (keys.has(key)) {
          report(
            `${joinPath([...segmentsOf(stack.slice(0, -1)), keySegment(key)])}: khóa ${quotedKey(key)} xuất hiện nhiều lần trong cùng một đối tượng (không rõ giá trị nào đúng; có thể là tệp độc hại)`,
          );
          if (enough()) return { tooDeep: false };
        } else {
          keys.add(key);
        }
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (stack.length >= maxDepth) {
        report(
          `${joinPath(segmentsOf(stack))}: lồng quá sâu (hơn ${maxDepth} cấp; tệp xuất của tiện ích chỉ có 4 cấp)`,
        );
        return { tooDeep: true };
      }
      const isObject = c === OPEN_OBJECT;
      stack.push({ keys: isObject ? new Set() : null, key: "", index: 0 });
      expectKey = isObject;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
    } else if (c === COMMA) {
      const top = stack[stack.length - 1] as Frame;
      if (top.keys) expectKey = true;
      else top.index++;
    }
  }
  return { tooDeep: false };
}
