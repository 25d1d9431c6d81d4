/** POST /v2/posting/fbo/get — one FBO posting; FBS/rFBS numbers are not found. */
import { reqString } from "../input";
import { fboPostingJson } from "../render";
import { findPosting, type Route } from "./types";
import { withAnalytics } from "./postings";
import { notFound, MSG } from "../errors";

export const postingFboGet: Route = {
  premium: false,
  mutates: false,
  handle({ seller, body, now }) {
    const posting = findPosting(seller, reqString(body, "posting_number"));
    if (posting.schema !== "FBO") throw notFound(MSG.postingNotFound);
    return { result: fboPostingJson(posting, now, withAnalytics(body)) };
  },
};
