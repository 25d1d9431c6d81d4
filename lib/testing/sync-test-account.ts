/**
 * The account's sync, for tests of folders below lib/sync (chats, feedback) that need a cache filled the way the app
 * fills it: imported through the harness, so such a test adds no edge from its folder up to lib/sync.
 */
export { syncAccountNow } from "@/lib/sync/sync-account-now";
