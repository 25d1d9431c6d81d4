import { getDb, getIntakeDb } from "@/lib/db/client";
import { answerWithRequestId } from "@/lib/http/answer-with-request-id";
import { logger } from "@/lib/log/logger";
import { pushErrorResponse } from "./push-error-response";
import { receivePush } from "./receive-push";
import { startPushProcessing } from "./start-push-processing";

/**
 * Ozon's answer to POST /api/push/<token>, whichever way the request came (install-push-receiver.ts, or Next's route):
 * stored and answered at once, applied afterwards in the background. The token is never logged (nor the path, which
 * holds it).
 */
export function answerPush(token: string, request: Request): Promise<Response> {
  return answerWithRequestId(request, async () => {
    try {
      // Storing on a pool of its own: the answer never waits for a connection the processing holds.
      const received = await receivePush(getIntakeDb(), token, request);
      if (received.queuedFor) void startPushProcessing(getDb(), received.queuedFor);
      return received.response;
    } catch (error) {
      // Ozon counts a 5xx against the URL like any failure; the event is not stored, so Ozon's retry brings it again.
      logger.error(`Push receiver failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return pushErrorResponse(500, "ERROR_UNKNOWN", "The notification could not be stored; retry later.");
    }
  });
}
