/**
 * Values as import messages show them: their JSON type in Vietnamese with the English name, and
 * never more than a few dozen characters of a (possibly hostile) value.
 */

/** A short, safe rendering of a value for a message. */
export function preview(value: unknown): string {
  if (typeof value === "string") {
    const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(short);
  }
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return `mảng ${value.length} phần tử`;
  if (typeof value === "object") return "một đối tượng";
  return String(value);
}

/** `chuỗi (string) "abc"`: the type of a received value, and the value when it is a primitive. */
export function received(value: unknown): string {
  const shown =
    value === null || value === undefined || typeof value === "object" ? "" : ` ${preview(value)}`;
  return `${typeName(value)}${shown}`;
}

/** The JSON type of a value, in Vietnamese with the English name. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "không có giá trị";
  if (Array.isArray(value)) return "mảng (array)";
  switch (typeof value) {
    case "string":
      return "chuỗi (string)";
    case "number":
      return "số (number)";
    case "boolean":
      return "true/false (boolean)";
    case "object":
      return "đối tượng (object)";
    default:
      return typeof value;
  }
}

const EXPECTED_NAME: Record<string, string> = {
  string: "chuỗi (string)",
  number: "số (number)",
  boolean: "true/false (boolean)",
  Object: "đối tượng (object)",
  Array: "mảng (array)",
  null: "null",
};

/** valibot's `expected` (`string`, `(Object | null)`…) in words. */
export function expectedName(expected: string | null): string {
  if (!expected) return "giá trị khác";
  return expected
    .replace(/^\((.*)\)$/, "$1")
    .split(" | ")
    .map((name) => EXPECTED_NAME[name] ?? name)
    .join(" hoặc ");
}
