/**
 * The request header that carries the socket's peer address into route handlers (Next 16 gives them no socket).
 * Written by the server for every request (install-peer-address-stamp.ts), replacing whatever a client sent.
 */
export const PEER_ADDRESS_HEADER = "x-seller-inbox-peer";
