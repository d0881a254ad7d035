import { E2E_PAGES_DIR, FIXTURE_PAGES_DIR, launchBrowserWithExtension, startPortalServer } from "./scripts/lib/browser.ts";
import { saveReviewArticles, saveSeedArticles } from "./scripts/lib/seed-collection.ts";
const server = await startPortalServer(FIXTURE_PAGES_DIR, { staticDir: E2E_PAGES_DIR });
const browser = await launchBrowserWithExtension({ viewport: { width: 1400, height: 1000 } });
try {
  console.log(await saveSeedArticles(browser, server));
  console.log(await saveReviewArticles(browser, server));
  const page = await browser.context.newPage();
  page.on("console", (m) => console.log("console:", m.text()));
  await page.goto(`chrome-extension://${browser.extensionId}/collection.html?tab=compare`);
  await page.locator('input[data-source="l:Trà Vinh"]').check();
  await page.locator('input[data-source="l:Cẩm Giàng"]').check();
  await page.locator("table.compare-table tr[data-category]").first().waitFor();
  await page.screenshot({ path: "/tmp/gs/shot-compare.png", fullPage: true });
  await page.locator("table.compare-table a").first().focus();
  await page.screenshot({ path: "/tmp/gs/shot-focus.png" });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "/tmp/gs/shot-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  const html = await page.locator("table.compare-table").evaluate((t) => t.innerText);
  console.log(html.slice(0, 4000));
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 800, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByRole("tab", { name: "So sánh" }).click();
  await popup.locator('input[data-source="l:Trà Vinh"]').check();
  await popup.locator('input[data-source="l:Cẩm Giàng"]').check();
  await popup.locator("table.compare-table tr[data-category]").first().waitFor();
  await popup.screenshot({ path: "/tmp/gs/shot-popup.png" });
} finally {
  await browser.close();
  await server.close();
}
