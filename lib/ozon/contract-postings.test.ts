/** Contract: postings (get FBS/rFBS/FBO, lists v4 FBS / v3 FBO) against the emulator. */
import { describe, expect, it } from "vitest";
import { withEmulator } from "@/lib/testing/with-emulator";

import { getPosting } from "./get-posting";
import { listPostings, listRecentPostings } from "./list-postings";

const emulator = withEmulator();
const ctl = emulator.control;

const since = () => new Date(Date.now() - 365 * 86_400_000);
const to = () => new Date(Date.now() + 86_400_000);

describe("postings", () => {
  it("lists FBS (v4) and FBO (v3) with paging to the end", async () => {
    const conn = emulator.connection();
    for (const scheme of ["FBS", "FBO"] as const) {
      const all: string[] = [];
      let cursor: string | undefined;
      for (let guard = 0; guard < 100; guard++) {
        const page = await listPostings(conn, { scheme, since: since(), to: to(), limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.postings.length).toBeLessThanOrEqual(3);
        all.push(...page.postings.map((p) => p.postingNumber));
        for (const p of page.postings) {
          if (scheme === "FBO") expect(p.scheme).toBe("FBO");
          else expect(["FBS", "rFBS"]).toContain(p.scheme);
        }
        if (!page.hasNext) break;
        cursor = page.cursor;
      }
      expect(all.length).toBeGreaterThan(0);
      expect(new Set(all).size).toBe(all.length);
      const one = await listPostings(conn, { scheme, since: since(), to: to() });
      expect(one.postings.map((p) => p.postingNumber).sort()).toEqual([...all].sort());
    }
    const calls = (await ctl.calls()).by_path;
    expect(calls["/v4/posting/fbs/list"]).toBeGreaterThan(0);
    expect(calls["/v3/posting/fbo/list"]).toBeGreaterThan(0);
  });

  it("listRecentPostings merges both, and the seed has FBS, rFBS and FBO", async () => {
    const r = await listRecentPostings(emulator.connection(), { days: 365 });
    expect(r.complete).toBe(true);
    const schemes = new Set(r.postings.map((p) => p.scheme));
    expect(schemes).toEqual(new Set(["FBS", "rFBS", "FBO"]));
    for (const p of r.postings) {
      expect(p.postingNumber).toMatch(/\S/);
      expect(p.products.length).toBeGreaterThan(0);
      expect(typeof p.products[0]!.price).toBe("string");
    }
  });

  it("getPosting: by scheme, and FBS→FBO fallback; fields match the list", async () => {
    const conn = emulator.connection();
    const { postings } = await listRecentPostings(conn, { days: 365 });
    for (const scheme of ["FBS", "rFBS", "FBO"] as const) {
      const listed = postings.find((p) => p.scheme === scheme)!;
      const byScheme = await getPosting(conn, { postingNumber: listed.postingNumber, scheme });
      const guessed = await getPosting(conn, { postingNumber: listed.postingNumber });
      for (const got of [byScheme, guessed]) {
        expect(got).toMatchObject({
          postingNumber: listed.postingNumber,
          scheme,
          orderNumber: listed.orderNumber,
          status: listed.status,
          inProcessAt: listed.inProcessAt,
          canCreateChat: listed.canCreateChat,
        });
        expect(got.products).toEqual(listed.products);
      }
    }
    await ctl.resetCalls();
    const fbo = postings.find((p) => p.scheme === "FBO")!;
    await getPosting(conn, { postingNumber: fbo.postingNumber });
    expect((await ctl.calls()).by_path).toMatchObject({ "/v3/posting/fbs/get": 1, "/v2/posting/fbo/get": 1 });
  });

  it("filters by order number and status", async () => {
    const conn = emulator.connection();
    const { postings } = await listRecentPostings(conn, { days: 365, schemes: ["FBS"] });
    const target = postings[0]!;
    const byOrder = await listPostings(conn, { scheme: "FBS", since: since(), to: to(), orderNumbers: [target.orderNumber!] });
    expect(byOrder.postings.map((p) => p.postingNumber)).toContain(target.postingNumber);
    expect(byOrder.postings.every((p) => p.orderNumber === target.orderNumber)).toBe(true);
    const byStatus = await listPostings(conn, { scheme: "FBS", since: since(), to: to(), statuses: [target.status] });
    expect(byStatus.postings.length).toBeGreaterThan(0);
    expect(byStatus.postings.every((p) => p.status === target.status)).toBe(true);
    const fbo = (await listRecentPostings(conn, { days: 365, schemes: ["FBO"] })).postings[0]!;
    const byNumber = await listPostings(conn, { scheme: "FBO", since: since(), to: to(), postingNumbers: [fbo.postingNumber] });
    expect(byNumber.postings.map((p) => p.postingNumber)).toEqual([fbo.postingNumber]);
  });

  it("an unknown posting is not_found after both methods", async () => {
    await ctl.resetCalls();
    await expect(getPosting(emulator.connection(), { postingNumber: "0000000000-0000-9" })).rejects.toMatchObject({
      kind: "not_found",
      status: 404,
      ozonMessage: "posting not found",
    });
    expect((await ctl.calls()).by_path).toMatchObject({ "/v3/posting/fbs/get": 1, "/v2/posting/fbo/get": 1 });
  });

  it("an FBO number on the FBS method is not found (raw)", async () => {
    const { postings } = await listRecentPostings(emulator.connection(), { days: 365 });
    const fbo = postings.find((p) => p.scheme === "FBO")!;
    const r = await emulator.ozon.call("/v3/posting/fbs/get", { posting_number: fbo.postingNumber });
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ code: 5, message: "posting not found" });
  });
});
