/**
 * Shared zod helpers and normalisers: 64-bit ids, loose strings, chat types, message author types.
 *
 * Convention for the client's output: fields are camelCase; a value Ozon sends in an unstable form is
 * normalised and its raw form kept beside it (`chatType` / `chatTypeRaw`, `user.type` / `user.rawType`).
 */
import { z } from "zod";

/** A message id: uint64 as a decimal string (ids are ~3.0e18, beyond 2^53). */
export type OzonMessageId = string;
export type OzonChatId = string;

function canonicalDecimal(s: string): string {
  return s.replace(/^0+(?=\d)/, "");
}

/**
 * Accepts a 64-bit id as a decimal string, a bare JSON number that was parsed losslessly (safe
 * integers arrive as numbers, bigger ones as strings — see request.ts), or a bigint; yields a
 * canonical decimal string. An unsafe JS number is refused: its digits are already lost.
 */
export const ozonIdSchema = z
  .union([
    z.string().trim().regex(/^\d{1,20}$/, { error: "must be a decimal id" }),
    z.number().int().nonnegative().refine(Number.isSafeInteger, { error: "id is beyond 2^53; pass it as a string" }),
    z.bigint().nonnegative(),
  ])
  .transform((v): OzonMessageId => canonicalDecimal(typeof v === "string" ? v : v.toString()));

/** A value Ozon documents as a string but sometimes sends as a number (sku, user.id, order_id). */
export const looseStringSchema = z
  .union([z.string(), z.number(), z.bigint()])
  .transform((v) => (typeof v === "string" ? v : v.toString()));

/** Optional/nullable string; "" becomes null (Ozon leaves unknown dates empty). */
export const optionalStringSchema = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === "" ? null : String(v)));

/** A non-negative count. */
export const countSchema = z.number().int().nonnegative();

// ---------------------------------------------------------------------------------------------
// Chat types

const BUYER_CHAT_TYPES = ["BUYER_SELLER", "BUYER_SELLER_SELECT"] as const;

/** Upper-cases a chat type: "Buyer_Seller" (older docs, pushes) and "BUYER_SELLER" (v3 list) are the same. */
export function normalizeChatType(raw: string): string {
  return raw.trim().toUpperCase();
}

/** True for conversations with a buyer (BUYER_SELLER, BUYER_SELLER_SELECT), in any casing. */
export function isBuyerChatType(raw: string): boolean {
  return (BUYER_CHAT_TYPES as readonly string[]).includes(normalizeChatType(raw));
}

// ---------------------------------------------------------------------------------------------
// Message authors

export type OzonUserType = "customer" | "seller" | "support" | "notification" | "crm" | "courier" | "system";

/**
 * Normalises `user.type`: Ozon's examples spell the buyer "Сustomer" with a Cyrillic С (U+0421);
 * older responses are lower-case, newer PascalCase. Unknown types become "system".
 */
export function normalizeUserType(raw: string): OzonUserType {
  const t = raw
    .trim()
    .replace(/\u0421/g, "C") // Cyrillic capital Es
    .replace(/\u0441/g, "c") // Cyrillic small es
    .toLowerCase();
  switch (t) {
    case "customer":
      return "customer";
    case "seller":
      return "seller";
    case "support":
      return "support";
    case "notificationuser":
    case "notification_user":
    case "notification":
      return "notification";
    case "crm":
      return "crm";
    case "courier":
      return "courier";
    default:
      return "system";
  }
}
