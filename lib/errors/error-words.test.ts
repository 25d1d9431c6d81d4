import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { AppError, type AppErrorCode, type AppErrorParams } from "./app-error";
import { errorWords } from "./error-words";

/** Parameters for every code, as its throw sites give them: a new code without an example here fails the type check. */
const EXAMPLES: { [Code in AppErrorCode]: AppErrorParams[Code] } = {
  invalid_input: { field: "name", problem: "Too small: expected string to have >=1 characters" },
  body_missing: {},
  body_not_json: {},
  unsupported_media_type: {},
  payload_too_large: { limit: "64 KiB" },
  cursor_invalid: {},
  date_invalid: { field: "to" },
  unauthenticated: {},
  cross_site_refused: {},
  admin_only: {},
  user_deactivated: {},
  sign_in_rate_limited: { scope: "address", minutes: 1, retryAfterSeconds: 40 },
  setup_done: {},
  user_not_found: {},
  user_email_taken: { email: "olga@shop.test" },
  last_admin: { name: "Olga" },
  accounts_missing: {},
  account_not_found: {},
  account_already_connected: { clientId: "123456" },
  client_id_not_a_number: {},
  account_key_unreadable: {},
  account_key_rejected: {},
  account_premium_required: { subscription: "PREMIUM" },
  chat_not_found: {},
  message_not_found: {},
  outbox_message_not_found: {},
  client_id_reused: {},
  window_closed: { reason: "fbs_window_passed" },
  message_text_invalid: { problem: "too_long", length: 1001, max: 1000 },
  chat_file_invalid: { problem: "too_large", extensions: ["png"], sizeMiB: "12.5" },
  variables_unfilled: { names: ["buyer", "order_number"] },
  policy_flagged: { flags: [{ code: "phone", match: "+7 912 345-67-89" }] },
  answer_text_invalid: { problem: "too_short", length: 1, min: 2, max: 3000 },
  answer_not_ours: {},
  chat_owned_by_other: {},
  assignee_invalid: {},
  chat_owner_changed: {},
  snooze_end_missing: {},
  snooze_in_past: {},
  snooze_too_long: {},
  snooze_end_unexpected: {},
  saved_reply_not_found: {},
  team_replies_admin_only: {},
  import_too_many: { max: 500 },
  import_row_invalid: { row: 2, field: "title", problem: "Too small" },
  import_not_json: {},
  import_not_a_list: {},
  import_csv_header: { columns: ["title", "shortcut", "text"] },
  ozon_rejected_input: { ozonMessage: "bad chat_id" },
  ozon_not_found: { what: "posting", ozonMessage: null },
  rate_limited: { retryAfterSeconds: 3 },
  ozon_bad_credentials: { deactivated: true },
  ozon_premium_required: {},
  ozon_reviews_subscription_required: {},
  ozon_access_denied: {},
  ozon_unavailable: {},
  outcome_unknown: {},
  internal: {},
};

const CODES = Object.keys(EXAMPLES) as AppErrorCode[];

/** Parameters that choose the words rather than appear in them (or zod's English problem, kept out of Russian). */
const CHOOSERS = new Set(["scope", "problem", "what", "reason", "subscription"]);

describe("the error catalog", () => {
  it.each(LOCALES)("has words for every code in %s, and only for codes that exist (or the browser's own)", (locale) => {
    expect(Object.keys(errorWords[locale]).sort()).toEqual([...CODES, "network"].sort());
  });

  it.each(CODES)("words %s in English and Russian, with its parameters in them", (code) => {
    const english = errorWords.en[code](EXAMPLES[code] as never);
    const russian = errorWords.ru[code](EXAMPLES[code] as never);
    expect(english).toMatch(/\.$/);
    expect(russian).toMatch(/[.»)]$/);
    expect(russian).toMatch(/[а-яё]/i);
    expect(russian).not.toBe(english);
    const shown = Object.entries(EXAMPLES[code]).filter(([name, value]) => typeof value === "string" && !CHOOSERS.has(name));
    for (const [, value] of shown) {
      expect(english, `${code} in English`).toContain(value);
      expect(russian, `${code} in Russian`).toContain(value);
    }
  });

  it("makes an AppError's message the catalog's English, so no throw site writes words", () => {
    const error = new AppError("last_admin", { name: "Olga" });
    expect(error).toMatchObject({ code: "last_admin", params: { name: "Olga" }, message: "Olga is the last active administrator. Make another user an administrator first." });
    expect(error).not.toHaveProperty("status");
  });
});
