/**
 * A local server for layout pages, keyed by host name and path: the browser resolves every
 * `*.gov.vn` name to 127.0.0.1, so each article is served at its own portal address (`Host`
 * header) on one port.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface LayoutServer {
  port: number;
  /** Serves `html` at `http://<host>:<port><path>` from now on; returns that address. */
  add(host: string, pathAndQuery: string, html: string): string;
  close(): Promise<void>;
}

export async function startLayoutServer(): Promise<LayoutServer> {
  const pages = new Map<string, Buffer>();
  const key = (host: string, pathAndQuery: string) => `${host.toLowerCase()}${pathAndQuery}`;
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    const page = pages.get(key(host, req.url ?? "/"));
    if (!page || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-length": page.length,
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    add(host, pathAndQuery, html) {
      const url = new URL(`http://${host}:${port}${pathAndQuery}`);
      pages.set(key(url.hostname, `${url.pathname}${url.search}`), Buffer.from(html, "utf8"));
      return url.toString();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
