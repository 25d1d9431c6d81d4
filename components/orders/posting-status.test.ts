import { describe, expect, it } from "vitest";
import { postingStatusWords } from "./posting-status";

describe("postingStatusWords", () => {
  it.each([
    ["awaiting_packaging", "Awaiting packaging", "Ожидает сборки"],
    ["awaiting_approve", "Awaiting payment", "Ожидает оплаты"],
    ["delivering", "Being delivered", "Доставляется"],
    ["delivered", "Delivered", "Доставлено"],
    ["cancelled", "Cancelled", "Отменено"],
  ])("%s → %s / %s", (status, en, ru) => {
    expect(postingStatusWords(status, "en")).toBe(en);
    expect(postingStatusWords(status, "ru")).toBe(ru);
  });

  it("shows a code it does not know as it is", () => {
    expect(postingStatusWords("some_new_status", "en")).toBe("some_new_status");
    expect(postingStatusWords("some_new_status", "ru")).toBe("some_new_status");
  });

  it("is not fooled by names every object has", () => {
    expect(postingStatusWords("constructor", "en")).toBe("constructor");
    expect(postingStatusWords("toString", "ru")).toBe("toString");
  });
});
