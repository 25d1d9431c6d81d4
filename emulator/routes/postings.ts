/** Shared helpers for the posting list methods: period filter, sorting and signed offset cursors. */
import { decodeCursor, encodeCursor } from "../cursor";
import { badRequest, MSG } from "../errors";
import { optObject, optString, reqInt, reqString, type JsonObject } from "../input";
import type { Posting } from "../state";

export function withAnalytics(body: JsonObject): boolean {
  const w = optObject(body, "with");
  return w?.analytics_data === true;
}

function parseDate(o: JsonObject, field: string): number {
  const text = reqString(o, field);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw badRequest(`filter.${field} must be a date-time`);
  return ms;
}

export interface ListRequest {
  since: number;
  to: number;
  limit: number;
  offset: number;
  asc: boolean;
  filter: JsonObject;
}

export function parseListRequest(body: JsonObject, kind: string): ListRequest {
  const filter = optObject(body, "filter");
  if (!filter) throw badRequest("filter is required");
  const since = parseDate(filter, "since");
  const to = parseDate(filter, "to");
  const limit = reqInt(body, "limit", 1, 100);
  const sortDir = (optString(body, "sort_dir") ?? "ASC").toUpperCase();
  if (sortDir !== "ASC" && sortDir !== "DESC") throw badRequest("sort_dir must be ASC or DESC");
  const cursor = optString(body, "cursor") ?? "";
  let offset = 0;
  if (cursor !== "") {
    const m = new RegExp(`^${kind}:(\\d+)$`).exec(decodeCursor(cursor));
    if (!m) throw badRequest(MSG.badCursor);
    offset = Number(m[1]);
  }
  return { since, to, limit, offset, asc: sortDir === "ASC", filter };
}

/** The period filters on processing (payment) time, or creation time for unpaid postings [inf]. */
export function pageOf(postings: Posting[], req: ListRequest, kind: string) {
  const inPeriod = postings.filter((p) => {
    const t = p.paidAt ?? p.createdAt;
    return t >= req.since && t <= req.to;
  });
  inPeriod.sort((a, b) => ((a.paidAt ?? a.createdAt) - (b.paidAt ?? b.createdAt) || (a.posting_number < b.posting_number ? -1 : 1)) * (req.asc ? 1 : -1));
  const page = inPeriod.slice(req.offset, req.offset + req.limit);
  const next = req.offset + page.length;
  const hasNext = next < inPeriod.length;
  return { page, hasNext, cursor: hasNext ? encodeCursor(`${kind}:${next}`) : "" };
}
