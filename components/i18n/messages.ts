import { defineMessages } from "@/lib/i18n/define-messages";

export const languageMessages = defineMessages({
  en: { language: "Language", english: "English", russian: "Русский" },
  ru: { language: "Язык", english: "English", russian: "Русский" },
});
