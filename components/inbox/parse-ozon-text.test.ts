import { describe, expect, it } from "vitest";
import { isSafeUrl, ozonPlainText, parseOzonText } from "./parse-ozon-text";

describe("parseOzonText", () => {
  it("keeps plain text as one token", () => {
    expect(parseOzonText("Здравствуйте! Когда доставка?")).toEqual([{ type: "text", text: "Здравствуйте! Когда доставка?" }]);
  });

  it("turns an http(s) markdown link into a link", () => {
    expect(parseOzonText("См. [товар](https://www.ozon.ru/product/1) тут")).toEqual([
      { type: "text", text: "См. " },
      { type: "link", text: "товар", href: "https://www.ozon.ru/product/1" },
      { type: "text", text: " тут" },
    ]);
  });

  it("leaves javascript:, data: and other schemes as text", () => {
    expect(parseOzonText("[click](javascript:alert(1))")).toEqual([{ type: "text", text: "[click](javascript:alert(1))" }]);
    expect(parseOzonText("![x](data:image/png;base64,AAAA)")).toEqual([{ type: "text", text: "![x](data:image/png;base64,AAAA)" }]);
    expect(parseOzonText("[mail](mailto:a@b.c)")).toEqual([{ type: "text", text: "[mail](mailto:a@b.c)" }]);
  });

  it("recognises images", () => {
    expect(parseOzonText("![photo.jpg](https://cdn.ozon.example/a.jpg)")).toEqual([
      { type: "image", alt: "photo.jpg", src: "https://cdn.ozon.example/a.jpg" },
    ]);
  });

  it("links bare http(s) addresses without trailing punctuation", () => {
    expect(parseOzonText("see https://ozon.ru/x. ok")).toEqual([
      { type: "text", text: "see " },
      { type: "link", text: "https://ozon.ru/x", href: "https://ozon.ru/x" },
      { type: "text", text: ". ok" },
    ]);
  });

  it("does not treat text that merely looks like markup as a link", () => {
    expect(parseOzonText("[no link] (here)")).toEqual([{ type: "text", text: "[no link] (here)" }]);
  });
});

describe("isSafeUrl", () => {
  it.each([
    ["https://ozon.ru", true],
    ["http://ozon.ru", true],
    ["javascript:alert(1)", false],
    ["JAVASCRIPT:alert(1)", false],
    ["//ozon.ru", false],
    ["ftp://x", false],
  ])("%s → %s", (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe("ozonPlainText", () => {
  it("keeps link labels and drops addresses", () => {
    expect(ozonPlainText("таблица размеров: [посмотреть](https://www.ozon.ru/x).")).toBe("таблица размеров: посмотреть.");
    expect(ozonPlainText("[x](javascript:alert(1))")).toBe("[x](javascript:alert(1))");
  });
});
