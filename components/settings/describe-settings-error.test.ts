import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/components/fetch-json";
import { describeSettingsError } from "./describe-settings-error";

describe("describeSettingsError", () => {
  const taken = new ApiRequestError(409, "conflict", "A user with the email a@b.c already exists.");

  it("shows the server's own words in English", () => {
    expect(describeSettingsError(taken, "en", "addUser")).toBe("A user with the email a@b.c already exists.");
  });

  it("translates a refusal by its code, and a conflict by what was being done", () => {
    expect(describeSettingsError(taken, "ru", "addUser")).toBe("Пользователь с таким адресом эл. почты уже есть.");
    expect(describeSettingsError(new ApiRequestError(409, "conflict", "x is the last active administrator."), "ru", "changeUser")).toMatch(
      /последний активный администратор/,
    );
    expect(describeSettingsError(new ApiRequestError(409, "conflict", "already connected"), "ru", "addAccount")).toMatch(/уже подключён/);
    expect(describeSettingsError(new ApiRequestError(422, "ozon_bad_credentials", "Ozon did not accept"), "ru", "addAccount")).toMatch(
      /^Ozon не принял/,
    );
    expect(describeSettingsError(new ApiRequestError(422, "ozon_premium_required", "premium"), "ru", "addAccount")).toMatch(/Premium Plus/);
  });

  it("never shows English words on a Russian page, even for an unknown code", () => {
    const text = describeSettingsError(new ApiRequestError(500, "something_new", "Internal"), "ru", "load");
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
  });

  it("has words for a thrown non-API error", () => {
    expect(describeSettingsError(new Error("boom"), "en", "load")).toBe("Something went wrong. Try again.");
  });
});
