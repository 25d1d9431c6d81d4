import { describe, expect, it } from "vitest";
import { getClientAddress } from "./get-client-address";

describe("getClientAddress", () => {
  it("takes x-forwarded-for's first entry, then x-real-ip", () => {
    expect(getClientAddress({ "x-forwarded-for": " 203.0.113.5 , 10.0.0.1", "x-real-ip": "10.0.0.2" })).toBe("203.0.113.5");
    expect(getClientAddress(new Headers({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(getClientAddress({ "x-forwarded-for": ["198.51.100.1, 10.0.0.1"] })).toBe("198.51.100.1");
  });

  it("says unknown when neither header is there", () => {
    expect(getClientAddress(undefined)).toBe("unknown");
    expect(getClientAddress({ "x-forwarded-for": " " })).toBe("unknown");
  });
});
