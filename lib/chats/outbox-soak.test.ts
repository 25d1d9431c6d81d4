/**
 * The outbox soak, small (the 1,000-send run is `npm run soak:outbox`, see README): sends with 20 % faults at Ozon's
 * send and history methods and the app process killed midway, then started again; nobody presses anything.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import "@/lib/auth/testing";
import { createEmptyPostgresDatabase, testDatabaseKinds } from "@/lib/db/testing";
import { runOutboxSoak } from "@/lib/testing/run-outbox-soak";
import { withEmulator } from "@/lib/testing/with-emulator";

const emulator = withEmulator({ rateLimit: 50 });

for (const kind of testDatabaseKinds()) {
  describe(`the outbox soak [${kind}]`, () => {
    it("0 lost, 0 duplicated, 0 stuck, every message attributed, the cache equal to the emulator", async () => {
      let database;
      let cleanup: () => Promise<void>;
      if (kind === "pglite") {
        const dir = mkdtempSync(path.join(tmpdir(), "outbox-soak-"));
        database = { kind: "pglite" as const, dir: path.join(dir, "db") };
        cleanup = async () => rmSync(dir, { recursive: true, force: true });
      } else {
        const created = await createEmptyPostgresDatabase();
        database = { kind: "postgres" as const, url: created.url };
        cleanup = created.drop;
      }
      try {
        const report = await runOutboxSoak({ database, emulatorUrl: emulator.url, sends: 60, faultRate: 0.2, concurrency: 6 });
        expect(report, JSON.stringify(report)).toMatchObject({ sends: 60, lost: 0, duplicated: 0, stuck: 0, failed: 0, unattributed: 0, cacheEqualsEmulator: true });
        // The kill came midway, with sends in flight, and the faults happened.
        expect(report.answeredBeforeKill).toBeGreaterThan(0);
        expect(report.answeredBeforeKill).toBeLessThan(60);
        expect(Object.keys(report.attempts).length).toBeGreaterThan(1);
      } finally {
        await cleanup();
      }
    }, 600_000);
  });
}
