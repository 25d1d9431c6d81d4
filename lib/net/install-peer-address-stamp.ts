import { interceptRequests } from "./intercept-requests";
import { stampPeerAddress } from "./stamp-peer-address";

/**
 * Next 16's route handlers see headers, never the socket; `next start` only fills X-Forwarded-For with the peer's
 * address when the client sent none. So, once per process (instrumentation.ts), every incoming HTTP request gets
 * the socket's address in PEER_ADDRESS_HEADER before Next reads it, overwriting a client's own value.
 */
export function installPeerAddressStamp(): void {
  interceptRequests("peer-address-stamp", (request) => {
    stampPeerAddress(request);
    return false;
  });
}
