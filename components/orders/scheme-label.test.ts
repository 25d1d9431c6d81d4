import { describe, expect, it } from "vitest";
import { schemeLabel } from "./scheme-label";

describe("schemeLabel", () => {
  it("keeps Ozon's short name and says who stores and who delivers, in the page's language", () => {
    expect(schemeLabel("FBO", "en")).toBe("FBO (Ozon's warehouse)");
    expect(schemeLabel("FBS", "ru")).toBe("FBS (склад продавца, доставка Ozon)");
    expect(schemeLabel("rFBS", "en")).toBe("rFBS (seller's warehouse, seller delivers)");
    expect(schemeLabel("rFBS", "ru")).toBe("rFBS (склад продавца, доставка продавцом)");
  });
});
