import { beforeEach, expect, it } from "vitest";

import { createTestUser, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { callRoute, jsonInit } from "@/lib/chats/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import type { NotifySettings } from "@/lib/team/notify-settings";

import { GET, PATCH } from "./route";

type Answer = { notify: NotifySettings };
type Refusal = { error: { code: string; message: string } };

forEachDatabase("/api/me/notify-settings", (db) => {
  useTestDatabaseInRoutes(db);
  let anna: TestUser;
  let boris: TestUser;

  beforeEach(async () => {
    await db.reset();
    anna = await createTestUser(db, { name: "Anna" });
    boris = await createTestUser(db, { name: "Boris" });
  });

  const patch = (user: TestUser | null, body: unknown) => callRoute<Answer & Refusal>(PATCH, user, "/api/me/notify-settings", {}, { ...jsonInit(body), method: "PATCH" });
  const read = (user: TestUser | null) => callRoute<Answer & Refusal>(GET, user, "/api/me/notify-settings", {});

  it("the defaults until the user chooses; a change is the user's own, whole on every later read (every tab, every device)", async () => {
    expect((await read(anna)).body.notify).toEqual({ ownChats: true, pool: false, sound: false });

    const first = await patch(anna, { pool: true });
    expect(first.status).toBe(200);
    expect(first.body.notify).toEqual({ ownChats: true, pool: true, sound: false });
    // Another tab changes another choice: both stay.
    expect((await patch(anna, { sound: true, ownChats: false })).body.notify).toEqual({ ownChats: false, pool: true, sound: true });
    expect((await read(anna)).body.notify).toEqual({ ownChats: false, pool: true, sound: true });
    // Boris's choices are his.
    expect((await read(boris)).body.notify).toEqual({ ownChats: true, pool: false, sound: false });
  });

  it("401 without a session; 400 invalid_input for an empty change, a non-boolean or an unknown field; nothing stored", async () => {
    expect((await read(null)).status).toBe(401);
    expect((await patch(null, { pool: true })).status).toBe(401);
    for (const body of [{}, { pool: "yes" }, { pool: true, email: false }]) {
      const refused = await patch(anna, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe("invalid_input");
    }
    expect(await db.prisma.notifySettings.count()).toBe(0);
  });
});
