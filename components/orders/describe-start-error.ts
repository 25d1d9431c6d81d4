import { ApiRequestError } from "@/components/fetch-json";

type Words = { startRefused: (reason: string) => string; startFailed: (reason: string) => string };

/**
 * Why "Message buyer" did not open a chat. Ozon's refusal (409 window_closed: the window closed since the page
 * loaded, or the posting was cancelled) keeps the server's words; anything else says the start failed.
 */
export function describeStartError(error: Error, t: Words): string {
  if (error instanceof ApiRequestError && error.code === "window_closed") return t.startRefused(error.message);
  return t.startFailed(error.message);
}
