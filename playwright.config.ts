import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./lib/testing/chromium";

// The suite runs the demo itself (emulator + app on a throw-away embedded database) on ports of its own,
// so it never collides with a demo someone left running.
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 8790);
// E2E_APP_PORT, E2E_EMULATOR_PORT and NEXT_DIST_DIR (passed on to `next build`/`next start`) let two runs share a machine.


export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  // A hang guard, not a speed check: an axe scan and a screenshot alone can take seconds on a busy 2-core machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    // The inbox opens on "Needs reply"; the tests of the whole chat list start on "All", as a user who chose it
    // Seeds every context of the run.
    storageState: {
      cookies: [{ name: "seller-inbox-view", value: "all", domain: "127.0.0.1", path: "/", expires: -1, httpOnly: false, secure: false, sameSite: "Lax" }],
      origins: [],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `npx tsx --conditions=react-server scripts/demo.ts --production --build --fresh-data`,
    url: `http://127.0.0.1:${appPort}/api/health`,
    env: {
      PORT: String(appPort),
      EMULATOR_PORT: String(emulatorPort),
      PGLITE_DIR: `.data/e2e-pglite-${appPort}`,
      // Quicker background sync than a real shop needs, so "a buyer message shows up" is seconds, not 15 s.
      SYNC_INTERVAL_MS: "2000",
    },
    reuseExistingServer: false,
    // A production build on a 2-core machine takes a while.
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
