/**
 * `npm run demo`: the whole product on one machine with nothing installed — the Ozon emulator, the embedded
 * database (migrated and seeded with the demo's people and seller account), and the app — then one line with the
 * URL and the demo login.
 *
 * It serves a production build: built on the first run, reused while the sources are unchanged (a hash of the
 * sources, lockfile and config is kept beside the build, in `<distDir>/source-hash`), rebuilt when they changed.
 *
 *   --dev          serve `next dev` instead (pages compile on their first visit; for working on the app)
 *   --production   accepted for older scripts: the default
 *   --build        build even when the build is up to date
 *   --fresh-data   start from an empty embedded database (the end-to-end suite uses this)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import { hashBuildSources } from "./hash-build-sources";
import { loadDemoSecrets } from "./load-demo-secrets";

const startedAt = performance.now();
const { values: options } = parseArgs({
  options: {
    // Accepted for older scripts (the default); see the list above.
    production: { type: "boolean", default: false },
    dev: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    "fresh-data": { type: "boolean", default: false },
  },
});
if (options.dev && options.production) throw new Error("Choose one of --dev and --production.");
const production = !options.dev;
const forceBuild = options.build;
const freshData = options["fresh-data"];

// The build and the server run as plain children in the demo's own process group (so Ctrl+C, or a test runner
// ending the group, ends them too), started as `node …/next` rather than through `npx`, so that the child is the
// server itself and stopping it leaves nothing behind.
const NEXT_BIN = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function spawnNext(args: string[], env: NodeJS.ProcessEnv, stdio: "inherit" | ["ignore", "inherit", "inherit"]): ChildProcess {
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { stdio, env });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

async function main() {
  Object.assign(process.env, loadDemoSecrets());
  // Imported late: the environment must hold the demo's secrets before it is read and validated.
  const { loadEnvOrExit } = await import("../lib/env");
  const env = loadEnvOrExit();

  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(env.PORT),
    // The app must not phone home: a self-hosted inbox sends nothing to anyone but Ozon.
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The build (when one is needed) runs while the emulator and the database get ready.
  const built = production ? ensureProductionBuild(appEnv) : Promise.resolve(true);

  const emulator = await startEmulator({ port: env.EMULATOR_PORT, quiet: true, serveImages: true });
  cleanups.push(() => emulator.close());
  console.log(`Ozon emulator: ${emulator.url}`);
  process.env.OZON_API_URL = emulator.url;

  if (!env.DATABASE_URL && freshData) rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  const { prepareDatabase, closeDatabase } = await import("../lib/db/client");
  const { seedDemoData, DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_PASSWORD } = await import("../lib/demo/seed-demo-data");
  const db = await prepareDatabase();
  await seedDemoData(db, { ozonApiUrl: emulator.url });
  // Ozon's pushes of the demo seller go to this app, as if its URL had been pasted into the seller portal.
  const { connectDemoPushes } = await import("../lib/demo/connect-demo-pushes");
  await connectDemoPushes(db, { emulatorUrl: emulator.url, appPort: env.PORT });
  // PGlite is single-process: hand the folder over to the app's process.
  await closeDatabase();

  if (!(await built)) return shutdown(1);

  // The app's process env: OZON_API_URL points at the emulator now.
  const app = spawnNext([production ? "start" : "dev", "--port", String(env.PORT)], {
    ...appEnv,
    OZON_API_URL: emulator.url,
    NODE_ENV: production ? "production" : "development",
  }, ["ignore", "inherit", "inherit"]);
  app.on("exit", (code) => void shutdown(code ?? 1));

  await waitForApp(`http://127.0.0.1:${env.PORT}/api/health`);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    `\nSeller Inbox demo is running: http://localhost:${env.PORT} (${production ? "production build" : "next dev"}, started in ${seconds} s)\n` +
      `Sign in as ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD} (administrator) or ${DEMO_AGENT_EMAIL} / ${DEMO_PASSWORD} (agent).\n`,
  );
}

/** Builds when there is no build or its sources changed since; false when the build failed. */
async function ensureProductionBuild(appEnv: NodeJS.ProcessEnv): Promise<boolean> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const hashFile = path.join(distDir, "source-hash");
  // Hashed before the build: a source edited while it runs makes the next start build again.
  const sourceHash = hashBuildSources(process.cwd());
  const hasBuild = existsSync(path.join(distDir, "BUILD_ID"));
  const builtHash = hasBuild && existsSync(hashFile) ? readFileSync(hashFile, "utf8").trim() : null;
  if (!forceBuild && builtHash === sourceHash) {
    console.log(`Using the production build in ${distDir}/ (sources unchanged since it was built).`);
    return true;
  }
  const why = forceBuild ? "asked to" : !hasBuild ? "first run" : "the sources changed since the last build";
  console.log(`Building the app for production (${why}; a minute or two on a small machine)…`);
  const buildStart = performance.now();
  const status = await new Promise<number | null>((resolve) => {
    spawnNext(["build"], { ...appEnv, NODE_ENV: "production" }, "inherit").on("exit", (code) => resolve(code));
  });
  if (status !== 0) {
    console.error(`The build failed (exit ${status}).`);
    return false;
  }
  writeFileSync(hashFile, `${sourceHash}\n`);
  console.log(`Built in ${((performance.now() - buildStart) / 1000).toFixed(0)} s.`);
  return true;
}

async function waitForApp(url: string) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app did not answer at ${url} within 5 minutes.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
