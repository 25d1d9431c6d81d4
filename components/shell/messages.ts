import { defineMessages } from "@/lib/i18n/define-messages";

export const shellMessages = defineMessages({
  en: {
    appName: "Seller Inbox",
    mainNavigation: "Main",
    inbox: "Inbox",
    orders: "Orders",
    metrics: "Metrics",
    settings: "Settings",
    signOut: "Sign out",
    menu: "Menu",
    signedInAs: (name: string, admin: boolean) => `${name} (${admin ? "administrator" : "agent"})`,
  },
  ru: {
    appName: "Seller Inbox",
    mainNavigation: "Основное",
    inbox: "Сообщения",
    orders: "Заказы",
    metrics: "Показатели",
    settings: "Настройки",
    signOut: "Выйти",
    menu: "Меню",
    signedInAs: (name: string, admin: boolean) => `${name} (${admin ? "администратор" : "агент"})`,
  },
});
