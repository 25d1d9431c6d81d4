import { describe, expect, it } from "vitest";
import { pluralRu } from "./define-messages";
import { getRequestLocale } from "./get-request-locale";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("prefers the remembered choice", () => {
    expect(negotiateLocale("ru", "en-US,en;q=0.9")).toBe("ru");
  });
  it("takes the browser's best supported language", () => {
    expect(negotiateLocale(undefined, "de-DE,ru;q=0.8,en;q=0.5")).toBe("ru");
    expect(negotiateLocale(undefined, "ru-RU")).toBe("ru");
    expect(negotiateLocale(undefined, "en;q=0.9,ru;q=0.3")).toBe("en");
  });
  it("ignores a language the browser refuses and falls back to English", () => {
    expect(negotiateLocale(undefined, "ru;q=0,de")).toBe("en");
    expect(negotiateLocale("fr", undefined)).toBe("en");
  });
  it("reads the cookie and header of a request", () => {
    expect(getRequestLocale(new Headers({ cookie: "a=b; seller-inbox-locale=ru", "accept-language": "en" }))).toBe("ru");
    expect(getRequestLocale(new Headers({ "accept-language": "ru-RU,ru;q=0.9" }))).toBe("ru");
  });
});

describe("pluralRu", () => {
  it.each([
    [1, "чат"],
    [2, "чата"],
    [5, "чатов"],
    [11, "чатов"],
    [21, "чат"],
    [22, "чата"],
    [112, "чатов"],
  ])("%i → %s", (count, word) => {
    expect(pluralRu(count, "чат", "чата", "чатов")).toBe(word);
  });
});
