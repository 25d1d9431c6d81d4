import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { OzonConnection } from "@/lib/ozon";

/**
 * The seller account given by the environment (OZON_CLIENT_ID / OZON_API_KEY). It stands in until seller
 * accounts are stored, encrypted, in the database; the key stays on the server either way.
 */
export function getConfiguredConnection(): OzonConnection {
  const env = getEnv();
  if (!env.OZON_CLIENT_ID || !env.OZON_API_KEY) {
    throw new ApiError(404, "not_configured", "No Ozon seller account is connected yet. Ask your administrator to connect one.");
  }
  return { baseUrl: env.OZON_API_URL, clientId: env.OZON_CLIENT_ID, apiKey: env.OZON_API_KEY, timeoutMs: env.OZON_TIMEOUT_MS };
}
