/**
 * The usual setting of an end-to-end suite: the local portal server (fixture pages, the e2e pages
 * and any pages given in memory), Chromium with the built extension, and the collector of the
 * errors its pages and service worker print. Opened in a suite's `before`, closed in its `after`.
 */
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
