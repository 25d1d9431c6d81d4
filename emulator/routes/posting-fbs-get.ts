/** POST /v3/posting/fbs/get — one FBS or rFBS posting; an FBO number is not found. */
import { reqString } from "../input";
import { fbsPostingJson } from "../render";
import { findPosting, type Route } from "./types";
import { withAnalytics } from "./postings";
import { notFound, MSG } from "../errors";

export const postingFbsGet: Route = {
  premium: false,
  mutates: false,
  handle({ seller, body, now }) {
    const posting = findPosting(seller, reqString(body, "posting_number"));
    if (posting.schema === "FBO") throw notFound(MSG.postingNotFound);
    return { result: fbsPostingJson(posting, now, withAnalytics(body)) };
  },
};
