/**
 * Ozon's chat policy as this app enforces it, in one place. Ozon may switch a seller's chats off for sharing
 * contacts or outside links, or for asking the buyer to cancel the order; scammers write to sellers as "Ozon
 * support" and ask for card numbers and SMS codes. Each rule has a stable code; the words for people live in
 * components/policy/messages.ts (English and Russian).
 */

/** Why an outgoing text is held for a confirmation. */
export type OutgoingFlagCode = "phone" | "email" | "external_link" | "messenger" | "cancel_request";

/** Why an incoming message is marked as a likely scam. */
export const SCAM_SIGN_CODES = ["fake_support", "card_request", "sms_code"] as const;
export type ScamSignCode = (typeof SCAM_SIGN_CODES)[number];

/** Hosts whose links are Ozon's own (and their subdomains): never flagged. */
export const OZON_HOSTS = ["ozon.ru", "ozon.com"] as const;

/** Hosts of messengers: a link there is a messenger contact, not just an outside link. */
export const MESSENGER_HOSTS = ["t.me", "telegram.me", "telegram.org", "wa.me", "whatsapp.com", "api.whatsapp.com", "viber.com", "invite.viber.com", "vk.com", "vk.me", "vk.cc", "ok.ru", "instagram.com", "max.ru"] as const;

/** Top-level domains a bare host ("shop.example.ru") is recognised by, without http:// or www. */
export const LINK_TLDS = [
  "ru", "рф", "su", "com", "net", "org", "info", "biz", "pro", "io", "me", "cc", "co", "shop", "store", "online", "site",
  "top", "xyz", "club", "by", "kz", "ua", "uz", "am", "de", "uk", "us", "app", "link", "ly", "gl", "to", "tv", "ws",
] as const;

/**
 * Messenger names in Latin and Cyrillic spelling (stems, matched at a word's start, case- and ё-insensitive). "VK"
 * and "ВК" only as whole words.
 */
export const MESSENGER_WORDS = [
  "telegram", "телеграм", "телеграмм", "телега", "телегу", "телеге", "тг", "tg",
  "whatsapp", "whats app", "вотсап", "ватсап", "вацап", "воцап", "ватцап", "вотцап", "вотсапп", "ватсапп",
  "viber", "вайбер", "вибер",
  "вконтакте", "вк", "vk", "vkontakte",
  "instagram", "инстаграм", "инсту", "инсте",
  "skype", "скайп", "мессенджер", "messenger", "личку", "в лс",
] as const;

/** Words that say "a number/identifier of ours" right before a run of digits: not a phone. */
export const NUMBER_CONTEXT_WORDS = ["sku", "артикул", "арт", "заказ", "заказа", "отправлени", "order", "posting", "№", "#", "id", "код товара", "трек", "track"] as const;
