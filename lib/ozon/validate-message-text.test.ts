import { describe, expect, it } from "vitest";

import { OzonApiError } from "./errors";
import { sendMessage } from "./send-message";
import { fakeFetch, jsonResponse, testConn } from "./test-helpers";
import { checkMessageText, countCodePoints, validateMessageText } from "./validate-message-text";

const emoji = "😀"; // one code point, two UTF-16 units

describe("message text validation", () => {
  it.each([
    ["0 code points", "", false],
    ["1 code point", "a", true],
    ["1000 code points", "a".repeat(1000), true],
    ["1001 code points", "a".repeat(1001), false],
    ["1000 emoji", emoji.repeat(1000), true],
    ["1001 emoji", emoji.repeat(1001), false],
    ["Cyrillic 1000", "ж".repeat(1000), true],
    ["spaces only", "   ", false],
    ["whitespace only", " \n\t\u00a0\u3000 ", false],
    ["text with spaces around", "  привет  ", true],
  ])("%s", (_name, text, ok) => {
    expect(checkMessageText(text).ok).toBe(ok);
    if (ok) expect(() => validateMessageText(text)).not.toThrow();
    else {
      try {
        validateMessageText(text);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(OzonApiError);
        expect((e as OzonApiError).kind).toBe("invalid_input");
        expect((e as OzonApiError).status).toBe(0);
        expect((e as OzonApiError).message.length).toBeGreaterThan(10);
      }
    }
  });

  it("counts code points, not UTF-16 units", () => {
    expect(emoji.repeat(1000).length).toBe(2000);
    expect(countCodePoints(emoji.repeat(1000))).toBe(1000);
    expect(checkMessageText(emoji.repeat(1001))).toMatchObject({ ok: false, length: 1001 });
  });

  it("messages say what is wrong", () => {
    expect(checkMessageText("a".repeat(1001))).toMatchObject({ ok: false, message: expect.stringContaining("1001") });
    expect(checkMessageText("  ")).toMatchObject({ ok: false, message: expect.stringMatching(/spaces/) });
  });

  it("sendMessage refuses a bad text without touching the network", async () => {
    const f = fakeFetch(() => jsonResponse({ result: "success" }));
    const conn = testConn(f.fetch);
    for (const text of ["", "   ", emoji.repeat(1001)]) {
      await expect(sendMessage(conn, { chatId: "c1", text })).rejects.toMatchObject({ kind: "invalid_input" });
    }
    expect(f.calls).toHaveLength(0);
    await expect(sendMessage(conn, { chatId: "c1", text: emoji.repeat(1000) })).resolves.toEqual({ result: "success" });
    expect(f.calls).toHaveLength(1);
    expect(JSON.parse(f.calls[0]!.body)).toEqual({ chat_id: "c1", text: emoji.repeat(1000) });
  });
});
