/**
 * Recent postings: FBS/rFBS via /v4/posting/fbs/list, FBO via /v3/posting/fbo/list.
 *
 * Why these versions: Ozon switched off /v3/posting/fbs/list (offset paging, `result` wrapper) and
 * /v2/posting/fbo/list on 2026-08-31 (SW26 schema, UZ changelog notes). Their replacements page with an
 * opaque `cursor` and answer `{cursor, has_next, postings}` without a `result` wrapper. The FBO v3
 * response shape is our inference from the v4 FBS one and the SW26 request schema [inf].
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { postingSchema, type OzonPosting } from "./posting-schema";
import { ozonRequest, parseRequest } from "./request";

const LIST_FBS_POSTINGS_PATH = "/v4/posting/fbs/list";
const LIST_FBO_POSTINGS_PATH = "/v3/posting/fbo/list";
const LIST_POSTINGS_MAX_LIMIT = 100;

const limitSchema = z
  .number()
  .int()
  .min(1, { error: `limit must be 1 to ${LIST_POSTINGS_MAX_LIMIT}` })
  .max(LIST_POSTINGS_MAX_LIMIT, { error: `limit must be 1 to ${LIST_POSTINGS_MAX_LIMIT}` });
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: "must be an ISO date-time" });

const listFbsPostingsRequestSchema = z.object({
  cursor: z.string().optional(),
  filter: z.object({
    since: isoDate,
    to: isoDate,
    statuses: z.array(z.string()).optional(),
    order_numbers: z.array(z.string()).max(100).optional(),
  }),
  limit: limitSchema,
  sort_dir: z.enum(["ASC", "DESC"]).optional(),
});
const listFboPostingsRequestSchema = z.object({
  cursor: z.string().optional(),
  filter: z.object({
    since: isoDate,
    to: isoDate,
    statuses: z.array(z.string()).optional(),
    posting_numbers: z.array(z.string()).max(1000).optional(),
    // In the SW26 schema of /v3/posting/fbo/list [1 source]; sent only when the caller asks for it.
    order_numbers: z.array(z.string()).max(1000).optional(),
  }),
  limit: limitSchema,
  sort_dir: z.enum(["ASC", "DESC"]).optional(),
});

function pageSchema(scheme: "FBS" | "FBO") {
  return z
    .object({
      cursor: z.string().nullish(),
      has_next: z.boolean().nullish(),
      postings: z.array(postingSchema(scheme)).nullish(),
    })
    .transform((r) => ({ postings: r.postings ?? [], cursor: r.cursor ?? "", hasNext: r.has_next ?? false }));
}
export const listFbsPostingsResponseSchema = pageSchema("FBS");
export const listFboPostingsResponseSchema = pageSchema("FBO");
export type ListPostingsResult = z.output<typeof listFbsPostingsResponseSchema>;

export type ListPostingsParams = {
  /** "FBS" covers FBS and rFBS (one method); "FBO" the FBO list. */
  scheme: "FBS" | "FBO";
  since: Date | string;
  to: Date | string;
  statuses?: string[];
  orderNumbers?: string[];
  /** FBO only. */
  postingNumbers?: string[];
  /** 1..100 (default 100). */
  limit?: number;
  cursor?: string;
  sortDir?: "ASC" | "DESC";
};

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/** One page of postings of one scheme. */
export async function listPostings(
  conn: OzonConnection,
  params: ListPostingsParams,
  opts?: OzonCallOptions,
): Promise<ListPostingsResult> {
  const common = {
    ...(params.cursor ? { cursor: params.cursor } : {}),
    limit: params.limit ?? LIST_POSTINGS_MAX_LIMIT,
    ...(params.sortDir ? { sort_dir: params.sortDir } : {}),
  };
  const filter = {
    since: iso(params.since),
    to: iso(params.to),
    ...(params.statuses?.length ? { statuses: params.statuses } : {}),
    ...(params.orderNumbers?.length ? { order_numbers: params.orderNumbers } : {}),
  };
  if (params.scheme === "FBS") {
    const body = parseRequest(listFbsPostingsRequestSchema, { ...common, filter }, LIST_FBS_POSTINGS_PATH);
    return ozonRequest(
      conn,
      { path: LIST_FBS_POSTINGS_PATH, body, schema: listFbsPostingsResponseSchema, idempotent: true },
      opts,
    );
  }
  const fboFilter = { ...filter, ...(params.postingNumbers?.length ? { posting_numbers: params.postingNumbers } : {}) };
  const body = parseRequest(listFboPostingsRequestSchema, { ...common, filter: fboFilter }, LIST_FBO_POSTINGS_PATH);
  return ozonRequest(
    conn,
    { path: LIST_FBO_POSTINGS_PATH, body, schema: listFboPostingsResponseSchema, idempotent: true },
    opts,
  );
}

export type ListRecentPostingsParams = {
  /** Default: `days` before `to`. */
  since?: Date | string;
  /** Default: now. */
  to?: Date | string;
  /** Default 30. */
  days?: number;
  statuses?: string[];
  orderNumbers?: string[];
  /** Per scheme (default 20). */
  maxPages?: number;
  /** Which lists to read (default both). */
  schemes?: ("FBS" | "FBO")[];
};

/**
 * Recent postings of both schemes, every page (up to maxPages each), newest first by payment /
 * creation time, deduplicated by posting number.
 */
export async function listRecentPostings(
  conn: OzonConnection,
  params: ListRecentPostingsParams = {},
  opts?: OzonCallOptions,
): Promise<{ postings: OzonPosting[]; complete: boolean }> {
  const to = params.to ?? new Date();
  const since = params.since ?? new Date(new Date(iso(to)).getTime() - (params.days ?? 30) * 86_400_000);
  const maxPages = params.maxPages ?? 20;
  let complete = true;
  const all: OzonPosting[] = [];
  for (const scheme of params.schemes ?? (["FBS", "FBO"] as const)) {
    let cursor: string | undefined;
    const cursors = new Set<string>();
    for (let page = 1; ; page++) {
      const r = await listPostings(
        conn,
        {
          scheme,
          since,
          to,
          ...(params.statuses ? { statuses: params.statuses } : {}),
          ...(params.orderNumbers ? { orderNumbers: params.orderNumbers } : {}),
          ...(cursor ? { cursor } : {}),
        },
        opts,
      );
      all.push(...r.postings);
      if (!r.hasNext) break;
      if (!r.cursor || cursors.has(r.cursor) || page >= maxPages) {
        complete = false;
        break;
      }
      cursors.add(r.cursor);
      cursor = r.cursor;
    }
  }
  const seen = new Set<string>();
  const postings = all.filter((p) => (seen.has(p.postingNumber) ? false : (seen.add(p.postingNumber), true)));
  const key = (p: OzonPosting) => Date.parse(p.inProcessAt ?? p.createdAt ?? "") || 0;
  postings.sort((a, b) => key(b) - key(a));
  return { postings, complete };
}
