/** POST /v3/posting/fbo/list — FBO postings, same shape as the v4 FBS list [inf]. */
import { optStringArray } from "../input";
import { fboPostingJson, fboStatus } from "../render";
import { pageOf, parseListRequest, withAnalytics } from "./postings";
import type { Route } from "./types";

export const postingFboList: Route = {
  premium: false,
  mutates: false,
  handle({ seller, body, now }) {
    const req = parseListRequest(body, "fbo");
    const statuses = optStringArray(req.filter, "statuses", "filter.statuses");
    const postingNumbers = optStringArray(req.filter, "posting_numbers", "filter.posting_numbers");
    const orderNumbers = optStringArray(req.filter, "order_numbers", "filter.order_numbers");
    const candidates = [...seller.postings.values()].filter(
      (p) =>
        p.schema === "FBO" &&
        (!statuses || statuses.length === 0 || statuses.includes(fboStatus(p, now))) &&
        (!postingNumbers || postingNumbers.length === 0 || postingNumbers.includes(p.posting_number)) &&
        (!orderNumbers || orderNumbers.length === 0 || orderNumbers.includes(p.order_number)),
    );
    const { page, hasNext, cursor } = pageOf(candidates, req, "fbo");
    const analytics = withAnalytics(body);
    return { cursor, has_next: hasNext, postings: page.map((p) => fboPostingJson(p, now, analytics, "list")) };
  },
};
