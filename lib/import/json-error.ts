/**
 * Where a file `JSON.parse` refused goes wrong, for a message a reader can act on: a scanner that
 * finds the first syntax error (the offset the JavaScript engine reports) and says what is wrong
 * there in Vietnamese, with the line and column.
 */
import { lineAndColumn } from "./paths.ts";

/** Characters shown by code point in messages: controls, format, private-use, unassigned, separators, lone surrogates. */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]$/u;

/** What a UTF-8 decoder puts in place of bytes that are not UTF-8. */
const REPLACEMENT = 0xfffd;

const UNKNOWN_ERROR = "không rõ lỗi";

/** The first syntax error in `text` (which `JSON.parse` refused): its offset and what is wrong. */
export function locateJsonError(text: string): { at: number; reason: string } {
  const n = text.length;
  const END = "tệp kết thúc giữa chừng (bị cắt cụt?)";
  let i = 0;
  /** The character at `at`: itself when visible, else its code point (controls, binary bytes). */
  const describe = (at: number) => {
    const c = text.codePointAt(at) ?? 0;
    const char = String.fromCodePoint(c);
    if (c === REPLACEMENT) {
      return "ký tự không đọc được U+FFFD (byte không hợp lệ trong UTF-8: tệp nhị phân, hoặc không lưu bằng UTF-8)";
    }
    return INVISIBLE.test(char)
      ? `ký tự không mong đợi U+${c.toString(16).toUpperCase().padStart(4, "0")}`
      : `ký tự không mong đợi ${JSON.stringify(char)}`;
  };
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  /** Scans a string at `i` (on its opening quote); returns an error or null. */
  const scanString = (): { at: number; reason: string } | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === undefined) return { at: n, reason: END };
        if (next === "u") {
          for (let k = i + 2; k < i + 6; k++) {
            if (k >= n) return { at: n, reason: END };
            if (!/[0-9a-fA-F]/.test(text[k] as string)) {
              return { at: k, reason: "mã thoát \\u không hợp lệ trong chuỗi" };
            }
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          return { at: i + 1, reason: `mã thoát không hợp lệ trong chuỗi (\\${next})` };
        }
      } else if (c < 0x20) {
        return { at: i, reason: "ký tự điều khiển chưa thoát trong chuỗi" };
      } else {
        i++;
      }
    }
    return { at: n, reason: END };
  };
  const isDigit = (at: number) => {
    const d = text.charCodeAt(at);
    return d >= 0x30 && d <= 0x39;
  };
  /** Scans a number at `i`; returns an error (at the first character that cannot continue it) or null. */
  const scanNumber = (): { at: number; reason: string } | null => {
    const digits = (what: string): { at: number; reason: string } | null => {
      if (i >= n) return { at: n, reason: END };
      if (!isDigit(i))
        return { at: i, reason: `số không hợp lệ: cần chữ số${what ? ` ${what}` : ""}` };
      while (isDigit(i)) i++;
      return null;
    };
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else {
      const error = digits("");
      if (error) return error;
    }
    if (text[i] === ".") {
      i++;
      const error = digits("sau dấu thập phân");
      if (error) return error;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      const error = digits("ở số mũ");
      if (error) return error;
    }
    return null;
  };
  const stack: Array<"object" | "array"> = [];
  type State = "value" | "valueOrClose" | "keyOrClose" | "key" | "colon" | "commaOrClose" | "done";
  let state: State = "value";
  const afterValue = (): State => (stack.length > 0 ? "commaOrClose" : "done");
  /** Steps over the bracket that closes the innermost object or array. */
  const closeContainer = () => {
    i++;
    stack.pop();
    state = afterValue();
  };

  for (;;) {
    skipSpace();
    if (i >= n) {
      return state === "done" ? { at: n, reason: UNKNOWN_ERROR } : { at: n, reason: END };
    }
    const c = text[i] as string;
    switch (state) {
      case "done":
        return { at: i, reason: `thừa dữ liệu sau khi JSON đã kết thúc (${describe(i)})` };
      case "colon":
        if (c !== ":") return { at: i, reason: `cần dấu hai chấm sau tên trường (${describe(i)})` };
        i++;
        state = "value";
        break;
      case "keyOrClose":
      case "key":
        if (state === "keyOrClose" && c === "}") {
          closeContainer();
          break;
        }
        if (c !== '"') {
          return { at: i, reason: `cần tên trường trong ngoặc kép (${describe(i)})` };
        }
        {
          const error = scanString();
          if (error) return error;
        }
        state = "colon";
        break;
      case "commaOrClose": {
        const top = stack[stack.length - 1];
        if (c === ",") {
          i++;
          state = top === "object" ? "key" : "value";
        } else if ((top === "object" && c === "}") || (top === "array" && c === "]")) {
          closeContainer();
        } else {
          return {
            at: i,
            reason: `cần dấu phẩy hoặc ${top === "object" ? "}" : "]"} (${describe(i)})`,
          };
        }
        break;
      }
      case "value":
      case "valueOrClose":
        if (state === "valueOrClose" && c === "]") {
          closeContainer();
        } else if (c === "{") {
          i++;
          stack.push("object");
          state = "keyOrClose";
        } else if (c === "[") {
          i++;
          stack.push("array");
          state = "valueOrClose";
        } else if (c === '"') {
          const error = scanString();
          if (error) return error;
          state = afterValue();
        } else if (c === "-" || (c >= "0" && c <= "9")) {
          const error = scanNumber();
          if (error) return error;
          state = afterValue();
        } else {
          const word = ["true", "false", "null"].find((w) => w[0] === c);
          if (!word) return { at: i, reason: describe(i) };
          for (let k = 0; k < word.length; k++, i++) {
            if (i >= n) return { at: n, reason: END };
            if (text[i] !== word[k]) return { at: i, reason: describe(i) };
          }
          state = afterValue();
        }
        break;
    }
  }
}

export function jsonErrorMessage(text: string, offsetBase: number, error: unknown): string {
  const located = locateJsonError(text);
  // The scanner finds no syntax error: the engine gave up for another reason (memory, depth).
  const { at, reason } =
    located.reason === UNKNOWN_ERROR
      ? { at: 0, reason: `không đọc được tệp (${errorText(error)})` }
      : located;
  const { line, column } = lineAndColumn(text, at);
  return `Tệp không phải JSON hợp lệ (vị trí ${at + offsetBase}, dòng ${line}, cột ${column}): ${reason}.`;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
