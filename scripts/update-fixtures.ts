/**
 * npm run fixtures:update [-- --write] [SLUG...]
 *
 * Regenerates each fixture page's `expected.json` from the engine's current
 * output, so that a change to the rules is reviewed as a git diff of the
 * expectations (the Readability way). Without `--write` it only reports which
 * fixtures would change and how; with `--write` it rewrites them: review the
 * diff by hand before committing, the files are the hand-checked truth.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { evaluatePage, listPageFixtures, PAGES_DIR } from "../lib/evaluation/fixtures.ts";

const write = process.argv.includes("--write");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
let changed = 0;
for (const slug of await listPageFixtures()) {
  if (only.length > 0 && !only.includes(slug)) continue;
  const page = await evaluatePage(slug);
  const r = page.result;
  const regenerated = {
    url: page.expected.url,
    ...(page.expected.date ? { date: page.expected.date } : {}),
    recognised: r.recognised,
    ...(r.recognised
      ? {
          article: {
            title: r.article.title,
            organization: r.article.organization,
            level: r.article.level,
            locality: r.article.locality,
            congress: r.article.congress,
            term: r.article.term,
          },
        }
      : {}),
    items: r.items.map((i) => ({
      kind: i.kind,
      text: i.text,
      value: i.value,
      unit: i.unit,
      comparator: i.comparator,
      direction: i.direction,
      horizon: i.horizon,
      deadline: i.deadline ? { date: i.deadline.date, precision: i.deadline.precision } : null,
      category: i.category,
    })),
  };
  const file = path.join(PAGES_DIR, slug, "expected.json");
  const before = await readFile(file, "utf8");
  const after = `${JSON.stringify(regenerated, null, 2)}\n`;
  if (before === after) continue;
  changed++;
  const c = page.comparison;
  console.log(
    `${slug}: ${c.missed.length} expected item(s) not produced, ${c.spurious.length} new item(s)${write ? " — rewritten" : ""}`,
  );
  for (const m of c.missed) console.log(`  - ${m.kind} ${JSON.stringify(m.text)}`);
  for (const s of c.spurious) console.log(`  + ${s.kind} ${JSON.stringify(s.text)}`);
  if (write) await writeFile(file, after);
}
console.log(changed === 0 ? "All expectations match the engine." : `${changed} fixture(s) differ.`);
