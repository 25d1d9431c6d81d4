import { beforeEach, expect, it } from "vitest";
import { createTestUser, requestAs, useTestDatabaseInRoutes } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import type { SavedReplyView } from "@/lib/replies/saved-reply-view";
import { DELETE, PUT } from "./[replyId]/route";
import { GET as EXPORT } from "./export/route";
import { GET, POST } from "./route";

type ListAnswer = { replies: SavedReplyView[]; mayWriteTeam: boolean };

forEachDatabase("/api/replies", (db) => {
  useTestDatabaseInRoutes(db);
  beforeEach(() => db.reset());

  const post = async (user: Parameters<typeof requestAs>[0], body: object) =>
    POST(await requestAs(user, "/api/replies", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

  it("lists each reply with whether this user may change it, and whether they may write the team's", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const agent = await createTestUser(db);
    expect((await post(admin, { title: "Team", shortcut: "team", text: "Hello", scope: "team" })).status).toBe(201);
    const own = (await (await post(agent, { title: "Own", shortcut: "own", text: "Mine", scope: "mine" })).json()) as { reply: SavedReplyView };
    expect(own.reply.mayEdit).toBe(true);

    const asAgent = (await (await GET(await requestAs(agent, "/api/replies"))).json()) as ListAnswer;
    expect(asAgent.mayWriteTeam).toBe(false);
    expect(asAgent.replies.map((r) => [r.title, r.scope, r.mayEdit])).toEqual([
      ["Own", "mine", true],
      ["Team", "team", false],
    ]);
    const asAdmin = (await (await GET(await requestAs(admin, "/api/replies"))).json()) as ListAnswer;
    expect(asAdmin.mayWriteTeam).toBe(true);
    expect(asAdmin.replies.map((r) => [r.title, r.mayEdit])).toEqual([["Team", true]]);

    // What the flag says is what the server does.
    const team = asAgent.replies.find((r) => r.scope === "team")!;
    const body = JSON.stringify({ title: "Changed", shortcut: "team", text: "x", scope: "team" });
    const json = { "content-type": "application/json" };
    expect((await PUT(await requestAs(agent, `/api/replies/${team.id}`, { method: "PUT", body, headers: json }), { params: Promise.resolve({ replyId: team.id }) })).status).toBe(403);
    expect((await DELETE(await requestAs(agent, `/api/replies/${team.id}`, { method: "DELETE" }), { params: Promise.resolve({ replyId: team.id }) })).status).toBe(403);
    expect((await DELETE(await requestAs(admin, `/api/replies/${team.id}`, { method: "DELETE" }), { params: Promise.resolve({ replyId: team.id }) })).status).toBe(200);
    expect((await GET(new Request("http://localhost/api/replies"))).status).toBe(401);
  });

  it("exports the replies without the user's rights in the file", async () => {
    const agent = await createTestUser(db);
    await post(agent, { title: "Own", shortcut: "own", text: "Mine" });
    const file = (await (await EXPORT(await requestAs(agent, "/api/replies/export?format=json"))).json()) as { replies: Record<string, unknown>[] };
    expect(file.replies).toHaveLength(1);
    expect(file.replies[0]).toMatchObject({ title: "Own", shortcut: "own", text: "Mine", scope: "mine", accountId: null });
    expect(file.replies[0]).not.toHaveProperty("mayEdit");
  });
});
