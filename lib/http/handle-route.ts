import { logger } from "@/lib/log/logger";
import { answerWithRequestId } from "./answer-with-request-id";
import { assertSameOrigin } from "./assert-same-origin";
import { errorResponse } from "./error-response";
import { isClientGone } from "./is-client-gone";

/** Status of an answer nobody receives (the client closed the request), as nginx logs it. */
export const CLIENT_GONE_STATUS = 499;

/**
 * The one wrapper every route handler goes through: it answers the handler's value as JSON and any error as
 * `{ error: { code, message } }` (see error-response.ts). Sessions and account rights join here with sign-in.
 * A state-changing request from another site is refused before the handler runs (assert-same-origin.ts).
 * Each call has a request id, on its log lines and its answer (answer-with-request-id.ts).
 * A request the browser abandoned costs one calm log line, not a stack trace.
 */
export function handleRoute<Context>(handler: (request: Request, context: Context) => Promise<unknown>) {
  return (request: Request, context: Context): Promise<Response> => answerWithRequestId(request, () => answer(handler, request, context));
}

async function answer<Context>(handler: (request: Request, context: Context) => Promise<unknown>, request: Request, context: Context): Promise<Response> {
  try {
    assertSameOrigin(request);
    const result = await handler(request, context);
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    if (isClientGone(request, error)) {
      logger.warn(`${request.method} ${new URL(request.url).pathname}: the client went away before the answer.`);
      return new Response(null, { status: CLIENT_GONE_STATUS });
    }
    return errorResponse(error);
  }
}
