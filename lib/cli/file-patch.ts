/**
 * An exact change to a dependency's source file at bundle time: pieces of its text, each found
 * exactly once, and what each becomes. A file whose text is not the one a patch knows (another
 * version) is left as it is. Used for linkedom in the CLI's workers (linkedom-fast-paths.ts) and
 * for write-excel-file in the extension's build (scripts/lib/xlsx-plain-xml.ts).
 */
export interface FilePatch {
  /** The file, by the end of its path. */
  file: RegExp;
  /** Exact pieces of the file (each found once) and what each becomes. */
  replacements: ReadonlyArray<readonly [string, string]>;
}

/** `source` with every replacement of `patch` made, or null when one of them does not fit. */
export function patchSource(patch: FilePatch, source: string): string | null {
  let patched = source;
  for (const [from, to] of patch.replacements) {
    if (patched.split(from).length !== 2) return null;
    // A function, so that `$` in the new text is taken as it is.
    patched = patched.replace(from, () => to);
  }
  return patched;
}
