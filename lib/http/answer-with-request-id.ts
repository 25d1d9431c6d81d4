import { requestScope } from "@/lib/log/request-scope";
import { readRequestId } from "./read-request-id";

/**
 * Runs a route call under its request id (the caller's x-request-id when sane): every log line written meanwhile
 * carries it, and the answer returns it as x-request-id, so a user's or a proxy's report can be found in the log.
 */
export async function answerWithRequestId(request: Request, answer: () => Promise<Response>): Promise<Response> {
  const requestId = readRequestId(request);
  const response = await requestScope.run({ requestId }, answer);
  try {
    response.headers.set("x-request-id", requestId);
    return response;
  } catch {
    // A Response built elsewhere (Response.redirect, a fetched one) has immutable headers: answer a copy.
    const copy = new Response(response.body, response);
    copy.headers.set("x-request-id", requestId);
    return copy;
  }
}
