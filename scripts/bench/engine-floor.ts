/**
 * What any engine with today's output would spend before its first rule, over the bench's text,
 * each divided by the bare `/\d+/g` pass (`extract.vs_regex`'s baseline), CPU time in this
 * process: one pass that splits the text into words, looks each word up in a hash table of every
 * syllable of the engine's phrases (its vocabulary and the category taxonomy) and reads the
 * numbers (`extract.floor_one_pass`); building the objects of the items the engine returns, from
 * spans already known (`extract.floor_items`). Their sum against the goal (≤ 10×) is the room
 * left for every rule (which phrase a run of syllables is, clause limits, target or result,
 * indicator, category, dates, offsets back to the input).
 */
import { extract } from "../../lib/extract/index.ts";
import type { ExtractedItem } from "../../lib/extract/types.ts";
import * as vocabulary from "../../lib/extract/vocabulary.ts";
import { CATEGORIES } from "../../lib/taxonomy/taxonomy.ts";
import { type Figure, median, round } from "./figure.ts";

const TABLE_SIZE = 1 << 16;
const FNV_OFFSET = 2166136261 | 0;
const FNV_PRIME = 16777619;

/** Every phrase the engine's vocabulary and the taxonomy name, in lower case. */
function enginePhrases(): Set<string> {
  const phrases = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string" && /\p{L}/u.test(value)) phrases.add(value.toLowerCase());
    else if (Array.isArray(value)) value.forEach(add);
  };
  for (const value of Object.values(vocabulary)) add(value);
  for (const category of CATEGORIES) for (const value of Object.values(category)) add(value);
  return phrases;
}

function syllableHash(syllable: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < syllable.length; i++) {
    hash = Math.imul(hash ^ syllable.charCodeAt(i), FNV_PRIME);
  }
  return hash | 1;
}

/** An open-addressing table of the phrases' syllables' hashes (0: empty). */
function syllableTable(phrases: Iterable<string>): Int32Array {
  const table = new Int32Array(TABLE_SIZE);
  for (const phrase of phrases) {
    for (const syllable of phrase.split(/\s+/)) {
      const hash = syllableHash(syllable);
      let slot = hash & (TABLE_SIZE - 1);
      while (table[slot] !== 0 && table[slot] !== hash) slot = (slot + 1) & (TABLE_SIZE - 1);
      table[slot] = hash;
    }
  }
  return table;
}

/** Character classes (1 letter or mark, 2 digit, 0 other) and lower case, by code unit. */
function characterTables() {
  const kind = new Uint8Array(65536);
  const lower = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    const char = String.fromCharCode(code);
    lower[code] = char.toLowerCase().charCodeAt(0);
    kind[code] = /[\p{L}\p{M}]/u.test(char) ? 1 : /\d/.test(char) ? 2 : 0;
  }
  return { kind, lower };
}

function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The floor figures over `corpus` (the bench's ≥ 1 MB of article text), `rounds` rounds. */
export function engineFloorFigures(
  corpus: ReadonlyArray<{ text: string; date: string | null }>,
  rounds: number,
) {
  const texts = corpus.map((article) => article.text);
  const table = syllableTable(enginePhrases());
  const { kind, lower } = characterTables();
  const items: ExtractedItem[][] = corpus.map((a) => extract(a.text, { referenceDate: a.date }));

  const regexPass = () => {
    let count = 0;
    for (const text of texts) count += text.match(/\d+/g)?.length ?? 0;
    return count;
  };
  const onePass = () => {
    let known = 0;
    let numbers = 0;
    for (const text of texts) {
      let hash = 0;
      let inWord = false;
      let inNumber = false;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const what = kind[code];
        if (what === 1) {
          hash = Math.imul((inWord ? hash : FNV_OFFSET) ^ (lower[code] as number), FNV_PRIME);
          inWord = true;
          continue;
        }
        if (inWord) {
          const key = hash | 1;
          let slot = key & (TABLE_SIZE - 1);
          while (table[slot] !== 0) {
            if (table[slot] === key) {
              known++;
              break;
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
          }
          inWord = false;
        }
        if (what === 2) inNumber = true;
        else if (inNumber && code !== 46 && code !== 44) {
          numbers++;
          inNumber = false;
        }
      }
    }
    return known + numbers;
  };
  // Kept in a list the caller gets, as the engine's are: an object that escapes nowhere may be
  // optimised away.
  const itemObjects = () => {
    const built: object[] = [];
    texts.forEach((text, a) => {
      for (const item of items[a] ?? []) {
        built.push({
          kind: item.kind,
          start: item.start,
          end: item.end,
          text: text.slice(item.start, item.end),
          sentence: text.slice(Math.max(0, item.start - 60), item.end + 60).trim(),
          indicator: item.indicator,
          category: item.category,
          value: item.value ? { min: item.value.min, max: item.value.max } : null,
          unit: item.unit,
          comparator: item.comparator,
          direction: item.direction,
          horizon: item.horizon,
          deadline: item.deadline,
          rule: item.rule,
        });
      }
    });
    return built;
  };

  for (let warm = 0; warm < 3; warm++) {
    for (const run of [regexPass, onePass, itemObjects]) run();
  }
  const regex: number[] = [];
  const pass: number[] = [];
  const objects: number[] = [];
  for (let r = 0; r < rounds; r++) {
    regex.push(cpuMs(regexPass));
    pass.push(cpuMs(onePass));
    objects.push(cpuMs(itemObjects));
  }
  const baseline = median(regex);
  const figures: Figure[] = [
    { name: "extract.floor_one_pass", value: round(median(pass) / baseline, 2), unit: "×" },
    { name: "extract.floor_items", value: round(median(objects) / baseline, 2), unit: "×" },
  ];
  const sum = round((figures[0]?.value ?? 0) + (figures[1]?.value ?? 0), 1);
  const lines = [
    `  floor (CPU, median of ${rounds}): words + syllable table + numbers ${figures[0]?.value}×, the items' objects ${figures[1]?.value}× (${items.flat().length} items): ${sum}× before any rule`,
  ];
  return { figures, lines };
}
