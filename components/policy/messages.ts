import { defineMessages } from "@/lib/i18n/define-messages";

export const policyMessages = defineMessages({
  en: {
    flagsTitle: "This text may break Ozon's chat rules, and Ozon may switch the shop's chats off for it:",
    flagPhone: "a phone number",
    flagEmail: "an e-mail address",
    flagExternalLink: "a link outside Ozon",
    flagMessenger: "a messenger contact (Telegram, WhatsApp, Viber, VK…)",
    flagCancelRequest: "it asks the buyer to cancel the order",
    sendAnyway: "Send anyway",
    edit: "Edit the text",
    scamTitle: "Likely scam",
    scamFakeSupport: "claims to be Ozon's support: Ozon's staff never write in a buyer's chat",
    scamCardRequest: "asks for card details",
    scamSmsCode: "asks for a code from an SMS",
    scamAdvice: "Do not share card details, codes or passwords.",
  },
  ru: {
    flagsTitle: "Текст может нарушать правила Ozon для чатов — за это Ozon может отключить чаты магазина:",
    flagPhone: "номер телефона",
    flagEmail: "адрес электронной почты",
    flagExternalLink: "ссылка не на Ozon",
    flagMessenger: "контакт в мессенджере (Telegram, WhatsApp, Viber, ВК…)",
    flagCancelRequest: "просьба к покупателю отменить заказ",
    sendAnyway: "Всё равно отправить",
    edit: "Исправить текст",
    scamTitle: "Похоже на мошенничество",
    scamFakeSupport: "пишет от имени поддержки Ozon — сотрудники Ozon не пишут в чаты покупателей",
    scamCardRequest: "просит данные карты",
    scamSmsCode: "просит код из СМС",
    scamAdvice: "Не сообщайте данные карт, коды и пароли.",
  },
});

export type PolicyStrings = (typeof policyMessages)["en"];
