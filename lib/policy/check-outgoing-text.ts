import { normalizePolicyText } from "./normalize-policy-text";
import { LINK_TLDS, MESSENGER_HOSTS, MESSENGER_WORDS, NUMBER_CONTEXT_WORDS, OZON_HOSTS, type OutgoingFlagCode } from "./policy-rules";

/** One reason an outgoing text may break Ozon's rules, with the piece of text that made it. */
export type OutgoingFlag = { code: OutgoingFlagCode; match: string };

const L = "\\p{L}\\p{N}_";
const EMAIL = new RegExp(`[${L}.+-]+@[${L}-]+(?:\\.[${L}-]+)*\\.\\p{L}{2,}`, "gu");
const TLD = LINK_TLDS.map(escape).join("|");
// A link: with a scheme, with www., or a bare host ending in a known top-level domain; an optional path.
const LINK = new RegExp(
  `(?<![${L}@.-])(?:https?:\\/\\/[^\\s<>"']+|www\\.[^\\s<>"']+|(?:[\\p{L}\\p{N}-]+\\.)+(?:${TLD})(?![${L}-])(?::\\d+)?(?:\\/[^\\s<>"']*)?)`,
  "gu",
);
const HANDLE = new RegExp(`(?<![${L}.@])@[a-z][a-z0-9_]{3,31}(?![${L}@.]?[${L}])`, "gu");
const MESSENGER = new RegExp(`(?<![${L}])(?:${MESSENGER_WORDS.map(escape).join("|")})(?![${L}])`, "gu");
// A run that may be a phone: optional +, then digits with spaces, dashes, dots, brackets between them.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}_+\-/.])\+?[\d(][\d\s().-]{7,}\d(?![\p{L}\p{N}_\-/]|\.\d)/gu;
const NUMBER_CONTEXT = new RegExp(`(?:${NUMBER_CONTEXT_WORDS.map(escape).join("|")})[\\s:.#№-]*$`, "u");
// Cancelling: an imperative or a request to cancel / refuse the order; a "не" or "don't" before it turns it around.
const CANCEL_RU = /(?<![\p{L}])(?:(?:не\s+)?(?:отмените|отменяйте|отмени|отменить|оформите\s+отмену|сделайте\s+отмену|откажитесь|отказаться|откажись|отказывайтесь))(?:[\s,]+\p{L}+){0,3}?[\s,]+(?:от\s+)?(?:заказ|покупк|отправлени)\p{L}*/gu;
const CANCEL_EN = /(?<![\p{L}])(?:(?:don'?t|do\s+not|no\s+need\s+to|not)\s+)?(?:cancel|cancell?ing|refuse)\s+(?:the|your|this|that|my)?\s*(?:order|purchase|posting)/gu;

/**
 * Checks a text an agent is about to send against Ozon's chat policy (see policy-rules.ts): phone numbers, e-mail
 * addresses, links outside Ozon, messenger contacts, and asking the buyer to cancel the order. Returns every reason
 * found (each code once, with the first piece of text that made it); an empty list means nothing to confirm. Pure,
 * so the browser shows exactly what the server enforces.
 */
export function checkOutgoingText(text: string): OutgoingFlag[] {
  const source = normalizePolicyText(text);
  const flags = new Map<OutgoingFlagCode, string>();
  const add = (code: OutgoingFlagCode, match: string) => {
    if (!flags.has(code)) flags.set(code, match.trim());
  };

  const emails = [...source.matchAll(EMAIL)];
  for (const m of emails) add("email", m[0]);
  const withoutEmails = blank(source, emails);

  for (const m of withoutEmails.matchAll(LINK)) {
    const host = hostOf(m[0]);
    if (!host || isOzonHost(host)) continue;
    add(MESSENGER_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) ? "messenger" : "external_link", m[0]);
  }
  for (const m of withoutEmails.matchAll(HANDLE)) add("messenger", m[0]);
  for (const m of withoutEmails.matchAll(MESSENGER)) add("messenger", m[0]);

  for (const m of withoutEmails.matchAll(PHONE_CANDIDATE)) {
    const before = withoutEmails.slice(Math.max(0, m.index - 24), m.index);
    if (isPhone(m[0]) && !NUMBER_CONTEXT.test(before)) add("phone", m[0]);
  }

  for (const m of source.matchAll(CANCEL_RU)) if (!/^не\s/u.test(m[0])) add("cancel_request", m[0]);
  for (const m of source.matchAll(CANCEL_EN)) if (!/^(?:don'?t|do\s+not|no\s+need|not)\s/u.test(m[0])) add("cancel_request", m[0]);

  return [...flags].map(([code, match]) => ({ code, match }));
}

/** Whether a run of digits and separators reads as a phone number rather than an order number, a date or a price. */
function isPhone(candidate: string): boolean {
  const run = candidate.trim();
  const digits = run.replace(/\D/g, "");
  if (/^\d{2}[./]\d{2}[./]\d{2,4}$/.test(run)) return false; // a date
  if (/^\d{6,12}-\d{3,6}(-\d{1,3})?$/.test(run)) return false; // an order or posting number
  if (run.startsWith("+")) return digits.length >= 10 && digits.length <= 15;
  const separated = /[\s().-]/.test(run);
  if (digits.length === 11 && /^[78]/.test(digits)) return true; // 8 912 345-67-89, 89123456789, +7 without the +
  // A Russian number without its prefix, grouped like one: (912) 345-67-89, 912-345-67-89.
  if (digits.length === 10 && separated && /^9/.test(digits)) return /^\(?9\d{2}\)?[\s.-]*\d{3}[\s.-]*\d{2}[\s.-]*\d{2}$/.test(run);
  // A city number: (495) 123-45-67.
  if (digits.length === 10 && /^\(\d{3}\)\s*\d{3}-\d{2}-\d{2}$/.test(run)) return true;
  return false;
}

function hostOf(link: string): string | null {
  const withoutScheme = link.replace(/^https?:\/\//, "");
  const host = withoutScheme.split(/[/?#:]/)[0]?.replace(/\.$/, "");
  return host ? host.replace(/^www\./, "") : null;
}

function isOzonHost(host: string): boolean {
  return OZON_HOSTS.some((ozon) => host === ozon || host.endsWith(`.${ozon}`));
}

/** The text with the matches replaced by spaces (same length), so later rules do not see them again. */
function blank(source: string, matches: RegExpExecArray[] | RegExpMatchArray[]): string {
  let result = source;
  for (const m of matches) {
    const index = m.index ?? 0;
    result = result.slice(0, index) + " ".repeat(m[0].length) + result.slice(index + m[0].length);
  }
  return result;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
