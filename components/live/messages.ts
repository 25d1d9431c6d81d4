import { defineMessages } from "@/lib/i18n/define-messages";

export const liveMessages = defineMessages({
  en: {
    paused: "Live updates paused · reconnecting",
  },
  ru: {
    paused: "Обновления в реальном времени приостановлены · переподключение",
  },
});
