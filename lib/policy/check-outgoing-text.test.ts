import { describe, expect, it } from "vitest";
import { checkOutgoingText } from "./check-outgoing-text";
import type { OutgoingFlagCode } from "./policy-rules";

// Texts an agent might send, each with the reasons it must be held for (an empty list: send as it is).
const TABLE: [string, OutgoingFlagCode[]][] = [
  // Ordinary answers, with numbers that are not phones and links to Ozon.
  ["Здравствуйте! Ваш заказ 0123456789-0001-1 передан в доставку, ожидайте 12.03.2025.", []],
  ["Добрый день. Номер заказа 12345678-0001, отправление 12345678-0001-1 уже в пути.", []],
  ["Цена снижена до 1 299 ₽, скидка действует до 31.12.2025.", []],
  ["Стоимость 12 490 руб., доставка 2–3 дня.", []],
  ["Артикул SKU 1543218765, размер 42, цвет чёрный.", []],
  ["Посмотрите карточку товара: https://www.ozon.ru/product/krossovki-1543218765/ и таблицу размеров.", []],
  ["Вот ссылка на отслеживание: ozon.ru/t/AbC123x", []],
  ["Инструкция есть на seller.ozon.ru и на ozon.com/help", []],
  ["Hello! Your order 87654321-0002-3 ships tomorrow, March 12, 2025. Price: $24.99.", []],
  ["Thanks for your patience, the parcel weighs 1.5 kg and measures 30x20x10 cm.", []],
  ["Пожалуйста, не отменяйте заказ: мы отправим его завтра.", []],
  ["Please don't cancel the order, it will be shipped today.", []],
  ["Заказ был отменён системой Ozon, деньги вернутся в течение 3 дней.", []],
  ["Оформите возврат в личном кабинете Ozon, раздел «Мои заказы».", []],
  ["Мы работаем с 9:00 до 18:00 по Москве, ответим в течение 24 часов.", []],
  ["Трек-номер 80081234567890 можно проверить в приложении.", []],
  ["Файл инструкция.pdf приложили к сообщению.", []],
  // Phones.
  ["Позвоните нам: +7 (912) 345-67-89, поможем с настройкой.", ["phone"]],
  ["Наш номер 8 912 345 67 89, звоните в любое время", ["phone"]],
  ["Звоните 89123456789", ["phone"]],
  ["Горячая линия 8-800-555-35-35", ["phone"]],
  ["Call us on +44 20 7946 0958", ["phone"]],
  ["Мой мобильный (912) 345-67-89", ["phone"]],
  // E-mail.
  ["Пришлите фото на почту shop.help@mail.ru, мы посмотрим.", ["email"]],
  ["Email us at support@example.com", ["email"]],
  // Links outside Ozon.
  ["Подробнее на нашем сайте https://my-shop.ru/catalog", ["external_link"]],
  ["Смотрите www.wildberries.ru/catalog/123", ["external_link"]],
  ["Instructions: example.com/manual.pdf", ["external_link"]],
  ["Скидка у нас в магазине shop-krossovki.рф", ["external_link"]],
  // Messengers.
  ["Напишите мне в телеграм @shop_helper, так быстрее", ["messenger"]],
  ["Пишите в WhatsApp, ответим сразу", ["messenger"]],
  ["Добавьтесь в нашу группу ВК", ["messenger"]],
  ["Ссылка на канал: t.me/myshop_news", ["messenger"]],
  ["Text me on Viber or WhatsApp", ["messenger"]],
  ["Скиньте в вотсап фото", ["messenger"]],
  // Asking to cancel.
  ["Отмените, пожалуйста, заказ, мы отправим товар заново.", ["cancel_request"]],
  ["Вам нужно отменить заказ и оформить его снова", ["cancel_request"]],
  ["Откажитесь от заказа при получении, вернём деньги", ["cancel_request"]],
  ["Could you please cancel your order and place a new one?", ["cancel_request"]],
  ["Please cancel the order, the item is out of stock", ["cancel_request"]],
  // Several at once.
  ["Отмените заказ и напишите мне на WhatsApp +79123456789", ["phone", "messenger", "cancel_request"]],
  ["Write to me: anna@shop.com or https://shop.example.org", ["email", "external_link"]],
];

describe("checkOutgoingText", () => {
  it.each(TABLE)("%s → %j", (text, expected) => {
    const codes = checkOutgoingText(text).map((flag) => flag.code);
    expect([...codes].sort()).toEqual([...expected].sort());
  });

  it("has at least 30 real-looking texts in both languages, ordinary ones among them", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
    expect(TABLE.filter(([, codes]) => codes.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it("names the piece of text behind each reason", () => {
    expect(checkOutgoingText("Звоните: +7 912 345-67-89 или пишите на a.b@mail.ru")).toEqual([
      { code: "email", match: "a.b@mail.ru" },
      { code: "phone", match: "+7 912 345-67-89" },
    ]);
  });
});
