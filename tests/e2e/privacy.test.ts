/**
 * The extension makes no network request of its own. A full reader's session in Chromium — two seed
 * articles, hovering and clicking a highlight, saving from the card, "Lưu tất cả", a reload, the
 * popup (as a tab) on each of its tabs, the collection page on each tab with a comparison, a CSV
 * and a JSON export and the import of that JSON, the options page — is recorded three ways (see
 * helpers/network.ts): Playwright's request events (pages and the service worker), a DevTools
 * session per page (who initiated each request) and a proxy all the browser's traffic goes through.
 * Then:
 *
 * - the service worker requests nothing from the network;
 * - the extension's pages load only their own `chrome-extension://<id>/` files (and data:/blob:);
 * - no request on a portal page was started by the extension's scripts (content script, article
 *   tools), and every request made there is one the same pages make without the extension;
 * - every request that reached the network (the proxy) is one of those page loads or Chromium's
 *   own service traffic, and none carries the extension's origin or id;
 * - the extension had no context (offscreen document, worker…) the recording could not see.
 *
 * A last test makes deliberate requests from the service worker, an extension page and the content
 * script's world (and two through the proxy from outside) and checks the same rules catch each.
 */
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import {
  collectErrors,
  type ErrorCollector,
  type ExtensionBrowser,
  launchBrowserWithExtension,
  launchPlainBrowser,
  type PortalServer,
  waitForReading,
} from "./harness.ts";
import { CAMGIANG, type FixturePage, fixtureUrl, TRAVINH } from "./helpers/fixtures.ts";
import {
  type InitiatedRequest,
  type NetworkRecorder,
  type ProxiedRequest,
  type RecordingProxy,
  recordNetwork,
  type SeenRequest,
  type SeenTarget,
  startRecordingProxy,
} from "./helpers/network.ts";
import { HIGHLIGHT, highlightPoint, ui } from "./helpers/page.ts";
import { startFixturePortal } from "./helpers/session.ts";

/** Schemes that go to the network. */
const NETWORK_URL = /^(https?|wss?|ftp):/i;
/** Chromium's own service traffic (component updates, sign-in, autofill), not the extension's. */
const CHROMIUM_SERVICES = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|gvt2\.com)$/i;
/** Host names the test's pages live on; the proxy passes them on to the local portal server. */
const PORTAL_HOST = /(^|\.)(gov\.vn|example\.test)$/i;

interface Violation {
  rule: string;
  detail: string;
}

/** Indexes into the recordings: what happened after a point of the session. */
interface Mark {
  requests: number;
  initiated: number;
  targets: number;
  proxied: number;
}

interface Recording {
  requests: SeenRequest[];
  initiated: InitiatedRequest[];
  targets: SeenTarget[];
  proxied: ProxiedRequest[];
}

const key = (method: string, url: string) => `${method} ${url.replace(/#.*$/, "")}`;

/** `host:port` of a network URL, with the scheme's default port. */
function hostPort(url: string): string {
  const u = new URL(url);
  const port = u.port || (/^(https|wss):$/.test(u.protocol) ? "443" : "80");
  return `${u.hostname}:${port}`;
}

/**
 * Everything in the recording that breaks a rule (see the comment at the top). `baseline`: the
 * requests (`METHOD url`) the same pages make in Chromium without the extension.
 */
