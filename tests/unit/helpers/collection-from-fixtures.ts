/**
 * A collection built from seed pages by running the engine on them: each
 * page's article record and one snippet record per extracted item, as if the
 * reader had saved every item (`saveSnippets` makes the same records).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { extractFile } from "../../../lib/cli/extract-files.ts";
import type { PageAnalysis } from "../../../lib/page.ts";
import { articleInput, itemSnippet } from "../../../lib/snippets/build.ts";
import { articleKey, snippetId } from "../../../lib/snippets/keys.ts";
import type { ArticleRecord, SnippetRecord } from "../../../lib/snippets/types.ts";

export const FIXTURE_PAGES = path.resolve(import.meta.dirname, "../../fixtures/pages");

export interface FixtureCollection {
  articles: ArticleRecord[];
  snippets: SnippetRecord[];
}

/**
 * Runs `extractFile` on `tests/fixtures/pages/<name>/source.html` for each name and turns the
 * results into records. Article `i` is saved at `savedAt + i` minutes (later pages are newer).
 */
export async function collectionFromFixtures(
  names: readonly string[],
  savedAt: number = Date.UTC(2024, 0, 1),
): Promise<FixtureCollection> {
  const articles: ArticleRecord[] = [];
  const snippets: SnippetRecord[] = [];
  for (const [i, name] of names.entries()) {
    const file = path.join(FIXTURE_PAGES, name, "source.html");
    const outcome = await extractFile(file, {});
    if (!outcome.ok) throw new Error(outcome.error);
    const result = outcome.result;
    const analysis: PageAnalysis = {
      recognised: result.recognised,
      score: result.score,
      reasons: result.reasons,
      items: result.items,
      article: {
        ...result.article,
        level: result.article.level as PageAnalysis["article"]["level"],
        siteName: null,
      },
    };
    const url = result.article.canonicalUrl ?? pathToFileURL(file).href;
    const input = articleInput(analysis, url);
    const articleId = articleKey(input.url, input.canonicalUrl);
    const now = savedAt + i * 60_000;
    articles.push({ ...input, id: articleId, createdAt: now, updatedAt: now });
    for (const item of result.items) {
      const snippet = itemSnippet(result.article.text, item);
      snippets.push({
        ...snippet,
        id: snippetId(articleId, snippet.kind, snippet.anchor),
        articleId,
        note: "",
        tags: [],
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  return { articles, snippets };
}
