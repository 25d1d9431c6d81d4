import { normalizePolicyText } from "./normalize-policy-text";
import type { ScamSignCode } from "./policy-rules";

const OZON = "(?:ozon|озон\\p{L}*)";
const STAFF_RU = "(?:служб\\p{L}*\\s+(?:поддержки|безопасности|заботы)|поддержк\\p{L}*|сотрудни\\p{L}*|администраци\\p{L}*|модератор\\p{L}*|менеджер\\p{L}*|представител\\p{L}*|безопасност\\p{L}*)";
const STAFF_EN = "(?:support|security|safety|staff|team|administration|moderat\\p{L}*|employee|representative|customer\\s+care)";

const RULES: { code: ScamSignCode; patterns: RegExp[] }[] = [
  {
    code: "fake_support",
    patterns: [
      new RegExp(`(?<!\\p{L})${STAFF_RU}(?:\\s+\\p{L}+){0,2}?\\s+(?:маркетплейса\\s+)?${OZON}(?!\\p{L})`, "u"),
      new RegExp(`(?<!\\p{L})${OZON}\\s+${STAFF_EN}(?!\\p{L})`, "u"),
      new RegExp(`(?<!\\p{L})${STAFF_EN}\\s+(?:of|from|at)\\s+${OZON}(?!\\p{L})`, "u"),
      new RegExp(`(?<!\\p{L})(?:я|мы)\\s+(?:из|от)\\s+${OZON}(?!\\p{L})`, "u"),
    ],
  },
  {
    code: "card_request",
    patterns: [
      /(?<!\p{L})(?:номер\p{L}*|данны\p{L}*|реквизит\p{L}*|цифр\p{L}*|срок\s+действия|фото)\s+(?:вашей\s+|своей\s+|банковской\s+|\p{L}+\s+)?карт\p{L}*/u,
      /(?<!\p{L})(?:cvv|cvc|cvv2|cvc2)(?!\p{L})/u,
      /(?<!\p{L})card\s+(?:number|details|data|expiry|expiration)/u,
      /(?<!\p{L})(?:number|digits|details)\s+(?:of|on)\s+(?:your|the)\s+(?:bank\s+)?card/u,
    ],
  },
  {
    code: "sms_code",
    patterns: [
      /(?<!\p{L})код\p{L}*\s+(?:\p{L}+\s+)?(?:из|в|с)\s+(?:смс|sms|сообщени\p{L}*|пуш\p{L}*)/u,
      /(?<!\p{L})(?:смс|sms)[\s-]*код\p{L}*/u,
      /(?<!\p{L})(?:продиктуйте|назовите|сообщите|пришлите|отправьте|скажите|напишите)\s+(?:мне\s+)?(?:пожалуйста\s+)?(?:этот\s+|полученный\s+|пришедший\s+)?код/u,
      /(?<!\p{L})код\p{L}*\s+подтверждени\p{L}*/u,
      /(?<!\p{L})(?:sms|text|verification|confirmation|one[\s-]time)\s+code/u,
      /(?<!\p{L})code\s+(?:from|in)\s+(?:the|an|your)?\s*(?:sms|text|message)/u,
    ],
  },
];

/**
 * The signs that a message to the seller is a scam: it claims to be Ozon's support or security, or asks for a card
 * number or a code from an SMS. Ozon's own support writes in its own chats, never in a buyer's. Each code once.
 */
export function detectScamSigns(text: string): ScamSignCode[] {
  const source = normalizePolicyText(text);
  return RULES.filter((rule) => rule.patterns.some((pattern) => pattern.test(source))).map((rule) => rule.code);
}