function findViolations(
  recording: Recording,
  extensionId: string,
  baseline: Set<string>,
): Violation[] {
  const violations: Violation[] = [];
  const own = `chrome-extension://${extensionId}/`;
  const isExtensionUrl = (url: string) => url.startsWith("chrome-extension://");

  for (const r of recording.requests) {
    if (r.serviceWorkerUrl) {
      if (NETWORK_URL.test(r.url)) {
        violations.push({
          rule: "service worker",
          detail: `${r.serviceWorkerUrl} requested ${r.method} ${r.url}`,
        });
      }
      continue;
    }
    if (isExtensionUrl(r.frameUrl) || isExtensionUrl(r.pageUrl)) {
      if (!(r.url.startsWith(own) || /^(data|blob):/.test(r.url))) {
        violations.push({
          rule: "extension page",
          detail: `${r.frameUrl || r.pageUrl} requested ${r.method} ${r.url} (${r.resourceType})`,
        });
      }
      continue;
    }
    if (NETWORK_URL.test(r.url) && !baseline.has(key(r.method, r.url))) {
      violations.push({
        rule: "portal page",
        detail: `${r.method} ${r.url} (${r.resourceType}) from ${r.frameUrl}: not made without the extension`,
      });
    }
  }

  for (const r of recording.initiated) {
    const scripts = r.initiatorUrls.filter(isExtensionUrl);
    if (NETWORK_URL.test(r.url) && scripts.length > 0) {
      violations.push({
        rule: "initiated by the extension",
        detail: `${r.method} ${r.url} on ${r.documentUrl}, started by ${scripts.join(", ")}`,
      });
    }
  }

  const seenHttp = new Set(recording.requests.map((r) => key(r.method, r.url)));
  const seenTunnels = new Set(
    recording.requests.filter((r) => /^(https|wss):/i.test(r.url)).map((r) => hostPort(r.url)),
  );
  for (const p of recording.proxied) {
    const marks = [p.headers.origin, p.headers.referer]
      .filter((h): h is string => typeof h === "string")
      .filter((h) => h.startsWith("chrome-extension://"));
    if (marks.length > 0 || `${p.target} ${p.body}`.includes(extensionId)) {
      violations.push({
        rule: "network: the extension's origin or id",
        detail: `${p.method} ${p.target} (origin/referer ${marks.join(", ") || "-"})`,
      });
      continue;
    }
    const accounted =
      p.method === "CONNECT" ? seenTunnels.has(p.target) : seenHttp.has(key(p.method, p.target));
    if (accounted || CHROMIUM_SERVICES.test(p.host) || baseline.has(key(p.method, p.target))) {
      continue;
    }
    violations.push({
      rule: "network: unaccounted",
      detail: `${p.method} ${p.target} reached the network, and no page the test opened made it`,
    });
  }

  // A target's type as it was created (a closing page turns "other" in its last update).
  const watchedTypes = ["page", "service_worker", "iframe"];
  const byTarget = new Map<string, { types: Set<string>; urls: Set<string> }>();
  for (const t of recording.targets) {
    const entry = byTarget.get(t.targetId) ?? { types: new Set(), urls: new Set() };
    entry.types.add(t.type);
    entry.urls.add(t.url);
    byTarget.set(t.targetId, entry);
  }
  for (const { types, urls } of byTarget.values()) {
    const extensionUrls = [...urls].filter(isExtensionUrl);
    if (extensionUrls.length > 0 && !watchedTypes.some((type) => types.has(type))) {
      violations.push({
        rule: "unwatched context",
        detail: `a ${[...types].join("/")} target ${extensionUrls.join(", ")}: its requests were not recorded`,
      });
    }
  }
  return violations;
}

function formatViolations(violations: Violation[]): string {
  return violations.map((v) => `  [${v.rule}] ${v.detail}`).join("\n");
}

/** Waits for the collection interface's first render with data (`gvn:collection-rendered`). */
async function waitForCollectionRendered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName("gvn:collection-rendered", "mark").length > 0,
    undefined,
    { timeout: 15_000 },
  );
}

async function selectTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await page.locator("[role=tab][aria-selected=true]", { hasText: name }).waitFor();
}

