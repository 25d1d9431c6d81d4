import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/net/peer-address-header";
import { resolveClientAddress, toTrustedProxyList } from "@/lib/net/resolve-client-address";
import { getClientAddress } from "./get-client-address";

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
  resetEnvCache();
});

describe("getClientAddress", () => {
  it("is the socket's address; a client's X-Forwarded-For or X-Real-IP is ignored without trusted proxies", () => {
    expect(getClientAddress({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.5", "x-real-ip": "10.0.0.2" })).toBe(
      "198.51.100.7",
    );
    expect(getClientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "::ffff:198.51.100.7" }))).toBe("198.51.100.7");
    expect(getClientAddress({ "x-forwarded-for": "203.0.113.5" })).toBe("unknown");
    expect(getClientAddress(undefined)).toBe("unknown");
  });

  it("behind a trusted proxy, takes the rightmost address that is not a trusted proxy", () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8";
    resetEnvCache();
    const from = (peer: string, forwardedFor?: string) =>
      getClientAddress({ [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) });
    expect(from("127.0.0.1", "203.0.113.5")).toBe("203.0.113.5");
    expect(from("127.0.0.1", "1.2.3.4, 203.0.113.5, 10.1.2.3")).toBe("203.0.113.5");
    expect(from("127.0.0.1", "10.0.0.9, 10.1.2.3")).toBe("10.0.0.9");
    expect(from("127.0.0.1")).toBe("127.0.0.1");
    expect(from("127.0.0.1", "garbage, 203.0.113.5")).toBe("203.0.113.5");
    // Not from a trusted proxy: the header is the client's own words.
    expect(from("198.51.100.7", "203.0.113.5")).toBe("198.51.100.7");
  });
});

describe("toTrustedProxyList / resolveClientAddress", () => {
  it("understands IPv6 networks and refuses malformed entries", () => {
    const trusted = toTrustedProxyList(["2001:db8::/32"]);
    expect(resolveClientAddress({ peer: "2001:db8::1", forwardedFor: "2001:db9::5", trusted })).toBe("2001:db9::5");
    expect(() => toTrustedProxyList(["10.0.0.0/33"])).toThrow();
    expect(() => toTrustedProxyList(["example.com"])).toThrow();
  });
});
