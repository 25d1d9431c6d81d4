import { defineMessages, pluralRu } from "@/lib/i18n/define-messages";

export const repliesMessages = defineMessages({
  en: {
    pickerLabel: "Saved replies",
    pickerHint: "Type / and a few letters for a saved reply; ↑/↓ choose, Enter or Tab inserts, Esc closes.",
    loading: "Loading saved replies…",
    none: "No saved reply matches.",
    suggested: "Suggested",
    team: "Team",
    mine: "Mine",
    missingValue: (name: string) => `{${name}}: no value, write it in`,
    tooLong: (n: number, max: number) => `Can't be used here: ${n} / ${max} characters after filling, too long for this box`,
    tooLongForChat: (n: number, max: number) =>
      `Can't be used in a chat: ${n} characters after filling, a chat message takes at most ${max}. It is for answers to questions and reviews.`,
    length: (n: number, max: number) => `${n} / ${max} after filling`,
    fillIn: (names: string) => `Write in ${names}: the chat has no value for it.`,
  },
  ru: {
    pickerLabel: "Шаблоны ответов",
    pickerHint: "Наберите / и несколько букв, чтобы вставить шаблон; ↑/↓ — выбор, Enter или Tab — вставить, Esc — закрыть.",
    loading: "Загружаем шаблоны…",
    none: "Подходящих шаблонов нет.",
    suggested: "Подходит",
    team: "Общий",
    mine: "Мой",
    missingValue: (name: string) => `{${name}}: нет значения, впишите`,
    tooLong: (n: number, max: number) => `Здесь не подойдёт: ${n} / ${max} символов после подстановки, слишком длинно для этого поля`,
    tooLongForChat: (n: number, max: number) =>
      `В чат не подойдёт: ${n} ${pluralRu(n, "символ", "символа", "символов")} после подстановки, а в сообщении чата не больше ${max}. Он для ответов на вопросы и отзывы.`,
    length: (n: number, max: number) => `${n} / ${max} после подстановки`,
    fillIn: (names: string) => `Впишите ${names}: у чата нет этого значения.`,
  },
});

export type RepliesStrings = (typeof repliesMessages)["en"];
