/**
 * `npm run eval -- --republished`: how well the content fingerprint (lib/article/fingerprint.ts)
 * tells the same article republished on other portals from different articles, on the corpus.
 *
 * - Same-article pairs: each corpus article rendered into three portal layouts at three addresses,
 *   with the small edits republishing makes (a byline or a source line, a photo caption, the lead
 *   or the last paragraph dropped, a figure retyped, the headline reworded), each read back
 *   through the command line's reader (Readability on the page, as the extension reads it); the
 *   three pairs of each article.
 * - Different-article pairs: every pair of two corpus articles, each in its own layout.
 *
 * A missed merge is a same-article pair below the threshold, a false merge a different-article
 * pair at or above it.
 */
import {
  SAME_ARTICLE_SIMILARITY,
  signatureSimilarity,
  textSignature,
} from "../../lib/article/fingerprint.ts";
import { extractRecord } from "../../lib/cli/extract-files.ts";
import type { CorpusArticle } from "../../lib/evaluation/corpus.ts";
import {
  articleFromText,
  LATE_BODY_FAMILY,
  LAYOUT_FAMILIES,
  type LayoutArticle,
  type LayoutFamily,
  portalHost,
  renderInLayout,
} from "./layouts.ts";

const FAMILIES = LAYOUT_FAMILIES.filter((family) => family !== LATE_BODY_FAMILY);

export interface RepublishedEvaluation {
  threshold: number;
  samePairs: number;
  missedMerges: number;
  differentPairs: number;
  falseMerges: number;
  /** Articles too short for a fingerprint (left out of both counts). */
  tooShort: number;
  /** The lowest same-article similarity and the highest different-article one. */
  lowestSame: number;
  highestDifferent: number;
  /** Histogram rows: similarity band → [same pairs, different pairs]. */
  bands: Array<{ from: number; same: number; different: number }>;
  /** The closest different-article pairs, for a reader to check. */
  closestDifferent: Array<{ a: string; b: string; similarity: number }>;
  lowestSamePairs: Array<{ id: string; similarity: number }>;
}

/** The read text of an article rendered into `family` at `url`. */
function readBack(article: LayoutArticle, family: LayoutFamily): string {
  const outcome = extractRecord({ url: article.url, html: renderInLayout(family, article) }, {});
  return outcome.ok ? outcome.result.article.text : "";
}

/** Retypes the first number of the paragraph (`95` → `96`), as a portal that corrects a figure. */
function retypeFigure(paragraph: string): string {
  return paragraph.replace(/\d+/, (n) => String(Number(n) + 1));
}

/** The three republications of an article: each with its own edits. */
function republications(article: CorpusArticle): LayoutArticle[] {
  const base = articleFromText(article.text, article.date, article.url);
  const host = portalHost(article.url);
  const paragraphs = base.paragraphs;
  const first = paragraphs.findIndex((p) => /\d/.test(p));
  const edited = paragraphs.map((p, i) => (i === first ? retypeFigure(p) : p));
  return [
    { ...base, url: `http://${host}/tin-tuc/${article.id}.html` },
    {
      ...base,
      headline: `${base.headline} (tin tổng hợp)`,
      paragraphs: ["Ảnh: Quang cảnh hội nghị.", ...paragraphs, "Nguồn: Ban Tuyên giáo."],
      url: `http://baodientu-${article.id}.gov.vn/chinh-tri/${article.id}.html`,
    },
    {
      ...base,
      paragraphs: (paragraphs.length > 4 ? edited.slice(1, -1) : edited).concat(["PV"]),
      url: `http://tinh-${article.id}.gov.vn/bai-viet/${article.id}.html`,
    },
  ];
}

export function evaluateRepublished(
  corpus: readonly CorpusArticle[],
  threshold = SAME_ARTICLE_SIMILARITY,
): RepublishedEvaluation {
  const same: Array<{ id: string; similarity: number }> = [];
  const own: Array<{ id: string; signature: number[] }> = [];
  let tooShort = 0;
  for (const [n, article] of corpus.entries()) {
    const copies = republications(article);
    const signatures = copies.map((copy, i) =>
      textSignature(readBack(copy, FAMILIES[(n + i * 2) % FAMILIES.length] as LayoutFamily)),
    );
    if (signatures.some((s) => s === null)) {
      tooShort++;
      continue;
    }
    const [a, b, c] = signatures as [number[], number[], number[]];
    own.push({ id: article.id, signature: a });
    for (const [x, y] of [
      [a, b],
      [a, c],
      [b, c],
    ] as const)
      same.push({ id: article.id, similarity: signatureSimilarity(x, y) });
  }
  const different: Array<{ a: string; b: string; similarity: number }> = [];
  for (let i = 0; i < own.length; i++)
    for (let j = i + 1; j < own.length; j++) {
      const x = own[i] as (typeof own)[number];
      const y = own[j] as (typeof own)[number];
      different.push({
        a: x.id,
        b: y.id,
        similarity: signatureSimilarity(x.signature, y.signature),
      });
    }
  const bands = Array.from({ length: 10 }, (_, i) => ({
    from: i / 10,
    same: same.filter((p) => Math.min(9, Math.floor(p.similarity * 10)) === i).length,
    different: different.filter((p) => Math.min(9, Math.floor(p.similarity * 10)) === i).length,
  }));
  return {
    threshold,
    samePairs: same.length,
    missedMerges: same.filter((p) => p.similarity < threshold).length,
    differentPairs: different.length,
    falseMerges: different.filter((p) => p.similarity >= threshold).length,
    tooShort,
    lowestSame: Math.min(...same.map((p) => p.similarity)),
    highestDifferent: Math.max(...different.map((p) => p.similarity)),
    bands,
    closestDifferent: [...different].sort((x, y) => y.similarity - x.similarity).slice(0, 8),
    lowestSamePairs: [...same].sort((x, y) => x.similarity - y.similarity).slice(0, 8),
  };
}
