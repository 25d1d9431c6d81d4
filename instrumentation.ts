// Runs once when a Next.js server process starts. A misconfigured environment stops it here, with one line
// naming the variable, instead of failing later on a request; then the database is brought up to date
// (idempotent, and safe when several instances start at once: the runner holds an advisory lock), and the
// background sync starts (each instance runs one; a lease per account in PostgreSQL keeps each account to one).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { loadEnvOrExit } = await import("./lib/env");
  loadEnvOrExit();
  const { prepareDatabase } = await import("./lib/db/client");
  await prepareDatabase();
  const { startSyncScheduler } = await import("./lib/sync/start-sync-scheduler");
  startSyncScheduler();
}
