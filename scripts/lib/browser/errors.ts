/** Errors printed by the extension's pages, its service worker and the pages it runs in. */
import type { BrowserContext, ConsoleMessage, WebError, Worker } from "playwright-core";

export interface CollectedError {
  source: "page" | "service-worker";
  kind: "console" | "uncaught";
  text: string;
  /** The page's or worker's URL. */
  url: string;
}

export interface ErrorCollector {
  /** Errors so far, without the ignored ones. */
  readonly errors: CollectedError[];
  /** Errors so far as text, one a line (for assertion messages). */
  format(): string;
  clear(): void;
  /** Stop listening. */
  dispose(): void;
}

export interface CollectErrorsOptions {
  /** Messages to leave out. Default: network failures of a page's resources ("Failed to load
   * resource: …"), which real portal pages produce here since the rest of the web is unreachable. */
  ignore?: RegExp[];
}

/** Turns a service worker's uncaught errors into console errors Playwright reports. */
const SERVICE_WORKER_ERROR_HOOK = `(() => {
  if (self.__gvnErrorHook) return;
  self.__gvnErrorHook = true;
  self.addEventListener("error", (e) => console.error("Uncaught " + (e.error?.stack ?? e.message)));
  self.addEventListener("unhandledrejection", (e) =>
    console.error("Unhandled rejection " + (e.reason?.stack ?? String(e.reason))));
})()`;

/**
 * Collect console errors and uncaught errors from every page of the context (content-script errors
 * included) and from its service workers. Playwright does not report a service worker's uncaught
 * errors, so a hook is installed in each worker when seen; errors thrown before that (during the
 * worker's first run) are missed — a console.error is not.
 */
export function collectErrors(
  context: BrowserContext,
  options: CollectErrorsOptions = {},
): ErrorCollector {
  const ignore = options.ignore ?? [/^Failed to load resource\b/];
  const errors: CollectedError[] = [];
  const add = (error: CollectedError) => {
    if (!ignore.some((re) => re.test(error.text))) errors.push(error);
  };

  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    const worker = message.worker();
    const page = message.page();
    const text = message.text();
    add({
      source: worker ? "service-worker" : "page",
      // The hook below reports a worker's uncaught errors through console.error.
      kind: worker && /^(Uncaught|Unhandled rejection) /.test(text) ? "uncaught" : "console",
      text,
      url: worker?.url() ?? page?.url() ?? message.location().url,
    });
  };
  const onWebError = (webError: WebError) => {
    const error = webError.error();
    add({
      source: "page",
      kind: "uncaught",
      text: error.stack ?? error.message,
      url: webError.page()?.url() ?? webError.location().url,
    });
  };
  const hookWorker = (worker: Worker) => {
    worker.evaluate(SERVICE_WORKER_ERROR_HOOK).catch(() => {});
  };

  context.on("console", onConsole);
  context.on("weberror", onWebError);
  context.on("serviceworker", hookWorker);
  for (const worker of context.serviceWorkers()) hookWorker(worker);

  return {
    errors,
    format: () => errors.map((e) => `[${e.source} ${e.kind}] ${e.url}: ${e.text}`).join("\n"),
    clear: () => {
      errors.length = 0;
    },
    dispose: () => {
      context.off("console", onConsole);
      context.off("weberror", onWebError);
      context.off("serviceworker", hookWorker);
    },
  };
}
