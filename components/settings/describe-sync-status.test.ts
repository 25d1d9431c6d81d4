import { describe, expect, it } from "vitest";
import { describeSyncStatus } from "./describe-sync-status";

const sync = { phase: "IMPORTING" as const, chatsDone: 12, chatsTotal: 45, lastError: null, lastErrorAt: null, buyerChatsRefusedAt: null, reviewsRefusedAt: null };

describe("describeSyncStatus", () => {
  it("tells the import's progress as chats done of total", () => {
    expect(describeSyncStatus(sync, "en")).toBe("Importing chats: 12 of 45 done");
    expect(describeSyncStatus(sync, "ru")).toBe("Загрузка чатов: 12 из 45");
  });
  it("tells a finished import and a waiting account apart", () => {
    expect(describeSyncStatus({ ...sync, phase: "INCREMENTAL" }, "en")).toMatch(/^Up to date/);
    expect(describeSyncStatus({ ...sync, phase: "IDLE" }, "ru")).toBe("Ожидает следующей синхронизации");
  });
});
