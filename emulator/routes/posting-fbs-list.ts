/** POST /v4/posting/fbs/list — FBS and rFBS postings, cursor paging, no `result` wrapper. */
import { optStringArray } from "../input";
import { fbsPostingJson, fbsStatus } from "../render";
import { pageOf, parseListRequest, withAnalytics } from "./postings";
import type { Route } from "./types";

export const postingFbsList: Route = {
  premium: false,
  mutates: false,
  handle({ seller, body, now }) {
    const req = parseListRequest(body, "fbs");
    const statuses = optStringArray(req.filter, "statuses", "filter.statuses");
    const orderNumbers = optStringArray(req.filter, "order_numbers", "filter.order_numbers");
    const candidates = [...seller.postings.values()].filter(
      (p) =>
        p.schema !== "FBO" &&
        (!statuses || statuses.length === 0 || statuses.includes(fbsStatus(p, now).status)) &&
        (!orderNumbers || orderNumbers.length === 0 || orderNumbers.includes(p.order_number)),
    );
    const { page, hasNext, cursor } = pageOf(candidates, req, "fbs");
    const analytics = withAnalytics(body);
    return { cursor, has_next: hasNext, postings: page.map((p) => fbsPostingJson(p, now, analytics, "list")) };
  },
};
