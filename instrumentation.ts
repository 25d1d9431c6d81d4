// Runs once when a Next.js server process starts. A misconfigured environment stops it here, with one line
// naming the variable, instead of failing later on a request; then the database is brought up to date
// (idempotent, and safe when several instances start at once: the runner holds an advisory lock), and the
// background sync starts (each instance runs one; a lease per account in PostgreSQL keeps each account to one),
// the team's tick (due snoozes end; claimed in PostgreSQL, so each chat wakes once), the metrics' turns, and the
// outbox worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Route handlers learn the socket's address from a header the server writes (lib/net/install-peer-address-stamp.ts).
  const { installPeerAddressStamp } = await import("./lib/net/install-peer-address-stamp");
  installPeerAddressStamp();
  const { loadEnvOrExit } = await import("./lib/env");
  loadEnvOrExit();
  const { prepareDatabase } = await import("./lib/db/client");
  await prepareDatabase();
  // Ozon's pushes are answered here, before Next's pipeline (a flood of them must be acknowledged within Ozon's 5 s).
  const { installPushReceiver } = await import("./lib/push/install-push-receiver");
  installPushReceiver();
  const { startSyncScheduler } = await import("./lib/sync/start-sync-scheduler");
  startSyncScheduler();
  // Pushes nobody is working on (a crashed instance's claims, retries that are due).
  const { startPushSweeper } = await import("./lib/push/start-push-sweeper");
  startPushSweeper();
  // Due snoozes end, and waiting chats are assigned automatically (each once, whichever instance ticks).
  const { startTeamTick } = await import("./lib/team/start-team-tick");
  startTeamTick();
  // The metrics' turns follow the messages stored (each chat computed once, whichever instance claims it).
  const { startTurnsRefresher } = await import("./lib/metrics/start-turns-refresher");
  startTurnsRefresher();
  // Messages a crash or a lost answer left unsettled are settled within a bounded time (lib/chats/start-outbox-worker.ts).
  const { getEnv } = await import("./lib/env");
  if (getEnv().OUTBOX_WORKER_ENABLED) {
    const { startOutboxWorker } = await import("./lib/chats/start-outbox-worker");
    startOutboxWorker();
  }
}
