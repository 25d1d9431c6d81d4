import { describe, expect, it } from "vitest";
import { makeJsonStorable } from "./make-json-storable";
import { makeTextStorable } from "./make-text-storable";

describe("makeTextStorable", () => {
  it("replaces NUL and lone surrogates, keeps everything else", () => {
    expect(makeTextStorable("a\u0000b")).toBe("a\uFFFDb");
    expect(makeTextStorable("\u0000\u0000")).toBe("\uFFFD\uFFFD");
    expect(makeTextStorable("x\uD800y")).toBe("x\uFFFDy");
    expect(makeTextStorable("x\uDC00")).toBe("x\uFFFD");
    expect(makeTextStorable("Привет 😀 \t\n\u0001")).toBe("Привет 😀 \t\n\u0001");
    expect(makeTextStorable("")).toBe("");
  });
  it("is the same each time (the global regex keeps no state between calls)", () => {
    expect(makeTextStorable("a\u0000")).toBe("a\uFFFD");
    expect(makeTextStorable("a\u0000")).toBe("a\uFFFD");
  });
});

describe("makeJsonStorable", () => {
  it("walks objects and arrays, keys included, and leaves other values alone", () => {
    const value = { text: ["ok", "bad\u0000"], n: 3, nested: { "k\u0000": null, b: true } };
    expect(makeJsonStorable(value)).toEqual({ text: ["ok", "bad\uFFFD"], n: 3, nested: { "k\uFFFD": null, b: true } });
  });
  it("returns the same object when nothing changed", () => {
    const value = { a: ["x"], b: { c: 1 } };
    expect(makeJsonStorable(value)).toBe(value);
  });
});
