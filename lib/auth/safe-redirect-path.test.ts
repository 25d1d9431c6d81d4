import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect-path";

const ORIGIN = "http://127.0.0.1:3130";

describe("safeRedirectPath", () => {
  it("keeps a path on the app, with its query and hash", () => {
    expect(safeRedirectPath("/inbox/123?filter=unread#m1", ORIGIN)).toBe("/inbox/123?filter=unread#m1");
    expect(safeRedirectPath(`${ORIGIN}/orders/1-2-3`, ORIGIN)).toBe("/orders/1-2-3");
    expect(safeRedirectPath("/settings/agents", ORIGIN)).toBe("/settings/agents");
  });

  it("gives / for nothing, for the sign-in page and for nonsense", () => {
    expect(safeRedirectPath(null, ORIGIN)).toBe("/");
    expect(safeRedirectPath("", ORIGIN)).toBe("/");
    expect(safeRedirectPath("%E0%A4%A", ORIGIN)).toBe("/");
  });

  const bypasses = [
    "//evil.example/x",
    "///evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example/x",
    "\\/evil.example/x",
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    " //evil.example/x",
    "/%2F/evil.example/x",
    "/%2f%2fevil.example/x",
    "/%5Cevil.example/x",
    "/%5cevil.example/x",
    "/%252F/evil.example/x",
    "%2F%2Fevil.example/x",
    `${ORIGIN}//evil.example/x`,
    `${ORIGIN}/\\evil.example/x`,
    `${ORIGIN}/%2F%2Fevil.example/x`,
    "http://evil.example/x",
    "https://evil.example/x",
    "HTTP://EVIL.EXAMPLE",
    "http:evil.example",
    "http:/evil.example",
    "https:\\\\evil.example",
    "//127.0.0.1:3199/x",
    "http://127.0.0.1:3199/x",
    "https://127.0.0.1:3130/x",
    `http://user@127.0.0.1:3130@evil.example/x`,
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "/\u0000/evil.example",
  ];
  it.each(bypasses)("refuses %j", (destination) => {
    expect(safeRedirectPath(destination, ORIGIN)).toBe("/");
  });
});
