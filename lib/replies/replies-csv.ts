import type { SavedReplyView } from "./saved-reply-view";

export const REPLY_CSV_COLUMNS = ["title", "shortcut", "text", "scope", "accountId"] as const;

/** Saved replies as CSV (RFC 4180: every field quoted, quotes doubled), with a header row. */
export function repliesToCsv(replies: SavedReplyView[]): string {
  const quote = (value: string | null) => `"${(value ?? "").replace(/"/g, '""')}"`;
  const rows = replies.map((reply) => [reply.title, reply.shortcut, reply.text, reply.scope, reply.accountId].map(quote).join(","));
  return [REPLY_CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}

/** Parses CSV (quoted fields with commas, quotes and line breaks in them) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((value) => value !== "")) rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  row.push(field);
  if (row.some((value) => value !== "")) rows.push(row);
  return rows;
}
