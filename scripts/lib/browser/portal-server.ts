/** A local server for portal pages, answering for any host name the browser maps to it. */
import { readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { closeServer, listenLocally, sendNotFound, sendWhole } from "../local-server.ts";
import { FIXTURE_PAGES_DIR } from "./paths.ts";

export interface PortalServer {
  port: number;
  /** `http://<host>:<port>/<slug>/article.html` for this server. */
  url(host: string, slug: string): string;
  /** Paths requested so far (for debugging a test). */
  readonly requests: string[];
  /**
   * Serve `html` (UTF-8) for every path under `/<slug>/` from now on, before any file (so a test
   * can put a changed copy of a fixture at its usual address); `null` removes it again.
   */
  setPage(slug: string, html: string | null): void;
  close(): Promise<void>;
}

export interface PortalServerOptions {
  /** A second directory of test pages: any file in it is served at its relative path, and
   * `<slug>/source.html` in it answers `/<slug>/…` like a fixture page. */
  staticDir?: string;
  /** Pages held in memory, by slug (see `PortalServer.setPage`). */
  pages?: Record<string, string>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

/** HTML is sent as UTF-8 unless the page declares its own charset in its first bytes. */
function htmlContentType(body: Buffer): string {
  const head = body.subarray(0, 2048).toString("latin1");
  return /<meta[^>]+charset\s*=/i.test(head) ? "text/html" : "text/html; charset=utf-8";
}

/** `dir/rel` if it is a file inside `dir`, else undefined (no escaping `dir` with `..`). */
function fileInside(dir: string | undefined, rel: string): string | undefined {
  if (!dir) return undefined;
  const root = path.resolve(dir);
  const file = path.resolve(root, `.${path.posix.sep}${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serve portal pages on 127.0.0.1 at a random port. A request for `/<slug>/…` (any path under the
 * slug) returns the in-memory page for that slug (`options.pages`, `setPage`) if there is one, else
 * `<rootDir>/<slug>/source.html`; with `staticDir`, an existing file `<staticDir>/<path>` is
 * returned as is, and `<staticDir>/<slug>/source.html` answers `/<slug>/…` when `rootDir` has no
 * such slug. Everything else is a 404. `rootDir` need not exist.
 */
export async function startPortalServer(
  rootDir: string = FIXTURE_PAGES_DIR,
  options: PortalServerOptions = {},
): Promise<PortalServer> {
  const requests: string[] = [];
  const memoryPages = new Map<string, Buffer>(
    Object.entries(options.pages ?? {}).map(([slug, html]) => [slug, Buffer.from(html, "utf8")]),
  );

  const memoryPage = (pathname: string): Buffer | undefined => {
    const slug = pathname.replace(/^\/+/, "").split("/")[0];
    return slug ? memoryPages.get(slug) : undefined;
  };

  const resolveFile = (pathname: string): string | undefined => {
    const rel = pathname.replace(/^\/+/, "");
    const direct = fileInside(options.staticDir, rel);
    if (direct) return direct;
    const slug = rel.split("/")[0];
    if (!slug) return undefined;
    return (
      fileInside(rootDir, `${slug}/source.html`) ??
      fileInside(options.staticDir, `${slug}/source.html`)
    );
  };

  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    requests.push(pathname);
    const readable = req.method === "GET" || req.method === "HEAD";
    const inMemory = readable ? memoryPage(pathname) : undefined;
    if (inMemory) {
      sendWhole(req, res, "text/html; charset=utf-8", inMemory);
      return;
    }
    const file = readable ? resolveFile(pathname) : undefined;
    if (!file) {
      sendNotFound(res);
      return;
    }
    const body = readFileSync(file);
    const ext = path.extname(file).toLowerCase();
    const type =
      CONTENT_TYPES[ext] === "text/html"
        ? htmlContentType(body)
        : (CONTENT_TYPES[ext] ?? "application/octet-stream");
    sendWhole(req, res, type, body);
  });
  const port = await listenLocally(server);

  return {
    port,
    requests,
    url: (host, slug) => portalUrl(host, port, slug),
    setPage: (slug, html) => {
      if (html === null) memoryPages.delete(slug);
      else memoryPages.set(slug, Buffer.from(html, "utf8"));
    },
    close: () => closeServer(server),
  };
}

/** `http://<host>:<port>/<slug>/article.html`, e.g. host `tuyengiao.travinh.gov.vn`. */
export function portalUrl(host: string, port: number, slug: string): string {
  return `http://${host}:${port}/${encodeURIComponent(slug)}/article.html`;
}

// ---------------------------------------------------------------------------------------------
// Chromium with the extension
