import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { userRoute } from "@/lib/http/user-route";
import { getLiveBus } from "@/lib/live/get-live-bus";
import { LIVE_HEARTBEAT_MS, openLiveStream } from "@/lib/live/open-live-stream";
import { recordUserOnline } from "@/lib/team/record-user-online";

export const dynamic = "force-dynamic";

/** The signed-in tab's live updates as server-sent events (see lib/live/open-live-stream.ts). */
export const GET = userRoute(async ({ request, user }) => {
  const db = getDb();
  // Tests shorten the heartbeat and the re-check of rights; browsers' streams use the defaults.
  const env = getEnv();
  // Online (automatic assignment) while a tab's stream beats: until three heartbeats from now.
  const onlineMs = 3 * (env.LIVE_HEARTBEAT_MS ?? LIVE_HEARTBEAT_MS);
  return openLiveStream(db, getLiveBus(db), { request, user }, {
    heartbeatMs: env.LIVE_HEARTBEAT_MS,
    rightsEveryMs: env.LIVE_RIGHTS_EVERY_MS,
    onHeartbeat: () => recordUserOnline(db, user.id, new Date(Date.now() + onlineMs)),
  });
});
