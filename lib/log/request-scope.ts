import { AsyncLocalStorage } from "node:async_hooks";

export type RequestScope = { requestId: string };

/**
 * The route call the current code runs for (lib/http/handle-route.ts opens it): every log line written inside it
 * carries its request id, however deep the module that writes it. Kept on globalThis because Next may load this
 * module twice.
 */
export const requestScope: AsyncLocalStorage<RequestScope> = ((globalThis as { __sellerInboxRequestScope?: AsyncLocalStorage<RequestScope> })
  .__sellerInboxRequestScope ??= new AsyncLocalStorage<RequestScope>());
