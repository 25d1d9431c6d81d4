import type { Locale } from "@/lib/i18n/locales";

/** Ozon's posting status codes (FBS, rFBS and FBO) in words an agent reads at a glance. */
const STATUS_WORDS: Record<string, Record<Locale, string>> = {
  awaiting_registration: { en: "Awaiting registration", ru: "Ожидает регистрации" },
  acceptance_in_progress: { en: "Acceptance in progress", ru: "Идёт приёмка" },
  awaiting_approve: { en: "Awaiting payment", ru: "Ожидает оплаты" },
  awaiting_packaging: { en: "Awaiting packaging", ru: "Ожидает сборки" },
  awaiting_verification: { en: "Awaiting verification", ru: "Ожидает проверки" },
  awaiting_deliver: { en: "Awaiting shipment", ru: "Ожидает отгрузки" },
  arbitration: { en: "Arbitration", ru: "Арбитраж" },
  client_arbitration: { en: "Delivery arbitration", ru: "Клиентский арбитраж доставки" },
  driver_pickup: { en: "With the driver", ru: "У водителя" },
  delivering: { en: "Being delivered", ru: "Доставляется" },
  sent_by_seller: { en: "Sent by the seller", ru: "Отправлено продавцом" },
  delivered: { en: "Delivered", ru: "Доставлено" },
  not_accepted: { en: "Not accepted at the sorting centre", ru: "Не принято на сортировочном центре" },
  cancelled: { en: "Cancelled", ru: "Отменено" },
};

/** The status in words; a code Ozon adds later is shown as it is rather than hidden. */
export function postingStatusWords(status: string, locale: Locale): string {
  return Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status]![locale] : status;
}
