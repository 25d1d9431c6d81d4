import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/components/fetch-json";
import { describeApiError } from "./describe-api-error";

describe("describeApiError", () => {
  it("words a refusal from its code and parameters, not from the server's message", () => {
    const closed = new ApiRequestError(409, "window_closed", "Whatever the server said.", { reason: "read_only_chat" });
    expect(describeApiError("en", closed)).toBe("This is an Ozon notification chat: nobody can answer in it.");
    expect(describeApiError("ru", closed)).toBe("Это чат уведомлений Ozon: в нём никто не может отвечать.");
  });

  it("tells a refusal in Russian, never in the server's English", () => {
    const words = describeApiError("ru", new ApiRequestError(503, "outcome_unknown", "Ozon did not confirm this message"));
    expect(words).toContain("Ozon не подтвердил запрос");
    expect(words).not.toContain("did not confirm");
  });

  it("falls back to plain words in either language for an unknown code, parameters it cannot use, or no error", () => {
    expect(describeApiError("ru", new ApiRequestError(500, "something_new", "Some English words"))).toBe("Не получилось. Попробуйте ещё раз.");
    expect(describeApiError("ru", { code: "policy_flagged", params: {} })).toBe("Не получилось. Попробуйте ещё раз.");
    expect(describeApiError("en", null)).toBe("The request did not work. Try again.");
    expect(describeApiError("en", new Error("TypeError: x is undefined"))).toBe("The request did not work. Try again.");
  });
});
