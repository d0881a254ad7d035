/**
 * Checks on what the content script sends before it is written: the fields that identify and
 * order records, as valibot schemas (built once). Other fields pass as they are. A failure throws
 * a `TypeError` naming the first bad field (`snippets[1].kind must be one of …`), so nothing is
 * written.
 */
import * as v from "valibot";
import type { ArticleInput, SnippetInput, SnippetKind } from "../snippets/types.ts";

export const SNIPPET_KINDS: readonly SnippetKind[] = ["target", "result", "deadline", "excerpt"];

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** "must be … (got …)": the path is put in front by `firstProblem`. */
const mustBe =
  (what: string) =>
  (issue: v.BaseIssue<unknown>): string =>
    `must be ${what} (got ${describe(issue.input)})`;

const string = v.string(mustBe("a string"));

const finite = v.pipe(v.number("must be a finite number"), v.finite("must be a finite number"));

const ArticleInputSchema = v.looseObject(
  {
    url: v.pipe(
      v.string(mustBe("a non-empty string")),
      v.check((url) => url.trim() !== "", mustBe("a non-empty string")),
    ),
    canonicalUrl: v.nullable(v.string(mustBe("a string or null"))),
    snapshot: string,
  },
  mustBe("an object"),
);

const SnippetInputSchema = v.looseObject(
  {
    kind: v.picklist(SNIPPET_KINDS, mustBe(`one of ${SNIPPET_KINDS.join(", ")}`)),
    anchor: v.looseObject(
      { quote: string, prefix: string, suffix: string, start: finite, end: finite },
      "must be an object",
    ),
  },
  mustBe("an object"),
);

const SnippetsInputSchema = v.array(SnippetInputSchema, "must be an array");

/** `snippets[0].anchor.quote`: the value's path below `root`. */
function pathOf(root: string, issue: v.BaseIssue<unknown>): string {
  let path = root;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  }
  return path;
}

/** Throws a `TypeError` naming the first problem of `value`, if it has one. */
function check<S extends v.GenericSchema>(schema: S, value: unknown, root: string): void {
  const result = v.safeParse(schema, value, { abortEarly: true });
  const issue = result.issues?.[0];
  if (issue) throw new TypeError(`${pathOf(root, issue)} ${issue.message}`);
}

/** Throws unless `article` has a non-empty URL, a nullable canonical URL and a text snapshot. */
export function validateArticle(article: ArticleInput): void {
  check(ArticleInputSchema, article, "article");
}

/** Throws unless `snippets` is an array of snippets with a known kind and an anchor with a text quote, context and offsets. */
export function validateSnippets(snippets: readonly SnippetInput[]): void {
  check(SnippetsInputSchema, snippets, "snippets");
}
