/**
 * Two app instances on one PostgreSQL database, as a seller who outgrew one machine runs them: Ozon pushes to the
 * first; a tab signed in on the second must see the message through the live stream, which crosses instances
 * only through PostgreSQL (LISTEN/NOTIFY), never through process memory.
 *
 * The instances use the production build the suite's web server made (same NEXT_DIST_DIR) and a database of
 * their own, dropped afterwards. Instance A is the demo script on PostgreSQL (emulator, migrations, demo data,
 * push URL registered at the emulator, `next start`); instance B is a bare `next start` with background sync off.
 * A's poll interval is ten minutes, so within this test the message can only travel by push and live event.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_AGENT } from "./support";

const basePort = Number(process.env.E2E_APP_PORT ?? 3100);
const portA = basePort + 11;
const portB = basePort + 12;
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 8790) + 1;
const emulator = `http://127.0.0.1:${emulatorPort}`;
const adminUrl = process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = `seller_inbox_e2e_multi_${process.pid}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();

const children: ChildProcess[] = [];

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await withAdmin((client) => client.query(`CREATE DATABASE "${database}"`));
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  const shared = { ...process.env, ...secrets, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
  children.push(
    start("npx", ["tsx", "--conditions=react-server", "scripts/demo.ts", "--production"], {
      ...shared,
      PORT: String(portA),
      EMULATOR_PORT: String(emulatorPort),
      SYNC_INTERVAL_MS: "600000",
    }),
  );
  await waitForHealth(`http://127.0.0.1:${portA}/api/health`);
  children.push(
    start("npx", ["next", "start", "--port", String(portB)], {
      ...shared,
      NODE_ENV: "production",
      OZON_API_URL: emulator,
      SYNC_ENABLED: "false",
    }),
  );
  await waitForHealth(`http://127.0.0.1:${portB}/api/health`);
});

test.afterAll(async () => {
  await Promise.all(children.map(stop));
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});

test("a tab on the second instance receives a push that reached the first", async ({ browser, request }) => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${portB}` });
  const page = await context.newPage();
  await signInAt(page);
  await page.goto("/inbox");
  const list = page.getByRole("navigation", { name: "Chats" });
  // Instance A imports the demo shop once at start; B shows it from the shared database.
  await expect(list.getByRole("link").first()).toBeVisible({ timeout: 60_000 });

  // Listen to B's live stream from inside the tab, as the inbox does.
  await page.evaluate(() => {
    const w = window as unknown as { liveTexts: string[] };
    w.liveTexts = [];
    const source = new EventSource("/api/events");
    source.addEventListener("message", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { messages?: { text: string }[] };
      for (const message of data.messages ?? []) w.liveTexts.push(message.text);
    });
  });

  // Only instance B has a tab, so the one LISTEN connection on the database is B's bus: the event can reach B only
  // through PostgreSQL.
  await expect
    .poll(() =>
      withAdmin(async (client) => {
        const { rows } = await client.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%live_events%'",
          [database],
        );
        return Number(rows[0]!.n);
      }),
    )
    .toBe(1);

  const state = (await (await request.get(`${emulator}/__emulator/state?client_id=demo-client`)).json()) as {
    chats: { chat_id: string; chat_type: string; chat_status: string }[];
  };
  const chat = state.chats.find((c) => c.chat_type.toUpperCase() === "BUYER_SELLER" && c.chat_status.toUpperCase() === "OPENED")!;
  const text = `Вопрос для второго экземпляра ${Date.now()}`;
  const sent = await request.post(`${emulator}/__emulator/buyer-message`, { data: { chat_id: chat.chat_id, text } });
  expect(sent.ok()).toBe(true);

  // Ozon pushed to instance A…
  await expect
    .poll(async () => {
      const log = (await (await request.get(`${emulator}/__emulator/pushes?client_id=demo-client`)).json()) as {
        pushes: { message_type: string; delivered: boolean; attempts: { status: number | null }[]; payload: { data?: string[] } }[];
      };
      return log.pushes.some((p) => p.delivered && p.payload.data?.includes(text));
    })
    .toBe(true);
  const config = (await (await request.get(`${emulator}/__emulator/push`)).json()) as unknown;
  expect(JSON.stringify(config)).toContain(`:${portA}/api/push/`);

  // …and the tab on instance B received it through B's stream, and shows it in the list. Within 4 s: B's bus also
  // re-reads the event log every 10 s in case a NOTIFY is lost, so only NOTIFY itself can be this quick.
  await expect.poll(() => page.evaluate(() => (window as unknown as { liveTexts: string[] }).liveTexts), { timeout: 4_000 }).toContain(text);
  await expect(list.getByText(text)).toBeVisible();
  await context.close();
});

async function signInAt(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_AGENT.email);
  await page.getByLabel("Password").fill(DEMO_AGENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // A process group of its own, so stopping it also stops what npx started under it.
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", () => {});
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[instance] ${chunk.toString()}`));
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No answer at ${url} within 3 minutes.`);
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
