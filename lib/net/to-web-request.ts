import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { stampPeerAddress } from "./stamp-peer-address";

/**
 * A Node request as a fetch `Request` (what lib's handlers take), its body streamed rather than read first (so a
 * handler's size limit stops an oversized body early), the socket's address in PEER_ADDRESS_HEADER.
 */
export function toWebRequest(request: IncomingMessage): Request {
  stampPeerAddress(request);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}
