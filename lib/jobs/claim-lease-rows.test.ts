import { beforeAll, beforeEach, expect, it, vi } from "vitest";

import { forEachDatabase } from "@/lib/db/testing";

import { claimLeaseRows } from "./claim-lease-rows";
import { claimLeases } from "./claim-leases";
import type { LeaseTable } from "./lease-table";

// A table of the test's own, with every column a LeaseTable can name, so the primitive is tested apart from
// the outbox, push events and sync states that use it.
const ROWS: LeaseTable = {
  table: "job_test_rows",
  id: "id",
  until: "lease_until",
  owner: "lease_owner",
  state: { column: "state", type: "job_test_state" },
  attempts: "attempts",
  updatedAt: "updated_at",
  order: "id",
};
const TTL = 60_000;

type Row = { id: bigint; state: string; attempts: number; lease_owner: string | null; payload: string };

forEachDatabase("claimLeaseRows", (db) => {
  beforeAll(async () => {
    await db.prisma.$executeRawUnsafe(`CREATE TYPE job_test_state AS ENUM ('WAITING', 'WORKING', 'DONE')`);
    await db.prisma.$executeRawUnsafe(`
      CREATE TABLE job_test_rows (
        id BIGSERIAL PRIMARY KEY,
        state job_test_state NOT NULL DEFAULT 'WAITING',
        lease_owner TEXT,
        lease_until TIMESTAMP(3),
        attempts INT NOT NULL DEFAULT 0,
        updated_at TIMESTAMP(3),
        payload TEXT NOT NULL)`);
  });
  beforeEach(() => db.reset());

  /** Inserts rows with payloads p0, p1, ... (ids 1, 2, ... in that order) and returns their ids as text. */
  async function insertRows(count: number): Promise<string[]> {
    const rows = await db.prisma.$queryRaw<{ id: bigint }[]>`
      INSERT INTO job_test_rows (payload) SELECT 'p' || n FROM generate_series(0, ${count - 1}::int) AS n ORDER BY n RETURNING id`;
    return rows.map((row) => String(row.id));
  }

  /** Sets a row's lease as if `owner` held it, run out (`expired`) or live. */
  async function holdRow(id: string, owner: string, expired: boolean) {
    await db.prisma.$executeRaw`
      UPDATE job_test_rows
         SET lease_owner = ${owner}, state = 'WORKING',
             lease_until = (now() AT TIME ZONE 'UTC') + ${expired ? -60_000 : 60_000}::int * interval '1 millisecond'
       WHERE id = ${BigInt(id)}`;
  }

  const claimBatch = (owner: string, limit: number) =>
    claimLeaseRows<Row>(db.prisma, ROWS, { owner, ttlMs: TTL, limit, states: ["WAITING", "WORKING"], claimedState: "WORKING" }, [
      "id",
      "state",
      "attempts",
      "lease_owner",
      "payload",
    ]);

  it("concurrent batch claims never take the same row, and each returns its rows oldest first, as claimed", async () => {
    await insertRows(20);
    expect((await claimBatch("first", 2)).map((row) => row.id)).toEqual([1n, 2n]);
    const batches = await Promise.all(Array.from({ length: 6 }, (_, i) => claimBatch(`owner-${i}`, 3)));
    const ids = batches.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(18);
    batches.forEach((batch, i) => {
      expect(batch.map((row) => row.id)).toEqual([...batch.map((row) => row.id)].sort((a, b) => (a < b ? -1 : 1)));
      for (const row of batch) {
        expect(row).toMatchObject({ state: "WORKING", attempts: 1, lease_owner: `owner-${i}`, payload: `p${Number(row.id) - 1}` });
      }
    });
    // Nothing is left: the first claim took the two oldest, the others 18 between them.
    expect(await claimBatch("late", 10)).toEqual([]);
  });

  it("takes an expired lease over, counting another attempt, and leaves a live one and a settled row alone", async () => {
    const [expired, live, settled] = await insertRows(3);
    await holdRow(expired!, "crashed", true);
    await holdRow(live!, "busy", false);
    await db.prisma.$executeRaw`UPDATE job_test_rows SET state = 'DONE', attempts = 1 WHERE id = ${BigInt(settled!)}`;
    await db.prisma.$executeRaw`UPDATE job_test_rows SET attempts = 1 WHERE id = ${BigInt(expired!)}`;

    const claimed = await claimBatch("rescuer", 10);
    expect(claimed).toEqual([expect.objectContaining({ id: BigInt(expired!), attempts: 2, lease_owner: "rescuer" })]);
    const { updated_at } = (await db.prisma.$queryRaw<{ updated_at: Date | null }[]>`
      SELECT updated_at FROM job_test_rows WHERE id = ${BigInt(expired!)}`)[0]!;
    expect(updated_at).not.toBeNull();
    expect(await claimLeases(db.prisma, ROWS, { owner: "rescuer", ttlMs: TTL, limit: 1, id: live!, states: ["WORKING"] })).toEqual([]);
  });

  it("a claim of one named row: one of two racing owners gets it, and its holder may claim it again when reentrant", async () => {
    const [id] = await insertRows(2);
    const claim = (owner: string, reentrant = false) => claimLeases(db.prisma, ROWS, { owner, ttlMs: TTL, limit: 1, id, reentrant });
    const results = await Promise.all([claim("a"), claim("b")]);
    expect(results.filter((ids) => ids.length === 1)).toEqual([[id]]);
    const winner = results[0]!.length === 1 ? "a" : "b";
    const loser = winner === "a" ? "b" : "a";
    expect(await claim(winner)).toEqual([]);
    expect(await claim(winner, true)).toEqual([id]);
    expect(await claim(loser, true)).toEqual([]);
    // Only the named row was touched.
    expect(await db.prisma.$queryRaw`SELECT count(*)::int AS n FROM job_test_rows WHERE lease_owner IS NOT NULL`).toEqual([{ n: 1 }]);
  });

  it.runIf(db.kind === "postgres")(
    "a claim of one named row waits for a transaction writing the free row, instead of skipping it as held",
    async () => {
      const [id] = await insertRows(1);
      let claim: Promise<string[]> | undefined;
      await db.prisma.$transaction(
        async (tx) => {
          // Someone writes the row (as "sync now" writes a sync state), in a transaction open when the claim comes.
          await tx.$executeRaw`UPDATE job_test_rows SET payload = 'edited' WHERE id = ${BigInt(id!)}`;
          claim = claimLeases(db.prisma, ROWS, { owner: "next", ttlMs: TTL, limit: 1, id });
          await vi.waitFor(
            async () => {
              const [{ n }] = await tx.$queryRaw<[{ n: number }]>`
                SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
              expect(n).toBe(1);
            },
            { timeout: 10_000, interval: 20 },
          );
        },
        { timeout: 20_000 },
      );
      expect(await claim).toEqual([id]);
    },
  );
});
