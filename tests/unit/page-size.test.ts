/**
 * Measuring a page before reading it (lib/dom/page-size.ts) and slicing step-wise work
 * (entrypoints/content/timing.ts `runSliced`, lib/steps.ts).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHTML } from "linkedom";
import { leadingText, measurePage, PAGE_LIMITS, type PageLimits } from "../../lib/dom/page-size.ts";
import { runSliced, startRunTimer } from "../../lib/in-page/main-thread.ts";
import { runSteps, type Steps } from "../../lib/steps.ts";

function documentOf(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
}

const ROOMY: PageLimits = {
  elements: 100,
  textNodes: 100,
  pageChars: 1000,
  articleChars: 1000,
  depth: 20,
};

describe("measurePage", () => {
  test("a page within every limit is not over any", () => {
    const size = measurePage(documentOf("<p>Một <b>hai</b> ba.</p><p>Bốn</p>"), ROOMY);
    assert.equal(size.over, null);
    assert.equal(size.chars, "Một hai ba.Bốn".length);
    assert.equal(size.textNodes, 4);
    assert.ok(size.elements >= 6, `${size.elements} elements`);
  });

  test("each limit, alone, makes a page oversized", () => {
    const many = "<span>x</span>".repeat(120);
    assert.equal(measurePage(documentOf(many), ROOMY).over, "elements");
    const texts = "x<!-- -->".repeat(150);
    assert.equal(measurePage(documentOf(`<p>${texts}</p>`), ROOMY).over, "textNodes");
    assert.equal(measurePage(documentOf(`<p>${"chữ ".repeat(300)}</p>`), ROOMY).over, "pageChars");
    const deep = `${"<div>".repeat(25)}x${"</div>".repeat(25)}`;
    assert.equal(measurePage(documentOf(deep), ROOMY).over, "depth");
    assert.equal(measurePage(documentOf(deep), { ...ROOMY, depth: 40 }).over, null);
  });

  test("counting stops soon after a limit (a huge page is not walked to its end)", () => {
    const size = measurePage(documentOf(`<p>${"chữ ".repeat(5000)}</p>`.repeat(3)), ROOMY);
    assert.equal(size.over, "pageChars");
    assert.ok(size.chars < 3 * 5000 * 4, `${size.chars} characters counted`);
  });

  test("the default limits keep the seed pages' size well inside", () => {
    assert.ok(PAGE_LIMITS.elements >= 10 * 400);
    assert.ok(PAGE_LIMITS.pageChars >= 5 * 25_000);
    assert.ok(PAGE_LIMITS.articleChars <= PAGE_LIMITS.pageChars);
  });
});

describe("leadingText", () => {
  test("the beginning of the page's text, white space collapsed, scripts left out", () => {
    const doc = documentOf(
      "<script>var x = 1;</script><p>Nghị   quyết</p>\n<p><span>Đại</span> <span>hội</span></p>",
    );
    assert.equal(leadingText(doc, 1000), "Nghị quyết Đại hội");
    // The limit counts the page's characters, before white space is collapsed.
    assert.equal(leadingText(doc, 8), "Nghị q");
  });
});

function* counted(steps: number, log: number[]): Steps<string> {
  for (let i = 0; i < steps; i++) {
    log.push(i);
    yield;
  }
  return "done";
}

describe("runSliced", () => {
  test("gives the same result as running straight through, one measure a slice", async () => {
    const log: number[] = [];
    const before = performance.getEntriesByName("gvn:test-slices").length;
    const result = await runSliced(counted(50, log), startRunTimer(), "test-slices");
    assert.equal(result, "done");
    assert.deepEqual(
      log,
      Array.from({ length: 50 }, (_, i) => i),
    );
    assert.equal(runSteps(counted(3, [])), "done");
    const slices = performance.getEntriesByName("gvn:test-slices").length - before;
    assert.ok(slices >= 1 && slices <= 51, `${slices} slices`);
  });

  test("a slice ends once it used its time: slow steps get a slice each", async () => {
    function* slow(): Steps<number> {
      for (let i = 0; i < 4; i++) {
        const until = performance.now() + 12;
        while (performance.now() < until) {
          // busy: a step longer than a slice
        }
        yield;
      }
      return 4;
    }
    const before = performance.getEntriesByName("gvn:test-slow").length;
    assert.equal(await runSliced(slow(), startRunTimer(), "test-slow"), 4);
    assert.equal(performance.getEntriesByName("gvn:test-slow").length - before, 5);
  });

  test("stops between slices when cancelled", async () => {
    const log: number[] = [];
    function* slowCount(): Steps<string> {
      for (let i = 0; i < 10; i++) {
        log.push(i);
        const until = performance.now() + 10;
        while (performance.now() < until) {
          // busy
        }
        yield;
      }
      return "done";
    }
    const result = await runSliced(slowCount(), startRunTimer(), "test-cancel", () => true);
    assert.equal(result, undefined);
    assert.deepEqual(log, [0]);
  });
});
