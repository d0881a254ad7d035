/**
 * The panel and the card as a reader uses them, in real Chromium: the panel's buttons keep to one
 * line in every state, `Esc` closes the card from anywhere in the card or the panel, and an open
 * card never hides a highlight the reader can still click.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { openArticle } from "./helpers/article-tab.ts";
import { eventually, normalizeSpace } from "./helpers/compare.ts";
import { fixtureUrl, loadFixturePage } from "./helpers/fixtures.ts";
import { focusSettledOn, UI_HOST, ui } from "./helpers/page.ts";
import { useExtensionSession } from "./helpers/session.ts";

const FIXTURE = loadFixturePage("travinh-tracu-hoc-tap-nghi-quyet-tinh");

/** How many text lines each of the panel's controls takes (distinct line boxes of its text). */
async function lineCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate((hostName) => {
    const root = document.querySelector(hostName)?.shadowRoot;
    const out: Record<string, number> = {};
    for (const element of root?.querySelectorAll<HTMLElement>(
      ".panel [data-action], .panel .position",
    ) ?? []) {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set<number>();
      for (const rect of range.getClientRects()) {
        if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      out[element.getAttribute("data-action") ?? "position"] = tops.size;
    }
    return out;
  }, UI_HOST);
}

/** The text of the element focused inside the card or panel: which region holds the focus. */
async function focusRegion(page: Page): Promise<"card" | "panel" | null> {
  return page.evaluate((hostName) => {
    const active = document.querySelector(hostName)?.shadowRoot?.activeElement;
    if (!active) return null;
    if (active.closest(".card")) return "card";
    if (active.closest(".panel")) return "panel";
    return null;
  }, UI_HOST);
}

/** A highlight's line box centre, in viewport coordinates. */
interface HighlightSpot {
  text: string;
  x: number;
  y: number;
}

/**
 * Scrolls the paragraph holding `marker` to the middle of the viewport and returns the centre of
 * the first line box of each highlight in it (document order), leaving out a highlight whose
 * centre lies in another one's box (a click there would go to the smaller one).
 */
