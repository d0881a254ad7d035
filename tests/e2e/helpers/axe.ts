/**
 * axe-core in the end-to-end tests: put `node_modules/axe-core/axe.min.js` into a page's main
 * world and run it on the whole page or on part of it (the extension's in-page UI is an open shadow
 * root under `<gvn-chi-tieu>`, which axe walks like the rest of the DOM).
 *
 * The script is evaluated through the DevTools protocol (`page.evaluate` of its source), not added
 * as a `<script>` element: the extension's pages have a `script-src 'self'` policy that blocks
 * inline scripts, and an evaluation is not subject to it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);

/** The source of axe-core's browser build, read once. */
let axeSource: string | undefined;
function source(): string {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/** The version of axe-core the tests use (from its package). */
export function axeVersion(): string {
  return (require("axe-core/package.json") as { version: string }).version;
}

export type Impact = "minor" | "moderate" | "serious" | "critical";

/** What the tests keep of an axe result: the rule, its impact and the nodes it failed on. */
export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: Array<{
    /** The node's selector; inside a shadow root, a list: the host's selector, then the inner one. */
    target: unknown[];
    html: string;
    failureSummary: string;
  }>;
}

export interface AxeOptions {
  /**
   * What to check (axe's `context`): a CSS selector, or `{ include, exclude }` lists (a list item
   * that is itself a list of selectors goes through shadow roots: `[["gvn-chi-tieu", ".card"]]`).
   * Default: the whole document.
   */
  context?: string | { include?: unknown[]; exclude?: unknown[] };
  /** Rule ids to turn off (say why where this is used). */
  disableRules?: string[];
}

/** Evaluates axe-core in the page's main world unless it is there already. */
export async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!present) await page.evaluate(source());
}

/**
 * Runs axe-core in the page's main world on `context` (default: the document) with `options`
 * (axe's run options) and returns the results of `type` as axe gives them.
 */
async function axeResults(
  page: Page,
  context: AxeOptions["context"],
  options: Record<string, unknown>,
  type: "violations" | "passes",
): Promise<Array<Record<string, unknown>>> {
  await injectAxe(page);
  return page.evaluate(
    async ({ context, options, type }) => {
      type AxeRun = (
        context: unknown,
        options: unknown,
      ) => Promise<Record<"violations" | "passes", Array<Record<string, unknown>>>>;
      const { axe } = window as unknown as { axe: { run: AxeRun } };
      return (await axe.run(context ?? document, options))[type];
    },
    { context: context ?? null, options, type },
  );
}

/** Runs axe on the page (or `options.context`) and returns its violations, every impact. */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const rules = Object.fromEntries(
    (options.disableRules ?? []).map((id) => [id, { enabled: false }]),
  );
  const violations = await axeResults(
    page,
    options.context,
    { resultTypes: ["violations"], rules },
    "violations",
  );
  return violations.map((v) => ({
    id: v.id as string,
    impact: (v.impact ?? null) as Impact | null,
    help: v.help as string,
    helpUrl: v.helpUrl as string,
    nodes: (v.nodes as Array<Record<string, unknown>>).map((n) => ({
      target: n.target as unknown[],
      html: n.html as string,
      failureSummary: (n.failureSummary ?? "") as string,
    })),
  }));
}

/**
 * The nodes one rule checked and found fine (axe's `passes`), as axe's selectors: proof that axe
 * looked where the test means it to (say, inside a shadow root).
 */
export async function axePasses(
  page: Page,
  rule: string,
  context: AxeOptions["context"] = undefined,
): Promise<unknown[][]> {
  const passes = await axeResults(
    page,
    context,
    { runOnly: [rule], resultTypes: ["passes"] },
    "passes",
  );
  return passes.flatMap((r) => (r.nodes as Array<{ target: unknown[] }>).map((n) => n.target));
}

/** Violations whose impact is serious or critical. */
export function seriousViolations(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Violations as text for an assertion message: rule, impact, help, then each node. */
export function formatViolations(violations: AxeViolation[], where = ""): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? "no impact"}): ${v.help} <${v.helpUrl}>`);
    for (const node of v.nodes) {
      lines.push(`    ${JSON.stringify(node.target)} ${node.html.slice(0, 200)}`);
      const summary = node.failureSummary.replace(/\s+/g, " ").trim();
      if (summary) lines.push(`      ${summary.slice(0, 400)}`);
    }
  }
  return lines.join("\n");
}
