/**
 * What `npm run extract` is asked to read, in the order given: files, folders (every `.html`,
 * `.htm` and `.txt` file inside, recursively, in path order), globs (`archive/**\/*.html`, the
 * same extensions, in path order) and `-`, pages given as JSON Lines on stdin. Each file comes
 * once, however many inputs name it. A folder that cannot be read or a glob that matches nothing
 * becomes a bad input, reported in its place.
 */
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

export const STDIN_INPUT = "-";
const PAGE_FILE = /\.(html?|txt)$/i;

export type InputSource =
  | { type: "files"; files: string[] }
  | { type: "stdin" }
  | { type: "bad-input"; error: string };

export interface InputPlan {
  sources: InputSource[];
  /** How many files the sources name (pages on stdin are not known in advance). */
  fileCount: number;
  readsStdin: boolean;
  /** Whether any input is a folder, a glob or stdin (an archive rather than a few files). */
  archive: boolean;
}

export async function planInputs(inputs: readonly string[]): Promise<InputPlan> {
  const seen = new Set<string>();
  const sources: InputSource[] = [];
  let fileCount = 0;
  let archive = false;
  const addFiles = (files: readonly string[]) => {
    const fresh = files.filter((file) => {
      const key = path.resolve(file);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    fileCount += fresh.length;
    if (fresh.length > 0) sources.push({ type: "files", files: fresh });
  };
  for (const input of inputs) {
    if (input === STDIN_INPUT) {
      archive = true;
      sources.push({ type: "stdin" });
      continue;
    }
    const kind = await inputKind(input);
    if (kind === "folder") {
      archive = true;
      try {
        addFiles(await filesInFolder(input));
      } catch (error) {
        sources.push({ type: "bad-input", error: `cannot read folder ${input}: ${reason(error)}` });
      }
    } else if (kind === "glob") {
      archive = true;
      const files = await filesMatching(input);
      if (files.length === 0) {
        sources.push({
          type: "bad-input",
          error: `no .html, .htm or .txt file matches ${input}`,
        });
      } else addFiles(files);
    } else addFiles([input]);
  }
  return { sources, fileCount, readsStdin: inputs.includes(STDIN_INPUT), archive };
}

async function inputKind(input: string): Promise<"file" | "folder" | "glob"> {
  try {
    return (await stat(input)).isDirectory() ? "folder" : "file";
  } catch {
    // Not there as it is written: a pattern if it has one, else a file that will be reported missing.
    return isDynamicPattern(input) ? "glob" : "file";
  }
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Page files under `folder`, depth first in name order; hidden entries and linked folders skipped. */
async function filesInFolder(folder: string): Promise<string[]> {
  const files: string[] = [];
  const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => byPath(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesInFolder(full)));
    else if (PAGE_FILE.test(entry.name) && (entry.isFile() || (await isLinkToFile(full)))) {
      files.push(full);
    }
  }
  return files;
}

async function isLinkToFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function filesMatching(pattern: string): Promise<string[]> {
  const matches = await glob(pattern, {
    onlyFiles: true,
    expandDirectories: false,
    absolute: path.isAbsolute(pattern),
  });
  return matches.filter((file) => PAGE_FILE.test(file)).sort(byPath);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES") return "permission denied";
  return (error as Error).message;
}
