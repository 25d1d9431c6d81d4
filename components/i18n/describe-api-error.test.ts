import { describe, expect, it } from "vitest";
import { describeApiError } from "./describe-api-error";

describe("describeApiError", () => {
  it("shows the server's own words on an English page", () => {
    expect(describeApiError("en", { code: "window_closed", message: "Ozon no longer allows writing in this chat." })).toBe(
      "Ozon no longer allows writing in this chat.",
    );
  });

  it("tells a refusal again in Russian from its code, never in the server's English", () => {
    const words = describeApiError("ru", { code: "outcome_unknown", message: "Ozon did not confirm this message" });
    expect(words).toContain("Ozon не подтвердил сообщение");
    expect(words).not.toContain("did not confirm");
  });

  it("falls back to plain words in either language when there is nothing to go on", () => {
    expect(describeApiError("ru", { code: "something_new", message: "Some English words" })).toBe("Не получилось. Попробуйте ещё раз.");
    expect(describeApiError("en", null)).toBe("The request did not work. Try again.");
  });
});
