/**
 * Test-only: serves one App Router route handler over real HTTP on 127.0.0.1 (a free port), so that something
 * outside the test's call stack — the emulator pushing notifications — can call it. Like the app's server, it
 * writes the socket's address into PEER_ADDRESS_HEADER. Not for the app itself.
 *
 *   const server = await serveRoute(POST, "/api/push/:token");
 *   await fetch(`${server.url}/api/push/abc`, { method: "POST", body: "{}" });
 *   await server.close();
 */
import http from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/net/peer-address-header";
import type { AddressInfo } from "node:net";

type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export type ServedRoute = { url: string; close(): Promise<void> };

/** `pattern`: the route's path with `:name` segments (e.g. "/api/push/:token"); other paths answer 404. */
export async function serveRoute(handler: RouteHandler, pattern: string): Promise<ServedRoute> {
  const names: string[] = [];
  const matcher = new RegExp(
    `^${pattern.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    })}$`,
  );
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const match = matcher.exec(url.pathname);
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      // As the app's server does (lib/net/install-peer-address-stamp.ts): the socket's address, whatever the client sent.
      headers.delete(PEER_ADDRESS_HEADER);
      if (req.socket.remoteAddress) headers.set(PEER_ADDRESS_HEADER, req.socket.remoteAddress);
      const body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
      const request = new Request(url, { method: req.method, headers, body });
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      try {
        const response = await handler(request, { params: Promise.resolve(params) as Promise<never> });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
