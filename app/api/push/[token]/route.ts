import { getDb, getIntakeDb } from "@/lib/db/client";
import { answerWithRequestId } from "@/lib/http/answer-with-request-id";
import { logger } from "@/lib/log/logger";
import { pushErrorResponse } from "@/lib/push/push-error-response";
import { receivePush } from "@/lib/push/receive-push";
import { startPushProcessing } from "@/lib/push/start-push-processing";

type Context = { params: Promise<{ token: string }> };

/**
 * Ozon's push notifications for one seller account (no session: Ozon calls it; the token in the URL is the secret).
 * Answers at once and applies the event afterwards, in the background (lib/push). The token is never logged (nor the
 * path, which holds it).
 */
export function POST(request: Request, context: Context): Promise<Response> {
  return answerWithRequestId(request, () => receive(request, context));
}

async function receive(request: Request, context: Context): Promise<Response> {
  try {
    const { token } = await context.params;
    // Storing on a pool of its own: the answer never waits for a connection the processing holds.
    const received = await receivePush(getIntakeDb(), token, request);
    if (received.queuedFor) void startPushProcessing(getDb(), received.queuedFor);
    return received.response;
  } catch (error) {
    // Ozon counts a 5xx against the URL like any failure; the event is not stored, so Ozon's retry brings it again.
    logger.error(`Push receiver failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return pushErrorResponse(500, "ERROR_UNKNOWN", "The notification could not be stored; retry later.");
  }
}
