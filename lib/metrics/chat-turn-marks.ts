import type { LeaseTable } from "@/lib/jobs/lease-table";

/** chat_turn_marks as lib/jobs claims it: a chat whose turns are to be computed, oldest mark first. */
export const CHAT_TURN_MARKS: LeaseTable = { table: "chat_turn_marks", id: "chat_id", until: "lease_until", order: "marked_at, chat_id" };
