import { describe, expect, it } from "vitest";
import { formatPrice } from "./format-price";

// Intl puts a (narrow) no-break space in some places; compare with plain spaces.
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, " ") ?? null;

describe("formatPrice", () => {
  it("shows roubles in either language", () => {
    expect(plain(formatPrice("ru", "2990.00", "RUB"))).toBe("2 990,00 ₽");
    expect(plain(formatPrice("en", "2990.00", "RUB"))).toBe("RUB 2,990.00");
  });

  it("keeps a price without a currency, and one that is not a number", () => {
    expect(plain(formatPrice("en", "15.5", null))).toBe("15.50");
    expect(formatPrice("en", "n/a", "RUB")).toBe("n/a RUB");
  });

  it("shows nothing for a missing price", () => {
    expect(formatPrice("en", null, "RUB")).toBeNull();
    expect(formatPrice("ru", " ", "RUB")).toBeNull();
  });

  it("survives a currency code Intl does not know", () => {
    expect(formatPrice("en", "10", "XX1")).toBe("10.00 XX1");
  });
});
