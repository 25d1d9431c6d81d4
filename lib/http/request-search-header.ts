/**
 * The request header in which the proxy (proxy.ts) passes a page request's query string on to the server's render:
 * Next gives layouts no search params, and the inbox's layout renders the list of the account the URL names.
 * Written by the proxy on every request, replacing whatever a client sent.
 */
export const REQUEST_SEARCH_HEADER = "x-seller-inbox-search";
