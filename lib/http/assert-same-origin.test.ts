import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { appOrigin, assertSameOrigin } from "./assert-same-origin";
import { handleRoute } from "./handle-route";

const APP = "http://127.0.0.1:3130";

function request(method: string, headers: Record<string, string>, url = `${APP}/api/x`) {
  return new Request(url, { method, headers: { host: "127.0.0.1:3130", ...headers } });
}

function refused(req: Request): boolean {
  try {
    assertSameOrigin(req);
    return false;
  } catch {
    return true;
  }
}

const savedNextAuthUrl = process.env.NEXTAUTH_URL;

/** The app reads its environment once (lib/env.ts): a test that changes it has that read again. */
function setNextAuthUrl(value: string | undefined): void {
  if (value === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = value;
  resetEnvCache();
}

afterEach(() => setNextAuthUrl(savedNextAuthUrl));

describe("assertSameOrigin", () => {
  it("lets the app's own pages and non-browser clients through", () => {
    setNextAuthUrl(undefined);
    expect(refused(request("POST", { origin: APP, "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(refused(request("POST", { "sec-fetch-site": "none" }))).toBe(false);
    expect(refused(request("POST", {}))).toBe(false);
    expect(refused(request("PATCH", { origin: "HTTP://127.0.0.1:3130" }))).toBe(false);
  });

  it("refuses another port, another subdomain and another site, by Origin or by Sec-Fetch-Site", () => {
    setNextAuthUrl(undefined);
    expect(refused(request("POST", { origin: "http://127.0.0.1:3199" }))).toBe(true);
    expect(refused(request("POST", { origin: "http://127.0.0.1:3199", "sec-fetch-site": "same-site" }))).toBe(true);
    expect(refused(request("DELETE", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(refused(request("PATCH", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(refused(request("POST", { origin: "null" }))).toBe(true);
    expect(refused(request("POST", { origin: "https://127.0.0.1:3130" }))).toBe(true);
  });

  it("leaves reads alone", () => {
    expect(refused(request("GET", { origin: "http://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("uses NEXTAUTH_URL as the app's origin when it is set", () => {
    setNextAuthUrl("https://inbox.example.com/");
    expect(appOrigin(request("POST", {}))).toBe("https://inbox.example.com");
    expect(refused(request("POST", { origin: "https://inbox.example.com" }))).toBe(false);
    expect(refused(request("POST", { origin: APP }))).toBe(true);
  });

  it("is applied by handleRoute before the handler runs, as a 403 in our error shape", async () => {
    setNextAuthUrl(undefined);
    let ran = false;
    const route = handleRoute(async () => {
      ran = true;
      return { ok: true };
    });
    const response = await route(request("POST", { origin: "http://127.0.0.1:3199", "sec-fetch-site": "same-site" }), undefined);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_site_refused");
    expect(ran).toBe(false);
    expect((await route(request("POST", { origin: APP, "sec-fetch-site": "same-origin" }), undefined)).status).toBe(200);
  });
});
