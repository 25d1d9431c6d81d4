import { describe, expect, it } from "vitest";
import { checkAnswerText } from "@/lib/ozon/validate-answer-text";
import { checkMessageText } from "@/lib/ozon/validate-message-text";
import { fillReplyVariables } from "./fill-reply-variables";
import { checkSavedReplyText, SAVED_REPLY_MAX_CHARS, SAVED_REPLY_RAW_MAX_CHARS } from "./saved-reply-limits";
import { savedReplyInputSchema } from "./saved-reply-view";

const input = (text: string) => savedReplyInputSchema.safeParse({ title: "T", shortcut: "t", text });

describe("a saved reply's length", () => {
  it("holds up to an answer's 3000 characters without its variables, in code points", () => {
    expect(SAVED_REPLY_MAX_CHARS).toBe(3000);
    expect(checkSavedReplyText("а".repeat(3000))).toBeNull();
    expect(checkSavedReplyText("😀".repeat(3000))).toBeNull(); // 6000 UTF-16 units, 3000 characters
    expect(checkSavedReplyText("а".repeat(3001))).toEqual({ problem: "fixed_too_long", length: 3001, max: 3000 });
    // Variables do not count: the box's own limit is checked once filled.
    expect(checkSavedReplyText(`${"а".repeat(2990)}{product}{order_number}{agent}`)).toBeNull();
    expect(checkSavedReplyText("{product}".repeat(700))).toEqual({ problem: "raw_too_long", length: 6300, max: SAVED_REPLY_RAW_MAX_CHARS });
  });

  it("is the server's rule too: the schema of create, update and import", () => {
    expect(input("а".repeat(3000)).success).toBe(true);
    expect(input(` ${"а".repeat(3000)} `).success).toBe(true); // trimmed first
    expect(input("а".repeat(3001)).error?.issues).toEqual([expect.objectContaining({ path: ["text"], message: "text without its variables must be at most 3000 characters" })]);
    expect(input(`${"а".repeat(2995)}{product}`).success).toBe(true);
    expect(input("{agent}".repeat(900)).error?.issues).toEqual([expect.objectContaining({ path: ["text"], message: "text must be at most 6000 characters" })]);
  });

  it("is checked once filled against the box it goes into: a chat's 1000, an answer's 3000", () => {
    const reply = `${"а".repeat(1500)} {product}`;
    const values = { product: "Чехол" };
    const inChat = fillReplyVariables(reply, values);
    expect(inChat).toMatchObject({ length: 1506, tooLong: true });
    expect(checkMessageText(inChat.text).ok).toBe(false); // what the chat's send would refuse
    const inAnswer = fillReplyVariables(reply, values, 3000);
    expect(inAnswer).toMatchObject({ length: 1506, tooLong: false });
    expect(checkAnswerText(inAnswer.text).ok).toBe(true);
    // The longest reply, filled past 3000 by its values, is too long even for an answer.
    expect(fillReplyVariables(`${"а".repeat(3000)}{product}`, values, 3000)).toMatchObject({ length: 3005, tooLong: true });
  });
});
