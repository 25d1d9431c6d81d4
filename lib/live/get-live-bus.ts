import { databaseConfigFromEnv, getDb, type Db } from "@/lib/db/client";
import { createLiveBus, type LiveBus } from "./create-live-bus";

// One bus per database client and process, kept on globalThis because Next may load this module twice.
const buses: WeakMap<Db, LiveBus> = ((globalThis as { __sellerInboxLiveBuses?: WeakMap<Db, LiveBus> })
  .__sellerInboxLiveBuses ??= new WeakMap<Db, LiveBus>());

/** The process's live bus for the app's database (started by its first subscriber). */
export function getLiveBus(db: Db = getDb()): LiveBus {
  let bus = buses.get(db);
  if (!bus) {
    const config = databaseConfigFromEnv();
    bus = createLiveBus(db, { listenUrl: config.kind === "postgres" ? config.url : undefined });
    buses.set(db, bus);
  }
  return bus;
}
