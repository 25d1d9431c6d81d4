import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * After a live change is written into the cache: a load of the same data still in flight may have been read before
 * the change was committed, and its answer, arriving later, would overwrite the change until the next refetch (a
 * chat's deadline missing from the list for a minute). Such a load is cancelled, keeping the change, and read again.
 */
export function rereadLoadsInFlight(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  return queryClient.invalidateQueries(
    { queryKey, predicate: (query) => query.state.fetchStatus === "fetching" && query.state.data !== undefined, refetchType: "all" },
    { cancelRefetch: true },
  );
}
