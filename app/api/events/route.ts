import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/user-route";
import { getLiveBus } from "@/lib/live/get-live-bus";
import { openLiveStream } from "@/lib/live/open-live-stream";

export const dynamic = "force-dynamic";

/** Tests shorten the heartbeat and the re-check of rights; browsers' streams use the defaults. */
function msFromEnv(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 50 ? value : undefined;
}

/** The signed-in tab's live updates as server-sent events (see lib/live/open-live-stream.ts). */
export const GET = userRoute(async ({ request, user }) => {
  const db = getDb();
  return openLiveStream(db, getLiveBus(db), { request, user }, {
    heartbeatMs: msFromEnv("LIVE_HEARTBEAT_MS"),
    rightsEveryMs: msFromEnv("LIVE_RIGHTS_EVERY_MS"),
  });
});
