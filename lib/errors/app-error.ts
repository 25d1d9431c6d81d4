import { describeError } from "./describe-error";
import type { AppErrorCode, AppErrorParams } from "./error-words";

export type { AppErrorCode, AppErrorParams } from "./error-words";

/** The parameters argument: optional for a code whose words need none. */
type ParamsArgument<Code extends AppErrorCode> = Record<string, never> extends AppErrorParams[Code]
  ? [params?: AppErrorParams[Code]]
  : [params: AppErrorParams[Code]];

/**
 * The one error the application throws for a refusal a person should hear about: a code with one meaning and the
 * values its words need. No HTTP status (lib/http/error-status.ts maps codes) and no words at the throw site (the
 * catalog, lib/errors/error-words.ts, has them in every language); `message` is the English, for logs and tests.
 */
export class AppError<Code extends AppErrorCode = AppErrorCode> extends Error {
  readonly code: Code;
  readonly params: AppErrorParams[Code];

  constructor(code: Code, ...[params]: ParamsArgument<Code>) {
    const values = (params ?? {}) as AppErrorParams[Code];
    super(describeError("en", code, values));
    this.name = "AppError";
    this.code = code;
    this.params = values;
  }
}

/** Whether `error` is an AppError, and of one of `codes` when given (narrowing its params). */
export function isAppError<Code extends AppErrorCode = AppErrorCode>(error: unknown, ...codes: Code[]): error is AppError<Code> {
  return error instanceof AppError && (codes.length === 0 || codes.includes(error.code as Code));
}

/** An error answer's body: the code, its English words, and the code's parameters beside them. */
export type AppErrorBody = { error: { code: string; message: string } & Record<string, unknown> };
