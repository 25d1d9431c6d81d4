import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/components/query-keys";
import type { UserSummary } from "@/lib/auth/user-summary";

export type UserListResponse = { users: UserSummary[] };

/** A user as the server answered a change, in the users list (administrators' settings). */
export function replaceUser(queryClient: QueryClient, user: UserSummary): void {
  queryClient.setQueryData<UserListResponse>(queryKeys.users(), (list) => (list ? { users: list.users.map((item) => (item.id === user.id ? user : item)) } : list));
}

/** A user just created, at the end of the users list until the list is read again. */
export function addUser(queryClient: QueryClient, user: UserSummary): void {
  queryClient.setQueryData<UserListResponse>(queryKeys.users(), (list) => (list ? { users: [...list.users, user] } : list));
}

export function refreshUsers(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.users() });
}
