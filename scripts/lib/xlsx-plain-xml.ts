/**
 * A Vite plugin for the extension's build: two files of `write-excel-file` hand their work to
 * `lib/export/xlsx-plain-xml.ts` (plain text taken as it is, the rest through the library's own
 * sanitizers; the reason and its measure are in that module): `xml/getAttributesString.js` and
 * `xml/sanitizeTextContent.js`. Only those two files of that one library are changed, and only
 * when their function is the one this plugin knows: another version is bundled as it is.
 */
import { fileURLToPath } from "node:url";

const FAST_PATH = fileURLToPath(new URL("../../lib/export/xlsx-plain-xml.ts", import.meta.url));

export interface LibraryPatch {
  /** The library's file, by the end of its path. */
  file: RegExp;
  /** The function as write-excel-file 4.1 ships it. */
  known: string;
  /** What it becomes. */
  replacement: string;
  /** What the new code imports from the fast path. */
  imports: string;
}

export const ATTRIBUTES_PATCH: LibraryPatch = {
  file: /[\\/]write-excel-file[\\/]modules[\\/]xml[\\/]getAttributesString\.js$/,
  known: `export default function getAttributesString(attributes) {
  return Object.keys(attributes).map(function (name) {
    return "".concat(sanitizeAttributeName(name), "=\\"").concat(sanitizeAttributeValue(String(attributes[name])), "\\"");
  }).reduce(function (combined, part) {
    return combined + ' ' + part;
  }, '');
}`,
  replacement: `export default function getAttributesString(attributes) {
  return attributesString(attributes, sanitizeAttributeName, sanitizeAttributeValue);
}`,
  imports: "attributesString",
};

const LIBRARY_TEXT_CONTENT = `function sanitizeTextContent(textContent) {
  if (typeof textContent !== 'string') {
    throw new TypeError('Argument must be a string');
  }
  // Remove characters that're invalid in XML.
  textContent = removeInvalidXmlCharacters(textContent);
  // Escape "special" characters.
  return escapeXmlSpecialCharacters(textContent, {
    isAttributeValue: false
  });
}`;

export const TEXT_CONTENT_PATCH: LibraryPatch = {
  file: /[\\/]write-excel-file[\\/]modules[\\/]xml[\\/]sanitizeTextContent\.js$/,
  known: `export default ${LIBRARY_TEXT_CONTENT}`,
  // The library's function stays, under another name, for the text that is not plain.
  replacement: `${LIBRARY_TEXT_CONTENT.replace("function sanitizeTextContent(", "function librarySanitizeTextContent(")}
export default function sanitizeTextContent(text) {
  return textContent(text, librarySanitizeTextContent);
}`,
  imports: "textContent",
};

const PATCHES: readonly LibraryPatch[] = [ATTRIBUTES_PATCH, TEXT_CONTENT_PATCH];

/** `code` with `patch` made, or null when its function is not the one the patch knows. */
export function patched(patch: LibraryPatch, code: string): string | null {
  if (code.split(patch.known).length !== 2) return null;
  const changed = code.replace(patch.known, () => patch.replacement);
  return `import { ${patch.imports} } from ${JSON.stringify(FAST_PATH)};\n${changed}`;
}

export function xlsxPlainXml() {
  return {
    name: "gvn-xlsx-plain-xml",
    transform(code: string, id: string): string | null {
      const file = id.split("?")[0] ?? id;
      const patch = PATCHES.find((p) => p.file.test(file));
      return patch ? patched(patch, code) : null;
    },
  };
}
