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

/** The code units (`charCodeAt`) the scan stops at. */
const CODE = {
  quote: 0x22, // "
  backslash: 0x5c, // \
  openObject: 0x7b, // {
  closeObject: 0x7d, // }
  openArray: 0x5b, // [
  closeArray: 0x5d, // ]
  comma: 0x2c, // ,
} as const;

/** The offset of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === CODE.backslash) backslashes++;
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
  // Plain locals for the comparisons in the loop below.
  const { quote, openObject, closeObject, openArray, closeArray, comma } = CODE;
  const stack: Frame[] = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) {
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
    } else if (c === openObject || c === openArray) {
      if (stack.length >= maxDepth) {
        report(
          `${joinPath(segmentsOf(stack))}: lồng quá sâu (hơn ${maxDepth} cấp; tệp xuất của tiện ích chỉ có 4 cấp)`,
        );
        return { tooDeep: true };
      }
      const isObject = c === openObject;
      stack.push({ keys: isObject ? new Set() : null, key: "", index: 0 });
      expectKey = isObject;
    } else if (c === closeObject || c === closeArray) {
      stack.pop();
    } else if (c === comma) {
      const top = stack[stack.length - 1] as Frame;
      if (top.keys) expectKey = true;
      else top.index++;
    }
  }
  return { tooDeep: false };
}
