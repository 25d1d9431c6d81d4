import type { ApiErrorBody } from "@/lib/http/api-error";

/** An error from our own API, carrying its stable code so the UI can act on it. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** fetch for our route handlers: JSON in, JSON out, and the server's own words on failure. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiRequestError(0, "network", "The server cannot be reached. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as Partial<ApiErrorBody> | undefined)?.error;
    throw new ApiRequestError(response.status, error?.code ?? "internal", error?.message ?? `The server answered ${response.status}.`);
  }
  return body as T;
}
