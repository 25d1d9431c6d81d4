import type { AppErrorBody } from "@/lib/errors/app-error";

/** An error from our own API, carrying its stable code and the values its words need, so the UI can act on it. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The code's parameters as the server sent them beside code and message (e.g. `email`, `flags`). */
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/**
 * fetch for our route handlers: JSON in, JSON out; a failure is thrown with the server's code and parameters (the
 * page words it with describeApiError, in its own language).
 */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiRequestError(0, "network", "The server cannot be reached. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const { code, message, ...params } = (body as Partial<AppErrorBody> | undefined)?.error ?? {};
    throw new ApiRequestError(response.status, typeof code === "string" ? code : "internal", typeof message === "string" ? message : `The server answered ${response.status}.`, params);
  }
  return body as T;
}
