/**
 * The usual setting of an end-to-end suite: the local portal server (fixture pages, the e2e pages
 * and any pages given in memory), Chromium with the built extension, and the collector of the
 * errors its pages and service worker print. Opened in a suite's `before`, closed in its `after`.
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

export interface ExtensionSession {
  server: PortalServer;
  browser: ExtensionBrowser;
  errors: ErrorCollector;
  /** Stops collecting errors, closes the browser and the server. */
  close(): Promise<void>;
}

export async function openExtensionSession(
  options: { pages?: Record<string, string> } = {},
): Promise<ExtensionSession> {
  const server = await startPortalServer(FIXTURE_PAGES_DIR, {
    staticDir: E2E_PAGES_DIR,
    ...(options.pages ? { pages: options.pages } : {}),
  });
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

/** A suite's session, read in its hooks and tests once the suite's first `before` has run. */
export interface SuiteSession {
  readonly server: PortalServer;
  readonly browser: ExtensionBrowser;
  readonly errors: ErrorCollector;
}

/**
 * The usual suite's set-up, called first in its `describe`: opens the session in a `before`
 * registered ahead of the suite's own (which find it open), and closes it in an `after` once
 * `cleanUp` (the suite's own: tabs, a worker's control) has run.
 */
export function useExtensionSession(
  options: { pages?: Record<string, string>; cleanUp?: () => unknown } = {},
): SuiteSession {
  let session: ExtensionSession | undefined;
  before(async () => {
    session = await openExtensionSession(options.pages ? { pages: options.pages } : {});
  });
  after(async () => {
    try {
      await options.cleanUp?.();
    } finally {
      await session?.close();
    }
  });
  const open = (): ExtensionSession => {
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

/** The suite's last test: neither its pages nor the service worker logged an error. */
export function testNoErrorsLogged(session: SuiteSession): void {
  test("no errors were logged by the pages or the service worker", () => {
    assert.equal(session.errors.errors.length, 0, session.errors.format());
  });
}
