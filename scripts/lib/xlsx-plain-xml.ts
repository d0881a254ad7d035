/**
 * A Vite plugin for the extension's build: two files of `write-excel-file` hand their work to
 * `lib/export/xlsx-plain-xml.ts` (plain text taken as it is, the rest through the library's own
 * sanitizers; the reason and its measure are in that module): `xml/getAttributesString.js` and
 * `xml/sanitizeTextContent.js`. Only those two files of that one library are changed, and only
 * when their text is the one these patches know (`patchSource`): another version is bundled as it is.
 */
import { fileURLToPath } from "node:url";
import { type FilePatch, patchSource } from "../../lib/cli/file-patch.ts";

const FAST_PATH = fileURLToPath(new URL("../../lib/export/xlsx-plain-xml.ts", import.meta.url));

/** `line`, the file's first import as the library ships it, followed by an import of the fast path. */
const importingFastPath = (line: string, name: string): readonly [string, string] => [
  line,
  `${line}\nimport { ${name} } from ${JSON.stringify(FAST_PATH)};`,
];

/** getAttributesString as write-excel-file 4.1 ships it. */
export const LIBRARY_ATTRIBUTES = `export default function getAttributesString(attributes) {
  return Object.keys(attributes).map(function (name) {
    return "".concat(sanitizeAttributeName(name), "=\\"").concat(sanitizeAttributeValue(String(attributes[name])), "\\"");
  }).reduce(function (combined, part) {
    return combined + ' ' + part;
  }, '');
}`;

export const ATTRIBUTES_PATCH: FilePatch = {
  file: /[\\/]write-excel-file[\\/]modules[\\/]xml[\\/]getAttributesString\.js$/,
  replacements: [
    importingFastPath(
      "import sanitizeAttributeName from './sanitizeAttributeName.js';",
      "attributesString",
    ),
    [
      LIBRARY_ATTRIBUTES,
      `export default function getAttributesString(attributes) {
  return attributesString(attributes, sanitizeAttributeName, sanitizeAttributeValue);
}`,
    ],
  ],
};

const LIBRARY_TEXT_CONTENT_BODY = `function sanitizeTextContent(textContent) {
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

/** sanitizeTextContent as write-excel-file 4.1 ships it. */
export const LIBRARY_TEXT_CONTENT = `export default ${LIBRARY_TEXT_CONTENT_BODY}`;

export const TEXT_CONTENT_PATCH: FilePatch = {
  file: /[\\/]write-excel-file[\\/]modules[\\/]xml[\\/]sanitizeTextContent\.js$/,
  replacements: [
    importingFastPath(
      "import escapeXmlSpecialCharacters from './escapeXmlSpecialCharacters.js';",
      "textContent",
    ),
    [
      LIBRARY_TEXT_CONTENT,
      // The library's function stays, under another name, for the text that is not plain.
      `${LIBRARY_TEXT_CONTENT_BODY.replace("function sanitizeTextContent(", "function librarySanitizeTextContent(")}
export default function sanitizeTextContent(text) {
  return textContent(text, librarySanitizeTextContent);
}`,
    ],
  ],
};

const PATCHES: readonly FilePatch[] = [ATTRIBUTES_PATCH, TEXT_CONTENT_PATCH];

export function xlsxPlainXml() {
  return {
    name: "gvn-xlsx-plain-xml",
    transform(code: string, id: string): string | null {
      const file = id.split("?")[0] ?? id;
      const patch = PATCHES.find((p) => p.file.test(file));
      return patch ? patchSource(patch, code) : null;
    },
  };
}
