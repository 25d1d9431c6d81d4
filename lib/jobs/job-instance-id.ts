import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

const globalForJobs = globalThis as typeof globalThis & { __sellerInboxJobInstanceId?: string };

/** This process's name as a lease owner: host, pid and a random part (a restarted process is a new owner). */
export function jobInstanceId(): string {
  globalForJobs.__sellerInboxJobInstanceId ??= `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  return globalForJobs.__sellerInboxJobInstanceId;
}
