"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import type { UserListResponse } from "@/components/query-cache/user-cache";
import { queryKeys } from "@/components/query-keys";
import type { UserSummary } from "@/lib/auth/user-summary";

/** Every user (GET /api/admin/users), fresh from the server render. */
export function useUserList(initialUsers?: UserSummary[]) {
  return useQuery({
    queryKey: queryKeys.users(),
    queryFn: () => fetchJson<UserListResponse>("/api/admin/users"),
    initialData: initialUsers ? { users: initialUsers } : undefined,
  });
}
