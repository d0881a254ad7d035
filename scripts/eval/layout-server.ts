/**
 * A local server for layout pages, keyed by host name and path: the browser resolves every
 * `*.gov.vn` name to 127.0.0.1, so each article is served at its own portal address (`Host`
 * header) on one port.
 */
import http from "node:http";
import { closeServer, listenLocally, sendNotFound, sendWhole } from "../lib/local-server.ts";

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
    if (!page || (req.method !== "GET" && req.method !== "HEAD")) sendNotFound(res);
    else sendWhole(req, res, "text/html; charset=utf-8", page);
  });
  const port = await listenLocally(server);
  return {
    port,
    add(host, pathAndQuery, html) {
      const url = new URL(`http://${host}:${port}${pathAndQuery}`);
      pages.set(key(url.hostname, `${url.pathname}${url.search}`), Buffer.from(html, "utf8"));
      return url.toString();
    },
    close: () => closeServer(server),
  };
}
