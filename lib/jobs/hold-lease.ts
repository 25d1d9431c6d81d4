import type { PrismaClient } from "@/lib/db/generated/client";
import type { LeaseTable } from "./lease-table";
import { renewLease } from "./renew-lease";

/**
 * Runs `work` on a claimed row while renewing its lease every third of `ttlMs`, so a short lease (quick takeover
 * after a crash) still covers long work. If a renewal finds the lease gone (this process stalled past it and
 * another instance took the row over), `signal` aborts: the work must stop before its next step that matters.
 */
export async function holdLease<T>(
  db: PrismaClient,
  table: LeaseTable,
  lease: { id: string; owner: string; ttlMs: number },
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewLease(db, table, lease.id, lease.owner, lease.ttlMs).then(
      (held) => {
        if (!held) controller.abort(new Error(`The lease on ${table.table} ${lease.id} was taken over.`));
      },
      () => {}, // a failed renewal is retried at the next beat; the lease may still run out
    );
  }, Math.max(50, Math.floor(lease.ttlMs / 3)));
  try {
    return await work(controller.signal);
  } finally {
    clearInterval(timer);
    await renewing;
  }
}
