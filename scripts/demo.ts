/**
 * `npm run demo`: the whole product on one machine with nothing installed — the Ozon emulator, the embedded
 * database (migrated and seeded with the demo's people and seller account), and the app — then one line with the
 * URL and the demo login.
 *
 *   --production   serve a production build (`next build` when there is none) instead of `next dev`
 *   --build        with --production: build even when a build exists (the end-to-end suite tests the code as it is)
 *   --fresh-data   start from an empty embedded database (the end-to-end suite uses this)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmulator } from "../emulator";
import { loadDemoSecrets } from "./load-demo-secrets";

const production = process.argv.includes("--production");
const forceBuild = process.argv.includes("--build");
const freshData = process.argv.includes("--fresh-data");

async function main() {
  Object.assign(process.env, loadDemoSecrets());
  // Imported late: the environment must hold the demo's secrets before it is read and validated.
  const { loadEnvOrExit } = await import("../lib/env");
  const env = loadEnvOrExit();

  const emulator = await startEmulator({ port: env.EMULATOR_PORT, quiet: true });
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

  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(env.PORT),
    // The app must not phone home: a self-hosted inbox sends nothing to anyone but Ozon.
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (production && (forceBuild || !existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")))) {
    console.log("Building the app for production (takes a minute or two)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...appEnv, NODE_ENV: "production" } });
    if (build.status !== 0) {
      await emulator.close();
      process.exit(build.status ?? 1);
    }
  }

  const app: ChildProcess = spawn("npx", ["next", production ? "start" : "dev", "--port", String(env.PORT)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...appEnv, NODE_ENV: production ? "production" : "development" },
  });

  let stopping = false;
  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await emulator.close();
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  app.on("exit", (code) => void shutdown(code ?? 1));

  await waitForApp(`http://127.0.0.1:${env.PORT}/api/health`);
  console.log(
    `\nSeller Inbox demo is running: http://localhost:${env.PORT}\n` +
      `Sign in as ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD} (administrator) or ${DEMO_AGENT_EMAIL} / ${DEMO_PASSWORD} (agent).\n`,
  );
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
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer at ${url} within 5 minutes.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