async function paragraphSpots(page: Page, marker: string): Promise<HighlightSpot[]> {
  return page.evaluate((marker) => {
    const paragraph = [...document.querySelectorAll("p")].find((p) =>
      p.textContent?.includes(marker),
    );
    if (!paragraph) throw new Error(`no paragraph with ${marker}`);
    paragraph.scrollIntoView({ block: "center", behavior: "instant" });
    const ranges: Range[] = [];
    for (const name of ["gvn-target", "gvn-result", "gvn-deadline"]) {
      for (const range of CSS.highlights.get(name) ?? []) {
        if (range instanceof Range && paragraph.contains(range.startContainer)) ranges.push(range);
      }
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const spots: Array<{ text: string; x: number; y: number }> = [];
    for (const range of ranges) {
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const shared = ranges.some(
        (other) =>
          other !== range &&
          [...other.getClientRects()].some(
            (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom,
          ),
      );
      if (!shared) spots.push({ text: range.toString(), x, y });
    }
    return spots;
  }, marker);
}

/** The spots the open card covers (what is under each spot is the card, in the UI's root). */
async function coveredByCard(page: Page, spots: HighlightSpot[]): Promise<string[]> {
  return page.evaluate(
    ({ hostName, spots }) => {
      const root = document.querySelector(hostName)?.shadowRoot;
      if (!root) return [];
      return spots
        .filter((spot) => root.elementFromPoint(spot.x, spot.y)?.closest(".card"))
        .map((spot) => spot.text);
    },
    { hostName: UI_HOST, spots },
  );
}

describe("panel and card: layout, Escape, covered highlights", () => {
  const session = useExtensionSession({ cleanUp: () => page?.close() });
  let page: Page;

  before(async () => {
    // In front: pointer and focus handling need the front tab.
    ({ page } = await openArticle(session.browser, fixtureUrl(session.server, FIXTURE, "ux")));
  });

  test("the panel's buttons keep to one line in every state", async () => {
    const { next, previous, panel } = ui(page);
    assert.equal((await next.textContent())?.trim(), "Mục sau ›");
    assert.equal((await previous.textContent())?.trim(), "‹ Mục trước");
    const states: string[] = [];
    const check = async (state: string) => {
      const lines = await lineCounts(page);
      states.push(state);
      assert.ok(Object.keys(lines).length >= 4, `the panel's controls are measured: ${state}`);
      for (const [control, count] of Object.entries(lines)) {
        assert.equal(count, 1, `${control} takes one line (${state}): ${JSON.stringify(lines)}`);
      }
    };
    await check("before moving");
    assert.match((await panel.locator(".position").textContent()) ?? "", /^Mục – \/ \d+$/);
    await ui(page).panel.screenshot({ path: "/tmp/gs/wt-ux-panel-initial.png" });
    // Move far enough for a two-digit position ("Mục 12 / 22").
    for (let i = 1; i <= 12; i++) {
      await next.click();
      await panel.locator(".position", { hasText: new RegExp(`^Mục ${i} /`) }).waitFor();
      await check(`after Mục sau ×${i}`);
    }
    await previous.click();
    await panel.locator(".position", { hasText: /^Mục 11 \// }).waitFor();
    await check("after Mục trước");
    await page.keyboard.press("Escape");
    await ui(page).card.waitFor({ state: "detached" });
    await check("card closed, position kept");
    await page.screenshot({ path: "/tmp/gs/wt-ux-panel.png" });
  });

  test("Escape closes the card with the focus on the panel, where the focus stays", async () => {
    const { next, card } = ui(page);
    await next.click();
    await card.waitFor();
    for (const target of ["[data-action=previous]", "[data-action=next]", "input[data-kind]"]) {
      if (!(await card.isVisible())) {
        await next.click();
        await card.waitFor();
      }
      await ui(page).panel.locator(target).first().focus();
      assert.equal(await focusRegion(page), "panel", `the focus is on the panel's ${target}`);
      await page.keyboard.press("Escape");
      await card.waitFor({ state: "detached", timeout: 2_000 });
      assert.equal(await focusRegion(page), "panel", `the focus stays on the panel (${target})`);
    }
  });

  test("Escape closes the card from each of its controls, and from its text", async () => {
    const { next, card } = ui(page);
    for (const where of ["save", "copy", "close", "quote"]) {
      await next.focus();
      await page.keyboard.press("Enter");
      await card.waitFor();
      await eventually(
        () => focusRegion(page),
        (region) => region === "card",
      );
      if (where === "quote") {
        // A click on the card's text: the focus leaves the buttons, the card stays open.
        await ui(page).cardQuote.click();
      } else if (where === "close") {
        await card.locator("button.icon").focus();
      } else {
        await card.locator(`[data-action=${where}]`).focus();
      }
      await page.keyboard.press("Escape");
      await card.waitFor({ state: "detached", timeout: 2_000 });
      if (where !== "quote") {
        // The focus goes back to the panel's next button, where the reader was.
        assert.equal(
          await focusSettledOn(page, "next"),
          "next",
          `Escape from ${where}: the focus is back on next`,
        );
      }
    }
  });

  test("after moving onto a saved item the card still takes the focus and Escape closes it", async () => {
    const { next, card, cardSave } = ui(page);
    await next.click();
    await card.waitFor();
    const quote = normalizeSpace((await ui(page).cardQuote.textContent()) ?? "");
    await cardSave.click();
    await card.locator("[data-action=save]", { hasText: "Đã lưu" }).waitFor();
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "detached" });
    // Back onto the saved item from the panel, by keyboard.
    await next.focus();
    await page.keyboard.press("Enter");
    await card.waitFor();
    await ui(page).previous.focus();
    await page.keyboard.press("Enter");
    await card.locator(".quote", { hasText: quote.slice(0, 30) }).waitFor();
    assert.equal(
      await eventually(
        () => focusRegion(page),
        (region) => region === "card",
      ),
      "card",
      "the card of a saved item takes the focus (its save button is disabled)",
    );
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "detached", timeout: 2_000 });
  });

  test("an open card covers no highlight of a dense paragraph, and a click on a neighbour switches to it", async () => {
    const { card, cardQuote } = ui(page);
    if (await card.isVisible()) {
      await page.keyboard.press("Escape");
      await card.waitFor({ state: "detached" });
    }
    // Nineteen highlights in seven lines: "… Tăng trưởng kinh tế GRDP bình quân hằng năm …".
    const spots = await paragraphSpots(page, "Tăng trưởng kinh tế GRDP");
    assert.ok(spots.length >= 10, `a dense paragraph: ${spots.length} highlights`);
    let switched = 0;
    for (const [i, spot] of spots.entries()) {
      await page.mouse.click(spot.x, spot.y);
      await cardQuote.filter({ hasText: normalizeSpace(spot.text).slice(0, 20) }).waitFor();
      // The card has settled once its measured size is used: two frames.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      const others = spots.filter((_, j) => j !== i);
      assert.deepEqual(
        await coveredByCard(page, [spot, ...others]),
        [],
        `the card of “${spot.text}” leaves every highlight uncovered`,
      );
      // The neighbour on the next line down (under where a card used to open), else the next one.
      const below = others
        .filter((o) => o.y > spot.y + 5)
        .sort((a, b) => a.y - b.y || Math.abs(a.x - spot.x) - Math.abs(b.x - spot.x))[0];
      const neighbour = below ?? spots[i + 1];
      if (!neighbour) continue;
      await page.mouse.click(neighbour.x, neighbour.y);
      await cardQuote
        .filter({ hasText: normalizeSpace(neighbour.text).slice(0, 20) })
        .waitFor({ timeout: 2_000 });
      assert.equal(
        normalizeSpace((await cardQuote.textContent()) ?? ""),
        normalizeSpace(neighbour.text),
        `a click on “${neighbour.text}” switches the card to it`,
      );
      switched++;
    }
    assert.ok(switched >= 10, `${switched} neighbours clicked`);
    await page.screenshot({ path: "/tmp/gs/wt-ux-card.png" });
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "detached" });
  });

  test("no errors on the page or in the extension", () => {
    assert.equal(session.errors.errors.length, 0, session.errors.format());
  });
});
