import type { ServerResponse } from "node:http";

/**
 * Writes a fetch `Response` (status, headers, body) to a Node response; nothing when the client has gone. An answer
 * given before the request's body was read (a refused oversized body) closes the connection: the unread bytes must
 * not be taken for the next request on it.
 */
export async function sendWebResponse(target: ServerResponse, response: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  if (target.destroyed || target.writableEnded) return;
  const headers: Record<string, string> = { ...extraHeaders, ...Object.fromEntries(response.headers), "content-length": String(body.length) };
  if (!target.req.complete) headers.connection = "close";
  target.writeHead(response.status, headers);
  target.end(body);
}
