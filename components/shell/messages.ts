import { defineMessages } from "@/lib/i18n/define-messages";

export const shellMessages = defineMessages({
  en: {
    appName: "Seller Inbox",
    mainNavigation: "Main",
    inbox: "Inbox",
    orders: "Orders",
    settings: "Settings",
    signOut: "Sign out",
    signedInAs: (name: string, admin: boolean) => `${name} (${admin ? "administrator" : "agent"})`,
  },
  ru: {
    appName: "Seller Inbox",
    mainNavigation: "Основное",
    inbox: "Сообщения",
    orders: "Заказы",
    settings: "Настройки",
    signOut: "Выйти",
    signedInAs: (name: string, admin: boolean) => `${name} (${admin ? "администратор" : "агент"})`,
  },
});