describe("privacy: the extension makes no network request of its own", () => {
  let server: PortalServer;
  let proxy: RecordingProxy;
  let browser: ExtensionBrowser;
  let errors: ErrorCollector;
  let recorder: NetworkRecorder;
  /** Requests (`METHOD url`) the seed pages make in Chromium without the extension. */
  const baseline = new Set<string>();
  let sessionDone = false;
  /** The first proxied request of the extension's browser (before it: the baseline's). */
  let proxyStart = 0;
  /** The recording of the session (until the self-checks). */
  let session: Recording;

  const mark = (): Mark => ({
    requests: recorder.requests.length,
    initiated: recorder.initiated.length,
    targets: recorder.targets.length,
    proxied: proxy.requests.length,
  });
  const since = (from: Mark): Recording => ({
    requests: recorder.requests.slice(from.requests),
    initiated: recorder.initiated.slice(from.initiated),
    targets: recorder.targets.slice(from.targets),
    proxied: proxy.requests.slice(from.proxied),
  });

  /** The reader's loads of the seed articles: the same in the baseline and the session. */
  const articleUrl = (fixture: FixturePage) => fixtureUrl(server, fixture);

  before(async () => {
    server = await startFixturePortal();
    proxy = await startRecordingProxy((url) =>
      PORTAL_HOST.test(url.hostname) && Number(url.port) === server.port ? server.port : null,
    );

    // Baseline: the same page loads in Chromium without the extension, through the same proxy.
    const fromProxy = proxy.requests.length;
    const plain = await launchPlainBrowser({ extraArgs: [proxy.arg] });
    try {
      plain.context.on("request", (r) => baseline.add(key(r.method(), r.url())));
      const page = await plain.context.newPage();
      await page.goto(articleUrl(TRAVINH));
      await page.reload();
      await page.goto(articleUrl(CAMGIANG));
      await page.waitForTimeout(500);
    } finally {
      await plain.close();
    }
    for (const p of proxy.requests.slice(fromProxy)) {
      if (PORTAL_HOST.test(p.host)) baseline.add(key(p.method, p.target));
    }

    proxyStart = proxy.requests.length;
    browser = await launchBrowserWithExtension({ extraArgs: [proxy.arg] });
    errors = collectErrors(browser.context);
    recorder = await recordNetwork(browser.context);
  });

  after(async () => {
    errors?.dispose();
    await recorder?.stop();
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  const extensionUrl = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

  /** The session ran, and broke none of the rules `which` picks. */
  const assertNoViolations = (which: (v: Violation) => boolean) => {
    assert.ok(sessionDone, "the session ran");
    const found = findViolations(session, browser.extensionId, baseline).filter(which);
    assert.deepEqual(found, [], formatViolations(found));
  };

  test("a full session: articles, card, saving, reload, popup, collection, export, import, options", async () => {
    // The proxy recorded the browser from its start (the service worker's first run included).
    const start: Mark = { requests: 0, initiated: 0, targets: 0, proxied: proxyStart };

    // Trà Vinh: hover a target, click it, save it from the card; then save all; then reload.
    const travinh = await recorder.newPage();
    await travinh.goto(articleUrl(TRAVINH));
    await travinh.bringToFront();
    await waitForReading(travinh, { recognised: true });
    const { card, cardSave, saveAll, panel } = ui(travinh);
    const point = await highlightPoint(travinh, HIGHLIGHT.target, 0);
    await travinh.mouse.move(point.x, point.y);
    await card.waitFor({ timeout: 3_000 }); // opened by hovering
    await travinh.mouse.click(point.x, point.y);
    await cardSave.click();
    await card.locator("[data-action=save]", { hasText: "Đã lưu ✓" }).waitFor();
    await travinh.keyboard.press("Escape");
    await saveAll.click();
    const travinhCount = TRAVINH.expected.items.length;
    await panel.locator(`[data-saved-count="${travinhCount}"]`).waitFor();
    await travinh.reload();
    await waitForReading(travinh, { recognised: true });
    await ui(travinh).panel.locator(`[data-saved-count="${travinhCount}"]`).waitFor();

    // Cẩm Giàng: save all.
    const camgiang = await recorder.newPage();
    await camgiang.goto(articleUrl(CAMGIANG));
    await camgiang.bringToFront();
    await waitForReading(camgiang, { recognised: true });
    await ui(camgiang).saveAll.click();
    const camgiangCount = CAMGIANG.expected.items.length;
    await ui(camgiang).panel.locator(`[data-saved-count="${camgiangCount}"]`).waitFor();

    // The popup, as a tab, on each of its tabs.
    const popup = await recorder.newPage();
    await popup.goto(extensionUrl("popup.html"));
    await popup.bringToFront();
    await waitForCollectionRendered(popup);
    for (const name of ["Bộ sưu tập", "So sánh", "Xuất / Nhập", "Trang này"]) {
      await selectTab(popup, name);
    }
    await popup.close();

    // The collection page: the list, a comparison, exports, and the import of the JSON export.
    const collection = await recorder.newPage();
    await collection.goto(extensionUrl("collection.html"));
    await collection.bringToFront();
    await waitForCollectionRendered(collection);
    await collection.locator(`[data-results="${travinhCount + camgiangCount}"]`).waitFor();
    await selectTab(collection, "So sánh");
    await collection.locator('input[data-source="l:Trà Vinh"]').check();
    await collection.locator('input[data-source="l:Cẩm Giàng"]').check();
    await collection.locator("table.compare-table tr[data-category]").first().waitFor();
    await selectTab(collection, "Xuất / Nhập");
    const downloads: Record<string, string> = {};
    for (const format of ["csv", "json"]) {
      const [download] = await Promise.all([
        collection.waitForEvent("download"),
        collection.locator(`[data-export=${format}]`).click(),
      ]);
      assert.equal(await download.failure(), null, `${format} export downloaded`);
      downloads[format] = await download.path();
      await collection
        .getByRole("status")
        .filter({ hasText: /^Đã xuất / })
        .waitFor();
    }
    await collection.locator("input[data-import=json]").setInputFiles(downloads.json as string);
    await collection
      .getByRole("status")
      .filter({ hasText: /^Đã nhập: / })
      .waitFor();
    await selectTab(collection, "Bộ sưu tập");
    await collection.close();

    // The options page.
    const options = await recorder.newPage();
    await options.goto(extensionUrl("options.html"));
    await options.locator("main h1").waitFor();
    await options.close();

    // Anything the extension does later (timers, storage events) is in the recording too.
    await travinh.waitForTimeout(1_500);
    session = since(start);
    sessionDone = true;

    const fromExtension = session.requests.filter(
      (r) => r.serviceWorkerUrl || r.pageUrl.startsWith("chrome-extension://"),
    ).length;
    console.log(
      `  recorded: ${session.requests.length} requests (Playwright; ${fromExtension} in the ` +
        `extension's pages and worker), ${session.initiated.length} with their initiator ` +
        `(DevTools), ${session.proxied.length} through the proxy, ${session.targets.length} ` +
        `target events; baseline without the extension: ${baseline.size} requests`,
    );
    await travinh.close();
    await camgiang.close();
  });

  test("the recording is complete: the proxy saw the page loads, DevTools saw every page request", () => {
    assert.ok(sessionDone, "the session ran (previous test)");
    const documents = session.requests.filter(
      (r) => r.resourceType === "document" && /^http:/.test(r.url),
    );
    assert.ok(documents.length >= 3, `the article loads and the reload: ${documents.length}`);
    const proxied = new Set(session.proxied.map((p) => key(p.method, p.target)));
    for (const r of documents) {
      assert.ok(proxied.has(key(r.method, r.url)), `the proxy saw ${r.url}`);
    }
    const extensionPages = session.requests.filter((r) =>
      r.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
    assert.ok(extensionPages.length >= 4, "the extension pages' own files were recorded");
    // Every request on a page was seen by the page's DevTools session too (its initiator known).
    const initiated = new Set(session.initiated.map((r) => key(r.method, r.url)));
    const missing = session.requests
      .filter((r) => !r.serviceWorkerUrl && NETWORK_URL.test(r.url))
      .filter((r) => !initiated.has(key(r.method, r.url)));
    assert.deepEqual(
      missing.map((r) => r.url),
      [],
      "page requests without a DevTools record",
    );
    const targetTypes = new Set(session.targets.map((t) => t.type));
    assert.ok(targetTypes.has("page"), `target discovery works: ${[...targetTypes].join(", ")}`);
  });

  test("the service worker and the extension's pages request nothing from the network", () => {
    assertNoViolations((v) => ["service worker", "extension page"].includes(v.rule));
  });

  test("no request on a portal page was started by the extension's scripts", () => {
    assertNoViolations((v) => v.rule === "initiated by the extension");
  });

  test("the portal pages made only the requests they make without the extension", () => {
    assertNoViolations((v) => v.rule === "portal page");
  });

  test("the network saw nothing from the extension: page loads and Chromium's own services only", () => {
    assert.ok(sessionDone, "the session ran");
    const chromium = [
      ...new Set(session.proxied.filter((p) => CHROMIUM_SERVICES.test(p.host)).map((p) => p.host)),
    ];
    if (chromium.length > 0) console.log(`  Chromium's own traffic: ${chromium.join(", ")}`);
    assertNoViolations((v) => v.rule.startsWith("network"));
  });

  test("the extension had no context the recording could not see", () => {
    assertNoViolations((v) => v.rule === "unwatched context");
    const ownTargets = session.targets.filter((t) => t.url.startsWith("chrome-extension://"));
    assert.ok(
      ownTargets.some((t) => t.type === "page"),
      `the extension's pages are among the targets: ${JSON.stringify(ownTargets)}`,
    );
  });

  test("self-check: deliberate requests from the worker, a page of the extension and the content script are caught", async () => {
    assert.ok(sessionDone, "the session ran");
    const from = mark();
    const id = browser.extensionId;

    // 1. The service worker fetches from the network.
    await browser.serviceWorker.evaluate(() =>
      fetch("http://example.test/gvn-self-check/worker").then(
        () => "answered",
        () => "failed",
      ),
    );

    // 2. An extension page fetches from the network.
    const page = await recorder.newPage();
    await page.goto(extensionUrl("options.html"));
    await page.evaluate(() =>
      fetch("https://example.test/gvn-self-check/page").then(
        () => "answered",
        () => "failed",
      ),
    );
    await page.close();

    // 3. The content script's world on an article fetches a URL of the portal itself (the script's
    //    URL says it is the extension's, as the content script's own code would).
    const article = await recorder.newPage();
    await article.goto(articleUrl(CAMGIANG));
    await waitForReading(article, { recognised: true });
    const cdp = recorder.session(article);
    assert.ok(cdp, "the article's DevTools session");
    const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    const onContext = (event: {
      context: { id: number; origin: string; auxData?: { type?: string } };
    }) => {
      worlds.push(event.context);
    };
    cdp.on("Runtime.executionContextCreated", onContext);
    await cdp.send("Runtime.enable");
    const world = worlds.find(
      (w) => w.origin === `chrome-extension://${id}` && w.auxData?.type === "isolated",
    );
    assert.ok(world, `the content script's world: ${JSON.stringify(worlds)}`);
    const portal = new URL(articleUrl(CAMGIANG));
    const evaluated = await cdp.send("Runtime.evaluate", {
      contextId: world.id,
      expression: `fetch(${JSON.stringify(`${portal.origin}/${CAMGIANG.slug}/gvn-self-check`)}).then(() => "answered", () => "failed")\n//# sourceURL=chrome-extension://${id}/content-scripts/gvn-self-check.js`,
      awaitPromise: true,
    });
    assert.equal(evaluated.result.value, "answered", "the portal server answered the fetch");
    cdp.off("Runtime.executionContextCreated", onContext);
    await cdp.send("Runtime.disable");
    await article.close();

    // 4. Two requests reach the proxy from outside the recorded contexts: one to a tracker, one
    //    to a Chromium service host carrying the extension's origin.
    const viaProxy = (target: string, headers: Record<string, string> = {}) =>
      new Promise<void>((resolve) => {
        const request = http.get(
          { host: "127.0.0.1", port: proxy.port, path: target, headers },
          (response) => {
            response.resume();
            response.on("end", () => resolve());
          },
        );
        request.on("error", () => resolve());
      });
    await viaProxy("http://tracker.example.net/collect");
    await viaProxy("http://update.googleapis.com/ping", { origin: `chrome-extension://${id}` });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const found = findViolations(since(from), id, baseline);
    const has = (rule: string, pattern: RegExp) =>
      found.some((v) => v.rule === rule && pattern.test(v.detail));
    const report = formatViolations(found);
    assert.ok(has("service worker", /gvn-self-check\/worker/), `1 (worker):\n${report}`);
    assert.ok(
      has("network: the extension's origin or id", /gvn-self-check\/worker/),
      `1 (worker, at the proxy: its Origin header):\n${report}`,
    );
    assert.ok(has("extension page", /gvn-self-check\/page/), `2 (page):\n${report}`);
    assert.ok(
      has("initiated by the extension", /gvn-self-check/),
      `3 (content script, by its initiator):\n${report}`,
    );
    assert.ok(
      has("portal page", /gvn-self-check/),
      `3 (content script, not in the baseline):\n${report}`,
    );
    assert.ok(has("network: unaccounted", /tracker\.example\.net/), `4 (tracker):\n${report}`);
    assert.ok(
      has("network: the extension's origin or id", /update\.googleapis\.com\/ping/),
      `4 (Chromium host, extension origin):\n${report}`,
    );
    // Nothing else: the article load and the options page are allowed.
    const expected = found.filter((v) =>
      /gvn-self-check|tracker\.example\.net|\/ping/.test(v.detail),
    );
    assert.deepEqual(found, expected, `only the deliberate requests:\n${report}`);
  });

  test("no errors were logged by the pages or the service worker", () => {
    // The self-check's failed fetches are not console errors; anything else is.
    const unexpected = errors.errors.filter((e) => !/gvn-self-check|example\.test/.test(e.text));
    assert.deepEqual(unexpected, [], errors.format());
  });
});
