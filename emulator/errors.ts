/**
 * Ozon's error body is the gRPC-gateway `rpcStatus`: {code, message, details}. The HTTP status and the
 * gRPC code travel together, so every failure in the emulator is one ApiError carrying both.
 */

export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): { code: number; message: string; details: unknown[] } {
    return { code: this.code, message: this.message, details: [] };
  }
}

/** Standard gRPC-gateway mapping from HTTP status to gRPC code (used for injected faults). */
export function grpcCodeForHttp(status: number): number {
  switch (status) {
    case 400: return 3;
    case 401: return 16;
    case 403: return 7;
    case 404: return 5;
    case 409: return 6;
    case 429: return 8;
    case 501: return 12;
    case 502:
    case 503: return 14;
    case 504: return 4;
    default: return status >= 500 ? 13 : 2;
  }
}

export const badRequest = (message: string) => new ApiError(400, 3, message);
export const notFound = (message: string) => new ApiError(404, 5, message);
export const forbidden = (message: string) => new ApiError(403, 7, message);

export const MSG = {
  headersRequired: "Client-Id and Api-Key headers are required",
  invalidApiKey: "Invalid Api-Key, please check the key and try again",
  premiumRequired: "This method is available only with the Premium Plus or Premium Pro subscription",
  accessExpired: "access period has expired",
  fboStart: "only the buyer can start a chat for an FBO posting",
  chatNotFound: "chat not found",
  postingNotFound: "posting not found",
  invalidJson: "invalid JSON body",
  rateLimited: "You have reached request rate limit per second",
  internal: "Internal error",
  pathNotFound: "Not Found",
  badCursor: "Cursor value is incorrect",
} as const;
