import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { listSavedReplies } from "./list-saved-replies";
import { parseCsv, REPLY_CSV_COLUMNS } from "./replies-csv";
import { assertMayWriteReply } from "./saved-reply-rights";
import { savedReplyInputSchema, type SavedReplyInput } from "./saved-reply-view";

const MAX_REPLIES = 1000;

/**
 * Imports saved replies from a file's text, JSON (an array, or { replies: [...] } as exported) or CSV (the export's
 * columns), all or nothing: every row is checked first (a bad one is named by its number), then all are written in
 * one transaction. A row the user already sees as it is (same title, shortcut, text, scope and account), or repeated
 * in the file, is skipped: importing an export back adds nothing twice, and an agent's export (which holds the
 * team's replies too) imports back without asking for an administrator's rights.
 */
export async function importSavedReplies(
  db: Db,
  user: { id: string; role: "ADMIN" | "AGENT" },
  file: { format: "json" | "csv"; content: string },
): Promise<{ imported: number; skipped: number }> {
  const rows = file.format === "json" ? readJson(file.content) : readCsv(file.content);
  if (rows.length > MAX_REPLIES) throw new AppError("import_too_many", { max: MAX_REPLIES });
  const inputs = rows.map((row, index) => {
    const parsed = savedReplyInputSchema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("import_row_invalid", { row: index + 1, field: issue?.path.join(".") || "row", problem: issue?.message ?? "not accepted" });
    }
    return parsed.data;
  });
  const sameness = (reply: { title: string; shortcut: string; text: string; scope: string; accountId: string | null }) =>
    JSON.stringify([reply.title, reply.shortcut, reply.text, reply.scope, reply.accountId]);
  const seen = new Set((await listSavedReplies(db, user)).map(sameness));
  const fresh = inputs.filter((input) => !seen.has(sameness(input)) && Boolean(seen.add(sameness(input))));
  for (const input of fresh) await assertMayWriteReply(db, user, input);
  await db.$transaction(
    fresh.map((input) =>
      db.savedReply.create({ data: { title: input.title, shortcut: input.shortcut, text: input.text, accountId: input.accountId, ownerId: input.scope === "team" ? null : user.id } }),
    ),
  );
  return { imported: fresh.length, skipped: inputs.length - fresh.length };
}

function readJson(content: string): SavedReplyInput[] {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new AppError("import_not_json");
  }
  const list = Array.isArray(value) ? value : (value as { replies?: unknown })?.replies;
  const parsed = z.array(z.record(z.string(), z.unknown())).safeParse(list);
  if (!parsed.success) throw new AppError("import_not_a_list");
  return parsed.data as SavedReplyInput[];
}

function readCsv(content: string): SavedReplyInput[] {
  const [header, ...rows] = parseCsv(content);
  const columns = header?.map((name) => name.trim());
  if (!columns || !["title", "shortcut", "text"].every((name) => columns.includes(name))) {
    throw new AppError("import_csv_header", { columns: [...REPLY_CSV_COLUMNS] });
  }
  return rows.map((fields) => {
    const record: Record<string, string | null> = {};
    columns.forEach((name, index) => (record[name] = fields[index] ?? ""));
    return {
      title: record.title ?? "",
      shortcut: record.shortcut ?? "",
      text: record.text ?? "",
      scope: record.scope === "team" ? "team" : "mine",
      accountId: record.accountId ? record.accountId : null,
    };
  });
}
