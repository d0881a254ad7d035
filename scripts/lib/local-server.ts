/**
 * The small pieces every local HTTP server of the scripts and tests shares: listening on a free
 * port of 127.0.0.1, answering with a whole body (uncached, HEAD without it), and closing with
 * the connections a browser keeps open.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";

/** Starts `server` on a free port of 127.0.0.1; resolves to the port. */
export async function listenLocally(server: http.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Answers 200 with `body` as `contentType`, never cached; a HEAD request gets the headers only. */
export function sendWhole(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  contentType: string,
  body: Buffer,
): void {
  res.writeHead(200, {
    "content-type": contentType,
    "content-length": body.length,
    "cache-control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Answers 404 in plain text. */
export function sendNotFound(res: http.ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
}

/** Closes `server`, ending the connections kept alive by browsers first; resolves once closed. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
