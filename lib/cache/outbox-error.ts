import { Prisma } from "@/lib/db/generated/client";
import { toAppError } from "@/lib/errors/to-app-error";

/**
 * Why an outbox row's latest attempt did not send, as the row keeps it: the English words for logs, and the code and
 * parameters the browser words in its own language (a failed row shows Ozon's reason in Russian too).
 */
export function outboxErrorFields(error: unknown) {
  const appError = toAppError(error);
  return { lastError: appError.message, lastErrorCode: appError.code, lastErrorParams: appError.params as Prisma.InputJsonObject };
}

/** A row that sent, or is being sent again: no reason kept. */
export const NO_OUTBOX_ERROR = { lastError: null, lastErrorCode: null, lastErrorParams: Prisma.DbNull };
