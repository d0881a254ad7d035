/** Keys that could pollute prototypes (`__proto__`, `constructor`, `prototype`) anywhere in an import file. */
import type { Messages } from "./messages.ts";
import { joinPath, keySegment } from "./paths.ts";
/** Keys refused anywhere in the file: prototype pollution in whoever handles the data after us. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

/** Adds a message for every `__proto__`, `constructor` or `prototype` key in `root` (iteratively: no recursion limit). */
export function findForbiddenKeys(root: unknown, messages: Messages): void {
  interface Node {
    value: object;
    parent: Node | null;
    segment: string;
  }
  const pathOf = (node: Node | null, last: string): string => {
    const parts = [last];
    for (let p = node; p; p = p.parent) parts.push(p.segment);
    return joinPath(parts.reverse());
  };
  if (typeof root !== "object" || root === null) return;
  const stack: Node[] = [{ value: root, parent: null, segment: "" }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (Array.isArray(node.value)) {
      for (let k = node.value.length - 1; k >= 0; k--) {
        const child: unknown = node.value[k];
        if (typeof child === "object" && child !== null) {
          stack.push({ value: child, parent: node, segment: `[${k}]` });
        }
      }
      continue;
    }
    const record = node.value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        messages.add(
          () =>
            `${pathOf(node, keySegment(key))}: khóa ${JSON.stringify(key)} không được phép trong tệp nhập (có thể là tệp độc hại)`,
        );
        continue;
      }
      const child = record[key];
      if (typeof child === "object" && child !== null) {
        stack.push({ value: child, parent: node, segment: keySegment(key) });
      }
    }
  }
}
