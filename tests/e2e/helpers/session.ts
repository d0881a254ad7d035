/**
 * The usual setting of an end-to-end suite: a local server of test pages (by default the portal
 * server: fixture pages, the e2e pages and any pages given in memory), Chromium with the built
 * extension, and the collector of the errors its pages and service worker print. A suite calls
 * `useExtensionSession` (or `useSessionOn` with a server of its own) first in its `describe`: the
 * session opens before the suite's own `before` hooks and closes after its own clean-up.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  collectErrors,
  E2E_PAGES_DIR,
  type ErrorCollector,
  type ExtensionBrowser,
  FIXTURE_PAGES_DIR,
  launchBrowserWithExtension,
  type PortalServer,
  startPortalServer,
} from "../harness.ts";

/** A server of test pages: the portal server, or one a suite starts (a layout server…). */
interface Closable {
  close(): Promise<void>;
}

export interface ExtensionSession<S extends Closable = PortalServer> {
  server: S;
  browser: ExtensionBrowser;
  errors: ErrorCollector;
  /** Stops collecting errors, closes the browser and the server. */
  close(): Promise<void>;
}

/** The portal server of the fixture pages and the e2e pages, with `pages` in memory. */
export function startFixturePortal(pages?: Record<string, string>): Promise<PortalServer> {
  return startPortalServer(FIXTURE_PAGES_DIR, {
    staticDir: E2E_PAGES_DIR,
    ...(pages ? { pages } : {}),
  });
}

/** Starts the server with `start`, then Chromium with the extension and the error collector. */
export async function openSessionOn<S extends Closable>(
  start: () => Promise<S>,
): Promise<ExtensionSession<S>> {
  const server = await start();
  let browser: ExtensionBrowser;
  try {
    browser = await launchBrowserWithExtension();
  } catch (error) {
    await server.close();
    throw error;
  }
  const errors = collectErrors(browser.context);
  return {
    server,
    browser,
    errors,
    async close() {
      errors.dispose();
      await browser.close();
      await server.close();
    },
  };
}

export function openExtensionSession(
  options: { pages?: Record<string, string> } = {},
): Promise<ExtensionSession> {
  return openSessionOn(() => startFixturePortal(options.pages));
}

/** A suite's session, read in its hooks and tests once the suite's first `before` has run. */
export interface SuiteSession<S extends Closable = PortalServer> {
  readonly server: S;
  readonly browser: ExtensionBrowser;
  readonly errors: ErrorCollector;
}

/**
 * A suite's session on the server `start` opens: opened in a `before` registered ahead of the
 * suite's own (which find it open), closed in an `after` once `cleanUp` (the suite's own: tabs, a
 * worker's control, a temporary folder) has run.
 */
export function useSessionOn<S extends Closable>(
  start: () => Promise<S>,
  cleanUp?: () => unknown,
): SuiteSession<S> {
  let session: ExtensionSession<S> | undefined;
  before(async () => {
    session = await openSessionOn(start);
  });
  after(async () => {
    try {
      await cleanUp?.();
    } finally {
      await session?.close();
    }
  });
  const open = (): ExtensionSession<S> => {
    if (!session) throw new Error("the suite's session is not open: read it in a hook or a test");
    return session;
  };
  return {
    get server() {
      return open().server;
    },
    get browser() {
      return open().browser;
    },
    get errors() {
      return open().errors;
    },
  };
}

/** A suite's session on the portal server (with `pages` in memory); see `useSessionOn`. */
export function useExtensionSession(
  options: { pages?: Record<string, string>; cleanUp?: () => unknown } = {},
): SuiteSession {
  return useSessionOn(() => startFixturePortal(options.pages), options.cleanUp);
}

/** The suite's last test: neither its pages nor the service worker logged an error. */
export function testNoErrorsLogged(session: SuiteSession<Closable>): void {
  test("no errors were logged by the pages or the service worker", () => {
    assert.equal(session.errors.errors.length, 0, session.errors.format());
  });
}
