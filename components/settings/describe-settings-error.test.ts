import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/components/fetch-json";
import { describeSettingsError } from "./describe-settings-error";

describe("describeSettingsError", () => {
  const taken = new ApiRequestError(409, "user_email_taken", "A user with the email a@b.c already exists.", { email: "a@b.c" });

  it("words each refusal from its own code and parameters, in either language", () => {
    expect(describeSettingsError(taken, "en")).toBe("A user with the email a@b.c already exists.");
    expect(describeSettingsError(taken, "ru")).toBe("Пользователь с адресом a@b.c уже есть.");
    expect(describeSettingsError(new ApiRequestError(409, "last_admin", "x", { name: "Olga" }), "ru")).toMatch(/^Olga — последний активный администратор/);
    expect(describeSettingsError(new ApiRequestError(409, "account_already_connected", "x", { clientId: "123" }), "ru")).toMatch(/Client-Id 123 уже подключён/);
    expect(describeSettingsError(new ApiRequestError(422, "account_key_rejected", "x"), "ru")).toMatch(/^Ozon не принял/);
    expect(describeSettingsError(new ApiRequestError(422, "account_premium_required", "x", { subscription: null }), "ru")).toMatch(/Premium Plus/);
  });

  it("never shows English words on a Russian page, even for an unknown code", () => {
    const text = describeSettingsError(new ApiRequestError(500, "something_new", "Internal"), "ru");
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
  });

  it("has words for a thrown non-API error", () => {
    expect(describeSettingsError(new Error("boom"), "en")).toBe("Something went wrong. Try again.");
  });
});
