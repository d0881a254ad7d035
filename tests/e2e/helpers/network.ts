/**
 * Recording every request of a browser session, three ways, for the privacy test:
 *
 * - Playwright's `request` events on the context: every page and frame, and the service workers
 *   (playwright-core 1.65 reports a service worker's requests on the context by default, with
 *   `request.serviceWorker()` set; PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK turns that off).
 * - A DevTools-protocol session per page (`Network.requestWillBeSent`): who started each request
 *   (`initiator`: the script URLs on its stack, the parser's document), which Playwright does not
 *   tell. A content script's request is made in the page's frame, so only its stack shows it is the
 *   extension's.
 * - An HTTP proxy the browser sends all its traffic to (`--proxy-server`): what actually left the
 *   browser, whatever context made it (the service worker's first run included, before any
 *   listener was attached), with its headers. Requests for the test's portal hosts are passed on
 *   to the local portal server; everything else gets a 502, and HTTPS tunnels (CONNECT) are refused.
 *
 * Browser-wide, a DevTools `Target.setDiscoverTargets` session lists every context that existed
 * (pages, workers, iframes, offscreen documents), so a context none of the above watched is seen.
 */
import http from "node:http";
import type { Socket } from "node:net";
import type { BrowserContext, CDPSession, Page, Request } from "playwright-core";
import { listenLocally } from "../../../scripts/lib/local-server.ts";

// ---------------------------------------------------------------------------------------------
// The proxy

export interface ProxiedRequest {
  method: string;
  /** Absolute URL for HTTP requests; `host:port` for CONNECT. */
  target: string;
  host: string;
  headers: http.IncomingHttpHeaders;
  /** The first 4 KiB of the body (update pings and the like are JSON). */
  body: string;
  time: number;
}

