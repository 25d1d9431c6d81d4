import { defineMessages } from "@/lib/i18n/define-messages";
import type { Locale } from "@/lib/i18n/locales";

export const languageMessages = defineMessages({
  en: { language: "Language", english: "English", russian: "Русский" },
  ru: { language: "Язык", english: "English", russian: "Русский" },
});

// Words for the codes of lib/http/api-error.ts (and "network" from components/fetch-json.ts).
export const apiErrorMessages: Record<Locale, { fallback: string; byCode: Partial<Record<string, string>> }> = {
  en: {
    fallback: "The request did not work. Try again.",
    // English pages show the server's own words; these codes need none.
    byCode: {},
  },
  ru: {
    fallback: "Не получилось. Попробуйте ещё раз.",
    byCode: {
      invalid_input: "Сервер не принял данные: проверьте, что введено, и попробуйте снова.",
      payload_too_large: "Слишком большой запрос: например, файл больше допустимого.",
      unauthenticated: "Сессия закончилась. Войдите снова.",
      forbidden: "У вас нет прав на это действие.",
      not_found: "Не найдено: этого нет или у вас нет к нему доступа.",
      conflict: "Это противоречит текущему состоянию. Обновите страницу и попробуйте снова.",
      window_closed: "Ozon больше не позволяет писать в этот чат: окно для сообщений продавца закрыто.",
      rate_limited: "Слишком много запросов к Ozon. Повторите через несколько секунд.",
      ozon_bad_credentials: "Ozon не принял Client-Id или Api-Key этого аккаунта. Обратитесь к администратору.",
      ozon_premium_required: "Для этого нужна подписка Premium Plus или Premium Pro.",
      ozon_access_denied: "Ozon отказал в доступе: у ключа нет нужной роли или он ограничен по адресам.",
      ozon_unavailable: "Ozon сейчас не отвечает. Повторите позже.",
      outcome_unknown: "Ozon не подтвердил сообщение: неизвестно, доставлено ли оно. Нажмите «Повторить» — сначала мы проверим чат и отправим снова, только если сообщения там нет.",
      not_configured: "Аккаунт продавца ещё не подключён.",
      network: "Сервер недоступен. Проверьте подключение и повторите.",
      internal: "На сервере что-то пошло не так. Повторите; если не поможет, сообщите администратору.",
    },
  },
};
