import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestUser, requestAs, useTestDatabaseInRoutes } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { resetEnvCache } from "@/lib/env";
import { getLiveBus } from "@/lib/live/get-live-bus";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { publishSyncState } from "@/lib/live/publish-sync-state";
import { pruneLiveEvents } from "@/lib/live/prune-live-events";
import { createLiveTestChat, readSse, type SseFrame } from "@/lib/live/test-helpers";
import { PATCH as PATCH_USER } from "../admin/users/[userId]/route";
import { createLiveBus } from "@/lib/live/create-live-bus";
import { openLiveStream } from "@/lib/live/open-live-stream";
import { GET } from "./route";

forEachDatabase("GET /api/events", (db) => {
  useTestDatabaseInRoutes(db);
  const open: { cancel(): Promise<unknown> }[] = [];
  let x: Awaited<ReturnType<typeof createLiveTestChat>>;
  let y: Awaited<ReturnType<typeof createLiveTestChat>>;

  beforeAll(() => {
    process.env.LIVE_HEARTBEAT_MS = "100";
    process.env.LIVE_RIGHTS_EVERY_MS = "100";
    resetEnvCache();
  });
  afterAll(async () => {
    delete process.env.LIVE_HEARTBEAT_MS;
    delete process.env.LIVE_RIGHTS_EVERY_MS;
    resetEnvCache();
    await getLiveBus(db.prisma).close();
  });
  beforeEach(async () => {
    await db.reset();
    x = await createLiveTestChat(db.prisma);
    y = await createLiveTestChat(db.prisma);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((stream) => stream.cancel()));
  });

  async function connect(user: Parameters<typeof requestAs>[0], url = "/api/events", init: RequestInit = {}) {
    const controller = new AbortController();
    const response = await GET(await requestAs(user, url, { ...init, signal: controller.signal }));
    const sse = readSse(response);
    open.push({ cancel: async () => (controller.abort(), sse.cancel()) });
    return { response, sse, abort: () => controller.abort() };
  }

  it("answers 401 with a JSON error without a session", async () => {
    const response = await GET(new Request("http://localhost/api/events"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("streams the events of the user's accounts only, after retry and ready", async () => {
    const agent = await createTestUser(db, { accountIds: [x.accountId] });
    await publishSyncState(db.prisma, x.accountId); // before the connection: not part of it
    const { response, sse } = await connect(agent);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(await sse.next()).toEqual({ retry: "3000" });
    expect(await sse.next()).toEqual({ id: "1", event: "ready", data: "{}" });

    await publishChatChange(db.prisma, { accountId: y.accountId, chatId: y.chatId, messageIds: [y.messageId] });
    await publishChatChange(db.prisma, { accountId: x.accountId, chatId: x.chatId, messageIds: [x.messageId] });
    const frame = (await sse.nextEvent())!;
    // Y's event was published first; the stream is in id order, so had it been sent it would have come first.
    expect(frame).toMatchObject({ id: "3", event: "message" });
    expect(JSON.parse(frame.data!)).toMatchObject({ kind: "message", accountId: x.accountId, chat: { id: x.chatId } });
  });

  it("replays the user's events after Last-Event-ID (header or ?lastEventId=), then goes on live", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const agent = await createTestUser(db, { accountIds: [x.accountId] });
    await publishSyncState(db.prisma, x.accountId); // 1
    await publishSyncState(db.prisma, y.accountId); // 2
    await publishChatChange(db.prisma, { accountId: x.accountId, chatId: x.chatId }); // 3

    const byHeader = await connect(agent, "/api/events", { headers: { "last-event-id": "1" } });
    expect((await byHeader.sse.nextEvent())).toMatchObject({ id: "3", event: "chat" });
    await publishSyncState(db.prisma, x.accountId); // 4
    expect((await byHeader.sse.nextEvent())).toMatchObject({ id: "4", event: "sync" });

    const byQuery = await connect(admin, "/api/events?lastEventId=0");
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push((await byQuery.sse.nextEvent())!.id!);
    expect(ids).toEqual(["1", "2", "3", "4"]);
  });

  it("sends refetch for an id older than what is kept, one from elsewhere, or an unparsable one", async () => {
    const agent = await createTestUser(db, { accountIds: [x.accountId] });
    await publishSyncState(db.prisma, x.accountId); // 1
    await publishSyncState(db.prisma, x.accountId); // 2
    await pruneLiveEvents(db.prisma, 0);
    await publishSyncState(db.prisma, x.accountId); // 3
    const expectRefetch = async (lastEventId: string) => {
      const { sse } = await connect(agent, "/api/events", { headers: { "last-event-id": lastEventId } });
      expect(await sse.nextEvent()).toEqual({ id: "3", event: "refetch", data: "{}" } satisfies SseFrame);
    };
    await expectRefetch("1"); // 2 was pruned
    await expectRefetch("99"); // never handed out
    await expectRefetch("abc");
    // 2 itself is fine: nothing after it is missing.
    const { sse } = await connect(agent, "/api/events", { headers: { "last-event-id": "2" } });
    expect(await sse.nextEvent()).toMatchObject({ id: "3", event: "sync" });
  });

  it("sends heartbeats, and ends the stream when the user is deactivated", async () => {
    const agent = await createTestUser(db, { accountIds: [x.accountId] });
    const { sse } = await connect(agent);
    await sse.nextEvent(); // ready
    expect(await sse.next()).toEqual({ comment: "ping" });
    await db.prisma.user.update({ where: { id: agent.id }, data: { active: false } });
    let frame: SseFrame | null;
    do frame = await sse.next(); while (frame !== null && frame.comment === "ping");
    expect(frame).toBeNull();
  });

  it("ends the stream when the session version changes, and stops when the tab goes", async () => {
    const agent = await createTestUser(db, { accountIds: [x.accountId] });
    const first = await connect(agent);
    await first.sse.nextEvent();
    await db.prisma.user.update({ where: { id: agent.id }, data: { sessionVersion: { increment: 1 } } });
    let frame: SseFrame | null;
    do frame = await first.sse.next(); while (frame !== null);

    const again = await createTestUser(db, { accountIds: [x.accountId] });
    const second = await connect(again);
    await second.sse.nextEvent();
    second.abort();
    do frame = await second.sse.next(); while (frame !== null);
  });

  it("ends the stream when the user loses an account, so the reconnect starts with the new set", async () => {
    const agent = await createTestUser(db, { accountIds: [x.accountId, y.accountId] });
    const { sse } = await connect(agent);
    await sse.nextEvent(); // ready
    expect(await sse.next()).toEqual({ comment: "ping" }); // still open with the same rights
    await db.prisma.accountMembership.deleteMany({ where: { userId: agent.id, accountId: y.accountId } });
    let frame: SseFrame | null;
    do frame = await sse.next(); while (frame !== null && frame.comment === "ping");
    expect(frame).toBeNull();
  });

  it("ends the stream at once when an administrator takes an account away or deactivates the agent (no periodic check needed)", async () => {
    // A bus of its own (db.reset restarts live_events ids under the shared one), and the heartbeat and the rights
    // re-check far away: only the access event the admin route publishes can end these streams.
    const bus = createLiveBus(db.prisma);
    const admin = await createTestUser(db, { role: "ADMIN" });
    const agent = await createTestUser(db, { accountIds: [x.accountId, y.accountId] });
    const patch = async (body: unknown) => {
      const request = await requestAs(admin, `/api/admin/users/${agent.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const response = await PATCH_USER(request, { params: Promise.resolve({ userId: agent.id }) });
      expect(response.status).toBe(200);
    };
    const stream = async () => {
      const controller = new AbortController();
      const request = await requestAs(agent, "/api/events", { signal: controller.signal });
      const sessionUser = { id: agent.id, email: agent.email, name: agent.name, role: "AGENT" as const };
      const sse = readSse(await openLiveStream(db.prisma, bus, { request, user: sessionUser }, { heartbeatMs: 600_000, rightsEveryMs: 600_000 }));
      open.push({ cancel: async () => (controller.abort(), sse.cancel()) });
      await sse.nextEvent(); // ready
      return sse;
    };
    try {
      const first = await stream();
      await patch({ accountIds: [x.accountId] });
      await publishSyncState(db.prisma, y.accountId);
      // The stream ends before it carries anything of the account taken away.
      expect(await first.next()).toBeNull();

      const second = await stream();
      await patch({ active: false });
      expect(await second.next()).toBeNull();
    } finally {
      await bus.close();
    }
  });
});
