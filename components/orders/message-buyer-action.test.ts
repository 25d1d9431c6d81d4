import { describe, expect, it } from "vitest";
import { messageBuyerAction } from "./message-buyer-action";

const base = {
  chatId: null,
  canCreateChat: false,
  scheme: "FBS" as const,
  status: "delivered",
  dates: { paidAt: "2026-11-01T10:00:00.000Z" },
};

describe("messageBuyerAction", () => {
  it("opens the chat the inbox already has, whatever Ozon says about starting one", () => {
    expect(messageBuyerAction({ ...base, chatId: "c1" })).toEqual({ kind: "open", chatId: "c1" });
    expect(messageBuyerAction({ ...base, scheme: "FBO", chatId: "c2" })).toEqual({ kind: "open", chatId: "c2" });
  });

  it("starts a chat when Ozon allows it", () => {
    expect(messageBuyerAction({ ...base, canCreateChat: true })).toEqual({ kind: "start" });
    expect(messageBuyerAction({ ...base, scheme: "rFBS", canCreateChat: true })).toEqual({ kind: "start" });
  });

  it("explains that only the buyer starts an FBO chat", () => {
    expect(messageBuyerAction({ ...base, scheme: "FBO" })).toEqual({ kind: "blocked", reason: "fbo" });
  });

  it("explains a cancelled posting", () => {
    expect(messageBuyerAction({ ...base, status: "cancelled" })).toEqual({ kind: "blocked", reason: "cancelled" });
  });

  it("explains a posting not paid yet", () => {
    expect(messageBuyerAction({ ...base, status: "awaiting_approve", dates: { paidAt: null } })).toEqual({ kind: "blocked", reason: "not_paid" });
  });

  it("explains that the 72 h window has passed for a paid FBS or rFBS posting Ozon refuses", () => {
    expect(messageBuyerAction(base)).toEqual({ kind: "blocked", reason: "window_passed" });
    expect(messageBuyerAction({ ...base, scheme: "rFBS", status: "delivering" })).toEqual({ kind: "blocked", reason: "window_passed" });
  });
});
