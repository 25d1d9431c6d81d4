import http from "node:http";
import { stampPeerAddress } from "./stamp-peer-address";

const INSTALLED = Symbol.for("seller-inbox.peer-address-stamp");

/**
 * Next 16's route handlers see headers, never the socket; `next start` only fills X-Forwarded-For with the peer's
 * address when the client sent none. So, once per process (instrumentation.ts), every incoming HTTP request gets
 * the socket's address in PEER_ADDRESS_HEADER before Next reads it, overwriting a client's own value. No custom
 * server: the Node server Next creates is used as it is.
 */
export function installPeerAddressStamp(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeerAddress(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
