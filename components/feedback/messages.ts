import { defineMessages } from "@/lib/i18n/define-messages";

/** Words of a product question's or review's thread: the product, the rating and photos, the answer box. */
export const feedbackMessages = defineMessages({
  en: {
    productRegion: "Product",
    sku: (sku: string) => `SKU ${sku}`,
    productImage: (name: string) => `Picture of ${name}`,
    unknownProduct: "Product not found at Ozon",
    rating: (n: number) => `Rating: ${n} of 5`,
    photos: "Buyer's photos",
    photo: (i: number) => `Buyer's photo ${i}`,
    ozonStatus: (status: string): string =>
      ({ NEW: "New at Ozon", VIEWED: "Viewed at Ozon", PROCESSED: "Processed at Ozon" })[status] ?? `Ozon: ${status}`,
    ourAnswers: "Our answers",
    moderation: (state: string | null): string =>
      state === "PUBLISHED" ? "published" : state === "REJECTED" ? "rejected by moderation" : state === "MODERATION" ? "in moderation" : "",
    deleteAnswer: "Delete",
    deleteAnswerLabel: (text: string) => `Delete our answer “${text}”`,
    answerLabel: "Answer to the question",
    commentLabel: "Comment on the review",
    publishAnswer: "Publish answer",
    publishComment: "Publish comment",
    publishing: "Publishing…",
    markProcessed: "Mark the review processed",
    count: (n: number, max: number) => `${n} / ${max}`,
    published: "Sent to Ozon: buyers see it once moderated.",
    deleted: "Deleted at Ozon.",
  },
  ru: {
    productRegion: "Товар",
    sku: (sku: string) => `SKU ${sku}`,
    productImage: (name: string) => `Изображение: ${name}`,
    unknownProduct: "Товар не найден в Ozon",
    rating: (n: number) => `Оценка: ${n} из 5`,
    photos: "Фото покупателя",
    photo: (i: number) => `Фото покупателя ${i}`,
    ozonStatus: (status: string): string =>
      ({ NEW: "Новый в Ozon", VIEWED: "Просмотрен в Ozon", PROCESSED: "Обработан в Ozon" })[status] ?? `Ozon: ${status}`,
    ourAnswers: "Наши ответы",
    moderation: (state: string | null): string =>
      state === "PUBLISHED" ? "опубликован" : state === "REJECTED" ? "отклонён модерацией" : state === "MODERATION" ? "на модерации" : "",
    deleteAnswer: "Удалить",
    deleteAnswerLabel: (text: string) => `Удалить наш ответ «${text}»`,
    answerLabel: "Ответ на вопрос",
    commentLabel: "Комментарий к отзыву",
    publishAnswer: "Опубликовать ответ",
    publishComment: "Опубликовать комментарий",
    publishing: "Публикуем…",
    markProcessed: "Отметить отзыв обработанным",
    count: (n: number, max: number) => `${n} / ${max}`,
    published: "Отправлено в Ozon: покупатели увидят после модерации.",
    deleted: "Удалено в Ozon.",
  },
});

export type FeedbackStrings = (typeof feedbackMessages)["en"];
