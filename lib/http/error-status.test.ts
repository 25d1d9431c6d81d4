import { describe, expect, it } from "vitest";
import { errorWords, type BrowserErrorCode } from "@/lib/errors/error-words";
import { ERROR_STATUS } from "./error-status";

const BROWSER_CODES: BrowserErrorCode[] = ["network"];

describe("ERROR_STATUS", () => {
  it("has an error status for every code the catalog words, and none for a code it does not", () => {
    const codes = Object.keys(errorWords.en).filter((code) => !(BROWSER_CODES as string[]).includes(code));
    expect(Object.keys(ERROR_STATUS).sort()).toEqual(codes.sort());
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it("keeps a refusal of the request apart from Ozon's trouble and ours", () => {
    expect(ERROR_STATUS.invalid_input).toBe(400);
    expect(ERROR_STATUS.window_closed).toBe(409);
    expect(ERROR_STATUS.ozon_bad_credentials).toBe(502);
    expect(ERROR_STATUS.outcome_unknown).toBe(503);
    expect(ERROR_STATUS.internal).toBe(500);
  });
});
