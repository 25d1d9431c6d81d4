import { describe, expect, it } from "vitest";
import { detectScamSigns } from "./detect-scam-signs";
import type { ScamSignCode } from "./policy-rules";

// Messages a seller gets in a buyer chat, each with the scam signs it must be marked with.
const TABLE: [string, ScamSignCode[]][] = [
  ["Здравствуйте, где мой заказ? Уже неделю жду.", []],
  ["Подскажите, подойдёт ли чехол на iPhone 15?", []],
  ["Я обратился в поддержку, там сказали написать вам.", []],
  ["Товар пришёл с браком, хочу вернуть. Заказ 0123456789-0001-1", []],
  ["Оплатил картой, а заказ так и не пришёл", []],
  ["Hi, my order hasn't arrived yet, can you check?", []],
  ["Здравствуйте! Вас беспокоит служба поддержки Ozon. Ваш магазин будет заблокирован.", ["fake_support"]],
  ["Я сотрудник Озон, нужно подтвердить данные продавца", ["fake_support"]],
  ["Служба безопасности OZON: на ваш аккаунт совершена попытка входа", ["fake_support"]],
  ["This is Ozon Support. Your account is suspended.", ["fake_support"]],
  ["Для возврата денег пришлите номер карты и срок действия", ["card_request"]],
  ["Send me your card number and CVV to get the refund", ["card_request"]],
  ["Продиктуйте код из смс, который сейчас придёт", ["sms_code"]],
  ["Please tell me the code from the SMS we just sent", ["sms_code"]],
  ["Администрация Озона: назовите код подтверждения и номер вашей карты", ["fake_support", "card_request", "sms_code"]],
];

describe("detectScamSigns", () => {
  it.each(TABLE)("%s → %j", (text, expected) => {
    expect([...detectScamSigns(text)].sort()).toEqual([...expected].sort());
  });
});
