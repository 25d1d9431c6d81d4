/**
 * One posting by number: FBS/rFBS via /v3/posting/fbs/get, FBO via /v2/posting/fbo/get.
 * Without a scheme, tries FBS first and falls back to FBO when Ozon says the posting is not found.
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { OzonApiError } from "./errors";
import { postingSchema, type OzonPosting, type OzonPostingScheme } from "./posting-schema";
import { ozonRequest, parseRequest } from "./request";

const GET_FBS_POSTING_PATH = "/v3/posting/fbs/get";
const GET_FBO_POSTING_PATH = "/v2/posting/fbo/get";

const getPostingRequestSchema = z.object({
  posting_number: z.string().trim().min(1, { error: "posting_number is required" }),
  with: z.record(z.string(), z.boolean()).optional(),
});
export type GetPostingRequest = z.input<typeof getPostingRequestSchema>;

const getFbsPostingResponseSchema = z
  .object({ result: postingSchema("FBS") })
  .transform((r): OzonPosting => r.result);
const getFboPostingResponseSchema = z
  .object({ result: postingSchema("FBO") })
  .transform((r): OzonPosting => r.result);

export type GetPostingParams = {
  postingNumber: string;
  /** When known; "FBS" and "rFBS" use the FBS method. Absent: FBS, then FBO on not_found. */
  scheme?: OzonPostingScheme;
};

export async function getPosting(
  conn: OzonConnection,
  params: GetPostingParams,
  opts?: OzonCallOptions,
): Promise<OzonPosting> {
  const fbs = () => {
    const body = parseRequest(getPostingRequestSchema, { posting_number: params.postingNumber }, GET_FBS_POSTING_PATH);
    return ozonRequest(
      conn,
      { path: GET_FBS_POSTING_PATH, body, schema: getFbsPostingResponseSchema, idempotent: true },
      opts,
    );
  };
  const fbo = () => {
    const body = parseRequest(getPostingRequestSchema, { posting_number: params.postingNumber }, GET_FBO_POSTING_PATH);
    return ozonRequest(
      conn,
      { path: GET_FBO_POSTING_PATH, body, schema: getFboPostingResponseSchema, idempotent: true },
      opts,
    );
  };
  if (params.scheme === "FBO") return fbo();
  if (params.scheme === "FBS" || params.scheme === "rFBS") return fbs();
  try {
    return await fbs();
  } catch (e) {
    if (e instanceof OzonApiError && e.kind === "not_found") return fbo();
    throw e;
  }
}
