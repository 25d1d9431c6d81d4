import type { IncomingMessage } from "node:http";
import { PEER_ADDRESS_HEADER } from "./peer-address-header";

/** Writes the socket's address into PEER_ADDRESS_HEADER, replacing whatever the client sent under that name. */
export function stampPeerAddress(request: IncomingMessage): void {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
}
