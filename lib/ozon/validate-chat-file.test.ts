import { describe, expect, it } from "vitest";

import { sendFile } from "./send-file";
import { fakeFetch, jsonResponse, testConn } from "./test-helpers";
import { base64DecodedBytes, CHAT_FILE_MAX_BYTES, checkChatFile, validateChatFile } from "./validate-chat-file";

const b64 = (n: number) => Buffer.alloc(n, 7).toString("base64");

describe("chat file validation", () => {
  it.each(["a.jpg", "a.JPEG", "photo.png", "x.gif", "x.WebP", "doc.pdf", "IMG_1.HEIC", "a.b.pdf"])("accepts %s", (name) => {
    expect(checkChatFile({ name, base64Content: b64(10) })).toEqual({ ok: true, bytes: 10 });
  });

  it.each(["a.exe", "a.txt", "noext", "a.", ".png", "a.pdf.zip", ""])("refuses %s", (name) => {
    expect(checkChatFile({ name, base64Content: b64(10) }).ok).toBe(false);
  });

  it("computes the decoded size from base64 without decoding", () => {
    for (const n of [1, 2, 3, 4, 5, 100, 1023]) expect(base64DecodedBytes(b64(n))).toBe(n);
    expect(base64DecodedBytes("abc")).toBeNull();
    expect(base64DecodedBytes("ab$=")).toBeNull();
  });

  it("allows exactly 10 MiB, refuses one byte more", () => {
    expect(checkChatFile({ name: "a.pdf", base64Content: b64(CHAT_FILE_MAX_BYTES) }).ok).toBe(true);
    const r = checkChatFile({ name: "a.pdf", base64Content: b64(CHAT_FILE_MAX_BYTES + 1) });
    expect(r.ok).toBe(false);
    expect(checkChatFile({ name: "a.pdf", sizeBytes: CHAT_FILE_MAX_BYTES + 1 }).ok).toBe(false);
  });

  it("refuses bad base64 and empty files, strips a data: prefix", () => {
    expect(checkChatFile({ name: "a.png", base64Content: "not base64!" }).ok).toBe(false);
    expect(checkChatFile({ name: "a.png", base64Content: "" }).ok).toBe(false);
    expect(checkChatFile({ name: "a.png", base64Content: `data:image/png;base64,${b64(3)}` })).toEqual({ ok: true, bytes: 3 });
    expect(() => validateChatFile({ name: "a.exe", base64Content: b64(3) })).toThrow(/file type/);
  });

  it("sendFile checks before the wire and sends plain base64", async () => {
    const f = fakeFetch(() => jsonResponse({ result: "success" }));
    const conn = testConn(f.fetch);
    await expect(sendFile(conn, { chatId: "c", name: "a.exe", base64Content: b64(3) })).rejects.toMatchObject({
      kind: "invalid_input",
    });
    expect(f.calls).toHaveLength(0);
    await sendFile(conn, { chatId: "c", name: "a.png", content: new Uint8Array([1, 2, 3]) });
    await sendFile(conn, { chatId: "c", name: "a.png", base64Content: "data:image/png;base64,AQID" });
    expect(f.calls.map((c) => JSON.parse(c.body))).toEqual([
      { chat_id: "c", base64_content: "AQID", name: "a.png" },
      { chat_id: "c", base64_content: "AQID", name: "a.png" },
    ]);
  });
});
