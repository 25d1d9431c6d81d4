/** POST /v1/roles — the key's roles and, since 2026-02-20, its expiry (`expires_at`). */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest } from "./request";
import { optionalStringSchema } from "./schemas";

const GET_ROLES_PATH = "/v1/roles";

const getRolesResponseSchema = z
  .object({
    roles: z
      .array(z.object({ name: z.string(), methods: z.array(z.string()).nullish() }))
      .nullish(),
    expires_at: optionalStringSchema,
  })
  .transform((r) => ({
    roles: (r.roles ?? []).map((x) => ({ name: x.name, methods: x.methods ?? [] })),
    /** ISO date-time when the API key stops working; null if Ozon did not say. */
    expiresAt: r.expires_at,
  }));
export type GetRolesResult = z.output<typeof getRolesResponseSchema>;

export async function getRoles(conn: OzonConnection, opts?: OzonCallOptions): Promise<GetRolesResult> {
  return ozonRequest(conn, { path: GET_ROLES_PATH, body: {}, schema: getRolesResponseSchema, idempotent: true }, opts);
}