export interface RecordingProxy {
  port: number;
  /** `--proxy-server=…` for Chromium. */
  arg: string;
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * Starts the recording proxy. `forwardPort(url)` says where to pass an HTTP request on to
 * (a port on 127.0.0.1), or null to answer 502.
 */
export async function startRecordingProxy(
  forwardPort: (url: URL) => number | null,
): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size < 4096) chunks.push(chunk);
      size += chunk.length;
    });
    let url: URL | null = null;
    try {
      url = new URL(req.url ?? "");
    } catch {
      url = null;
    }
    const record: ProxiedRequest = {
      method: req.method ?? "",
      target: req.url ?? "",
      host: url?.hostname ?? "",
      headers: req.headers,
      body: "",
      time: Date.now(),
    };
    requests.push(record);
    req.on("end", () => {
      record.body = Buffer.concat(chunks).toString("utf8").slice(0, 4096);
    });
    const port = url ? forwardPort(url) : null;
    if (!url || port === null) {
      req.resume();
      req.on("end", () => res.writeHead(502, { "content-type": "text/plain" }).end("blocked"));
      return;
    }
    const headers = { ...req.headers };
    delete headers["proxy-connection"];
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end("upstream error");
      else res.destroy();
    });
    req.pipe(upstream);
  });
  server.on("connect", (req, socket) => {
    const [host = ""] = (req.url ?? "").split(":");
    requests.push({
      method: "CONNECT",
      target: req.url ?? "",
      host,
      headers: req.headers,
      body: "",
      time: Date.now(),
    });
    socket.on("error", () => {});
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listenLocally(server);
  return {
    port,
    arg: `--proxy-server=http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Playwright and DevTools recording

/** One request as Playwright reported it. */
export interface SeenRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The URL of the frame that made it ("" for a service worker's). */
  frameUrl: string;
  /** The URL of the page (top frame) it belongs to ("" for a service worker's). */
  pageUrl: string;
  /** The service worker that made it, if one did. */
  serviceWorkerUrl: string;
  navigation: boolean;
  time: number;
}

/** One request as a page's DevTools session reported it (`Network.requestWillBeSent`). */
export interface InitiatedRequest {
  url: string;
  method: string;
  type: string;
  /** The document the request belongs to. */
  documentUrl: string;
  initiatorType: string;
  /** `initiator.url` and every script URL on the initiator's stack (async parents included). */
  initiatorUrls: string[];
  pageUrl: string;
  time: number;
}

/** A context (DevTools target) the browser had during the recording. */
export interface SeenTarget {
  targetId: string;
  type: string;
  url: string;
}

export interface NetworkRecorder {
  readonly requests: SeenRequest[];
  readonly initiated: InitiatedRequest[];
  readonly targets: SeenTarget[];
  /** A new page with its DevTools session attached before it loads anything. */
  newPage(): Promise<Page>;
  /** The DevTools session of a page the recorder watches. */
  session(page: Page): CDPSession | undefined;
  stop(): Promise<void>;
}

function safeFrameUrl(request: Request): { frameUrl: string; pageUrl: string } {
  try {
    const frame = request.frame();
    return { frameUrl: frame.url(), pageUrl: frame.page().url() };
  } catch {
    return { frameUrl: "", pageUrl: "" }; // a service worker's request has no frame
  }
}

interface CdpCallFrame {
  url: string;
}
interface CdpStack {
  callFrames: CdpCallFrame[];
  parent?: CdpStack;
}
interface CdpRequestWillBeSent {
  request: { url: string; method: string };
  type?: string;
  documentURL: string;
  initiator: { type: string; url?: string; stack?: CdpStack };
}

function initiatorUrls(initiator: CdpRequestWillBeSent["initiator"]): string[] {
  const urls = new Set<string>();
  if (initiator.url) urls.add(initiator.url);
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    for (const frame of stack.callFrames) if (frame.url) urls.add(frame.url);
  }
  return [...urls];
}

/** Starts recording the context's requests (see the comment at the top). */
export async function recordNetwork(context: BrowserContext): Promise<NetworkRecorder> {
  const requests: SeenRequest[] = [];
  const initiated: InitiatedRequest[] = [];
  const targets: SeenTarget[] = [];
  const sessions = new Map<Page, CDPSession>();
  const watching = new Map<Page, Promise<void>>();

  const onRequest = (request: Request) => {
    const { frameUrl, pageUrl } = safeFrameUrl(request);
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      frameUrl,
      pageUrl,
      serviceWorkerUrl: request.serviceWorker()?.url() ?? "",
      navigation: request.isNavigationRequest(),
      time: Date.now(),
    });
  };

  const attach = async (page: Page) => {
    const session = await context.newCDPSession(page);
    sessions.set(page, session);
    session.on("Network.requestWillBeSent", (event: CdpRequestWillBeSent) => {
      initiated.push({
        url: event.request.url,
        method: event.request.method,
        type: event.type ?? "",
        documentUrl: event.documentURL,
        initiatorType: event.initiator.type,
        initiatorUrls: initiatorUrls(event.initiator),
        pageUrl: page.url(),
        time: Date.now(),
      });
    });
    await session.send("Network.enable");
  };
  /** Attaches a DevTools session to the page once. */
  const watch = (page: Page): Promise<void> => {
    let done = watching.get(page);
    if (!done) {
      done = attach(page);
      watching.set(page, done);
    }
    return done;
  };

  // Pages the test did not open with newPage() (none expected) are watched as soon as seen; a
  // request they made before that has no initiator record, which the test reports.
  const onPage = (page: Page) => {
    void watch(page).catch(() => {});
  };

  context.on("request", onRequest);
  context.on("page", onPage);

  const browser = context.browser();
  const browserSession = browser ? await browser.newBrowserCDPSession() : undefined;
  if (browserSession) {
    browserSession.on(
      "Target.targetCreated",
      (event: { targetInfo: { targetId: string; type: string; url: string } }) => {
        const { targetId, type, url } = event.targetInfo;
        targets.push({ targetId, type, url });
      },
    );
    browserSession.on(
      "Target.targetInfoChanged",
      (event: { targetInfo: { targetId: string; type: string; url: string } }) => {
        const { targetId, type, url } = event.targetInfo;
        targets.push({ targetId, type, url });
      },
    );
    await browserSession.send("Target.setDiscoverTargets", { discover: true });
  }

  return {
    requests,
    initiated,
    targets,
    async newPage() {
      const page = await context.newPage();
      await watch(page);
      return page;
    },
    session: (page) => sessions.get(page),
    async stop() {
      context.off("request", onRequest);
      context.off("page", onPage);
      await browserSession?.detach().catch(() => {});
      for (const session of sessions.values()) await session.detach().catch(() => {});
      sessions.clear();
    },
  };
}
