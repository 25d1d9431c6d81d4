import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export type OzonLimiter = { acquire(): Promise<void> };

/**
 * The budget of calls to Ozon of one Client-Id, shared by every app instance through PostgreSQL: a token bucket in
 * a row of `ozon_rate_budgets`, refilled by the database's clock at `ratePerSecond`, taken from with one atomic
 * statement per call (the row's lock orders concurrent callers, of any instance). A caller that finds the bucket
 * empty takes a token on credit and waits until it would have been refilled; callers are served in the order they
 * asked. The bucket holds at most a tenth of a second's tokens: no sliding second — the way Ozon counts — sees
 * more than `ratePerSecond` plus that small burst, however many instances share the Client-Id.
 */
export function createSharedTokenBucket(db: Db, clientId: string, ratePerSecond: number): OzonLimiter {
  const capacity = Math.max(1, Math.ceil(ratePerSecond / 10));
  const take = async () => {
    const rows = await db.$queryRaw<{ tokens: number }[]>`
      INSERT INTO ozon_rate_budgets AS b (client_id, tokens, refilled_at)
      VALUES (${clientId}, ${capacity - 1}::float8, clock_timestamp() AT TIME ZONE 'UTC')
      ON CONFLICT (client_id) DO UPDATE
        SET tokens = LEAST(${capacity}::float8,
                           b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (clock_timestamp() AT TIME ZONE 'UTC') - b.refilled_at)) * ${ratePerSecond}::float8) - 1,
            refilled_at = GREATEST(b.refilled_at, clock_timestamp() AT TIME ZONE 'UTC')
      RETURNING tokens`;
    const tokens = Number(rows[0]!.tokens);
    if (tokens < 0) await new Promise((resolve) => setTimeout(resolve, (-tokens / ratePerSecond) * 1000));
  };
  // This process's callers queue here and take their tokens one after another: a grant is used the moment the
  // database gave it (an embedded database hands results back in bunches otherwise), and the shared row never
  // holds more than one token of this process's credit.
  let queue: Promise<void> = Promise.resolve();
  return {
    acquire() {
      const turn = queue.then(take);
      queue = turn.catch(() => {});
      return turn;
    },
  };
}

const globalForLimiters = globalThis as typeof globalThis & { __sellerInboxOzonLimiters?: WeakMap<Db, Map<string, OzonLimiter>> };
const limiters = (globalForLimiters.__sellerInboxOzonLimiters ??= new WeakMap());

/**
 * The limiter of an Ozon Client-Id (OZON_RATE_LIMIT_PER_SECOND, default 40 of Ozon's 50 per second, for all the
 * app's instances together), shared by sync, push processing, the outbox and routes because all get their
 * connection from getAccountConnection (or connectionFor). Ozon's 429s are still handled by the client's retry
 * with Retry-After.
 */
export function getAccountLimiter(db: Db, clientId: string): OzonLimiter {
  let byClient = limiters.get(db);
  if (!byClient) limiters.set(db, (byClient = new Map()));
  let limiter = byClient.get(clientId);
  if (!limiter) {
    limiter = createSharedTokenBucket(db, clientId, getEnv().OZON_RATE_LIMIT_PER_SECOND);
    byClient.set(clientId, limiter);
  }
  return limiter;
}
