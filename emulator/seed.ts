/**
 * The seeded world: a realistic Russian-language shop for `demo-client` (PREMIUM_PLUS) with chats in every state
 * the inbox has to show, and a small `basic-client` seller without premium. Everything is derived from the seed
 * with a seeded PRNG; timestamps are offsets from the moment of seeding, so windows are open or closed relative
 * to "now" whenever the emulator starts, while ids, texts and structure are the same for the same seed.
 *
 * `chats`/`messagesPerChat` build large shops for benchmarks by cycling through the same scenarios.
 */
import { Prng } from "./prng";
import { catalogProducts, seedFeedback } from "./seed-feedback";
import {
  addChat,
  Author,
  countUnread,
  DAY,
  HOUR,
  idAt,
  MessageLog,
  Moderation,
  newSeller,
  type AuthorCode,
  type Chat,
  type ChatType,
  type DeliverySchema,
  type ModerationCode,
  type Posting,
  type Product,
  type Seller,
  type World,
} from "./state";

export interface SeedOptions {
  seed: number;
  /** Number of chats for demo-client (default: the hand-made scenario list, 45). */
  chats?: number;
  /** Messages in every chat (default: 2..8, varying by scenario). */
  messagesPerChat?: number;
  /** Product questions of demo-client (default: the hand-made list, 18). */
  questions?: number;
  /** Reviews of demo-client (default: the hand-made list, 19). */
  reviews?: number;
}

const MINUTE = 60_000;

export const CATALOG: readonly Omit<Product, "quantity" | "currency_code">[] = [
  { sku: 1482736501, offer_id: "PLED-150-GR", name: "Плед флисовый 150×200 см, графит", price: "1290.00" },
  { sku: 1482736502, offer_id: "PLED-200-BG", name: "Плед вязаный 200×220 см, бежевый", price: "2490.00" },
  { sku: 1539920117, offer_id: "KAST-4L-ST", name: "Кастрюля из нержавеющей стали 4 л с крышкой", price: "1890.00" },
  { sku: 1539920118, offer_id: "SKOV-28-GR", name: "Сковорода с антипригарным покрытием 28 см", price: "1590.00" },
  { sku: 1601184420, offer_id: "POST-EVRO-SAT", name: "Комплект постельного белья евро, сатин, «Лаванда»", price: "3490.00" },
  { sku: 1601184421, offer_id: "POST-2SP-BZ", name: "Комплект постельного белья 2-спальный, бязь", price: "1990.00" },
  { sku: 1623300845, offer_id: "POD-50-70", name: "Подушка анатомическая 50×70 см", price: "990.00" },
  { sku: 1623300846, offer_id: "ODEY-172", name: "Одеяло всесезонное 172×205 см", price: "2790.00" },
  { sku: 1701952233, offer_id: "POLOT-SET-3", name: "Набор махровых полотенец, 3 шт.", price: "1450.00" },
  { sku: 1701952234, offer_id: "HALAT-M-WH", name: "Халат махровый женский, белый", price: "2290.00" },
  { sku: 1755003310, offer_id: "SHTORA-BLK-2", name: "Шторы блэкаут 2 шт. 150×270 см", price: "2690.00" },
  { sku: 1755003311, offer_id: "SKAT-140", name: "Скатерть водоотталкивающая 140×180 см", price: "890.00" },
  { sku: 1812476650, offer_id: "KONT-SET-5", name: "Набор контейнеров для хранения, 5 шт.", price: "790.00" },
  { sku: 1812476651, offer_id: "CHAYN-1.7", name: "Чайник электрический стеклянный 1,7 л", price: "2190.00" },
  { sku: 1866120098, offer_id: "NOZH-SET-6", name: "Набор кухонных ножей, 6 предметов", price: "2990.00" },
  { sku: 1866120099, offer_id: "DOSKA-BAMB", name: "Разделочная доска бамбуковая, 2 шт.", price: "650.00" },
  { sku: 1903345512, offer_id: "KOVR-60-90", name: "Коврик для ванной 60×90 см", price: "750.00" },
  { sku: 1903345513, offer_id: "SVECHA-ARO", name: "Свеча ароматическая в стекле, «Ваниль»", price: "590.00" },
];

type Topic = "size" | "delivery" | "return" | "defect" | "deadline" | "general";

/** A conversation about one topic: how the buyer opens it, how they follow up, how the seller answers. */
interface TopicTexts {
  openers: readonly string[];
  followups: readonly string[];
  replies: readonly string[];
}

const TOPICS: Record<Topic, TopicTexts> = {
  size: {
    openers: [
      "Здравствуйте! Подскажите, пожалуйста, какой реальный размер? В описании одно, а на фото этикетки другое.",
      "Добрый день. Подойдёт ли этот комплект на матрас 160×200? Не хочу ошибиться с размером.",
      "Здравствуйте, какой размер халата посоветуете при росте 168 и 48 размере одежды?",
    ],
    followups: [
      "А после стирки не сядет?",
      "Спасибо! А наволочки 50×70 в комплекте есть?",
      "Понятно, тогда беру на размер больше.",
      "А есть такой же, но побольше?",
    ],
    replies: [
      "Добрый день! Размер соответствует описанию, таблица размеров есть в карточке: [посмотреть](https://www.ozon.ru/product/pled-flisovyy-150-200-1482736501/).",
      "Здравствуйте! Пододеяльник 200×220, простыня 220×240 — на матрас 160×200 подойдёт с запасом.",
      "Советуем размер M, он рассчитан на 46–48. После стирки при 30 °C не садится.",
    ],
  },
  delivery: {
    openers: [
      "Добрый день! Когда примерно будет доставка? В приложении срок сдвинулся уже второй раз.",
      "Здравствуйте, заказ застрял в статусе «В пути» четвёртый день. Можете уточнить, где он?",
      "Подскажите, можно ли доставить в другой пункт выдачи? Я ошиблась адресом.",
    ],
    followups: [
      "Курьер сказал, что посылку вернули на склад. Это правда?",
      "Всё ещё не пришло, а срок уже прошёл.",
      "Хорошо, жду.",
      "Вы можете ответить? Вопрос срочный.",
    ],
    replies: [
      "Здравствуйте! Заказ передан в доставку, отследить его можно в разделе «Заказы» в приложении Ozon.",
      "Видим, что отправление на сортировочном центре, срок доставки не изменился.",
      "Пункт выдачи можно сменить в приложении, пока заказ не прибыл в ПВЗ: [как это сделать](https://www.ozon.ru/help/delivery/change-address/).",
    ],
  },
  return: {
    openers: [
      "Здравствуйте, хочу оформить возврат — не подошёл цвет. Как это сделать?",
      "Добрый день. Товар не подошёл по размеру, упаковка целая. Можно вернуть?",
      "Здравствуйте, вернула товар в пункт выдачи неделю назад, а деньги так и не пришли.",
    ],
    followups: [
      "А если упаковку уже вскрыли, примете?",
      "Хорошо, тогда оформляю возврат через приложение.",
      "Уже неделю жду деньги, подскажите, что делать.",
    ],
    replies: [
      "Возврат бесплатный в течение 7 дней после получения, подробнее: [правила возврата](https://www.ozon.ru/help/return/).",
      "Деньги вернутся в течение 1–3 рабочих дней после того, как товар примут на складе.",
      "Оформите возврат в разделе «Заказы» → «Вернуть товар», мы одобрим заявку.",
    ],
  },
  defect: {
    openers: [
      "Здравствуйте! Пришла кастрюля с вмятиной на боку, хотя коробка целая. Что делать?",
      "Добрый день, на пледе затяжки и торчат нитки, выглядит как брак.",
      "Чайник протекает снизу после первого же кипячения. Это брак?",
    ],
    followups: [
      "Прикладываю фото, посмотрите, пожалуйста.",
      "А можно обменять на новый вместо возврата?",
      "Спасибо, оформила возврат.",
    ],
    replies: [
      "Очень жаль, что так вышло. Пришлите, пожалуйста, фото — разберёмся.",
      "Посмотрели фото — это действительно брак. Вернём деньги полностью после возврата товара.",
      "Оформите возврат с причиной «Брак», обратная доставка за наш счёт.",
    ],
  },
  deadline: {
    openers: [
      "Здравствуйте, вы успеете отправить до пятницы? Нужно к подарку на день рождения.",
      "Добрый день! Когда отгрузите заказ? Уже третий день «ожидает отгрузки».",
      "Подскажите, сколько времени обычно идёт до Екатеринбурга?",
    ],
    followups: [
      "А можно как-то ускорить? Очень нужно.",
      "Отлично, спасибо!",
      "Так успеете или нет?",
    ],
    replies: [
      "Отправим сегодня до 18:00, срок доставки 2–3 дня.",
      "Заказ уже упакован, передадим в доставку завтра утром.",
      "До Екатеринбурга обычно 3–4 дня после отгрузки.",
    ],
  },
  general: {
    openers: [
      "Здравствуйте, а в комплекте есть наволочки 70×70 или только 50×70?",
      "Добрый день! Можно ли стирать в машинке при 40 градусах?",
      "Здравствуйте! Подойдёт ли крышка от [этой кастрюли](https://www.ozon.ru/product/kastryulya-iz-nerzhaveyushchey-stali-4-l-1539920117/) к вашей сковороде 28 см?",
    ],
    followups: [
      "Спасибо за ответ!",
      "А этот товар будет в другом цвете?",
      "Спасибо, получила, всё отлично!",
    ],
    replies: [
      "Да, можно стирать при 40 °C в деликатном режиме, сушить без отжима.",
      "В комплекте две наволочки 70×70 и две 50×70.",
      "Других цветов пока нет, ждём поставку в следующем месяце.",
      "Спасибо за покупку! Будем рады видеть вас снова.",
    ],
  },
};

const SUPPORT_TEXTS: readonly string[] = [
  "Здравствуйте! Ваше обращение №48219733 принято. Специалист ответит в течение 24 часов.",
  "Мы проверили отправление: оно находится на сортировочном центре «Хоругвино». Срок доставки не изменится.",
  "Спасибо за ожидание. Компенсация за утерянный товар будет начислена в ближайший отчётный период.",
  "Уточните, пожалуйста, номер отправления и приложите фото упаковки.",
  "Обращение закрыто. Если вопрос остался, создайте новое в разделе «Поддержка».",
];
const SELLER_TO_SUPPORT: readonly string[] = [
  "Здравствуйте! Отправление числится доставленным, но покупатель говорит, что не получал его. Помогите разобраться.",
  "Добрый день, при приёмке на складе потеряли одну коробку из поставки. Номер поставки 2000014873.",
  "Спасибо, вопрос решён.",
];
const LOGISTICS_TEXTS: readonly string[] = [
  "Отправление {posting} передано в доставку.",
  "Курьер приедет за отправлениями завтра с 10:00 до 14:00.",
  "Изменился срок отгрузки отправления {posting}: отгрузите до 18:00 завтрашнего дня.",
  "Отправление {posting} доставлено покупателю.",
  "Напоминаем: отгрузите отправления до 12:00, чтобы они не были отменены.",
];
const CRM_TEXTS: readonly string[] = [
  "Здравствуйте! Это служба контроля качества Ozon. Проверьте, пожалуйста, остатки по складу до конца недели.",
  "Напоминаем: по заказам с истёкшим сроком сборки начисляется штраф. Подробности в разделе «Заказы».",
];
const COURIER_TEXTS: readonly string[] = [
  "Курьер прибыл на склад за отгрузкой. Подготовьте, пожалуйста, отправления.",
  "Курьер: буду на месте через 20 минут, ворота №3.",
];
const API_TEXTS: readonly string[] = [
  "Seller API: метод /v2/posting/fbo/list будет отключён. Перейдите на /v3/posting/fbo/list.",
  "Seller API: срок действия вашего API-ключа истекает через 10 дней.",
];
const CONTENT_TEXTS: readonly string[] = [
  "В категории «Постельное бельё» обновились обязательные характеристики. Проверьте карточки товаров.",
  "Атрибут «Материал наполнителя» стал обязательным для категории «Одеяла».",
];

/** One buyer chat scenario; times in hours before the moment of seeding. */
interface BuyerScenario {
  schema: DeliverySchema;
  /** Payment time; null = awaiting payment (FBO postings are always paid). */
  paidH: number | null;
  /** Handed to delivery; null = not yet. */
  deliveringH?: number | null;
  /** Delivered; null = not yet. */
  deliveredH?: number | null;
  /** Newest buyer message. */
  lastBuyerH: number;
  /** Trailing unread buyer messages (0..5). */
  unread: number;
  /** The seller answered after the buyer's last message. */
  replied?: boolean;
  closed?: boolean;
  topic: Topic;
  /** An Ozon Select order: the chat is BUYER_SELLER_SELECT. */
  select?: boolean;
  image?: ModerationCode;
  cyrillic?: boolean;
}

const BUYER_SCENARIOS: readonly BuyerScenario[] = [
  // FBO: only the buyer writes first; the seller has 48 h from the buyer's last message.
  { schema: "FBO", paidH: 120, deliveredH: 30, lastBuyerH: 2, unread: 1, topic: "size" },
  { schema: "FBO", paidH: 60, deliveringH: 20, lastBuyerH: 5, unread: 3, topic: "delivery" },
  { schema: "FBO", paidH: 200, deliveredH: 50, lastBuyerH: 20, unread: 5, topic: "defect", image: Moderation.SUCCESS },
  { schema: "FBO", paidH: 300, deliveredH: 100, lastBuyerH: 40, unread: 2, topic: "return" },
  { schema: "FBO", paidH: 150, deliveredH: 24, lastBuyerH: 10, unread: 0, replied: true, topic: "general" },
  { schema: "FBO", paidH: 90, deliveredH: 40, lastBuyerH: 30, unread: 0, topic: "size" },
  { schema: "FBO", paidH: 240, deliveredH: 96, lastBuyerH: 60, unread: 0, replied: true, topic: "delivery" },
  { schema: "FBO", paidH: 400, deliveredH: 200, lastBuyerH: 5 * 24, unread: 0, replied: true, closed: true, topic: "return" },
  { schema: "FBO", paidH: 700, deliveredH: 500, lastBuyerH: 12 * 24, unread: 0, replied: true, closed: true, topic: "defect" },
  { schema: "FBO", paidH: 1500, deliveredH: 1000, lastBuyerH: 30 * 24, unread: 0, closed: true, topic: "general" },
  { schema: "FBO", paidH: 80, deliveredH: 10, lastBuyerH: 1, unread: 1, topic: "defect", image: Moderation.MODERATION },
  { schema: "FBO", paidH: 100, deliveredH: 30, lastBuyerH: 15, unread: 0, topic: "defect", image: Moderation.FAILED },
  { schema: "FBO", paidH: 130, deliveredH: 60, lastBuyerH: 47, unread: 1, topic: "return" },
  { schema: "FBO", paidH: 70, deliveringH: 12, lastBuyerH: 3, unread: 2, topic: "deadline", cyrillic: true },
  { schema: "FBO", paidH: 260, deliveredH: 120, lastBuyerH: 72, unread: 0, replied: true, topic: "general" },
  { schema: "FBO", paidH: 50, deliveringH: 6, lastBuyerH: 8, unread: 4, topic: "delivery", select: true },
  // FBS: writable from payment until 72 h after delivery, then only within 48 h of the buyer's last message.
  { schema: "FBS", paidH: 10, lastBuyerH: 4, unread: 1, topic: "deadline" },
  { schema: "FBS", paidH: 30, lastBuyerH: 20, unread: 0, replied: true, topic: "size" },
  { schema: "FBS", paidH: 120, deliveringH: 50, lastBuyerH: 6, unread: 2, topic: "delivery" },
  { schema: "FBS", paidH: 100, deliveringH: 60, deliveredH: 20, lastBuyerH: 3, unread: 1, topic: "defect", image: Moderation.SUCCESS },
  { schema: "FBS", paidH: 150, deliveringH: 90, deliveredH: 50, lastBuyerH: 45, unread: 0, replied: true, topic: "general" },
  { schema: "FBS", paidH: 300, deliveringH: 260, deliveredH: 240, lastBuyerH: 9 * 24, unread: 0, replied: true, closed: true, topic: "return" },
  { schema: "FBS", paidH: 220, deliveringH: 180, deliveredH: 144, lastBuyerH: 96, unread: 0, topic: "size" },
  { schema: "FBS", paidH: 600, deliveringH: 560, deliveredH: 480, lastBuyerH: 6, unread: 1, topic: "return" },
  { schema: "FBS", paidH: 2, lastBuyerH: 1, unread: 1, topic: "deadline", cyrillic: true },
  { schema: "FBS", paidH: 130, deliveringH: 100, deliveredH: 70, lastBuyerH: 69, unread: 0, replied: true, topic: "general" },
  { schema: "FBS", paidH: 96, lastBuyerH: 50, unread: 0, replied: true, topic: "deadline" },
  { schema: "FBS", paidH: 900, deliveringH: 850, deliveredH: 720, lastBuyerH: 700, unread: 0, closed: true, topic: "general" },
  { schema: "FBS", paidH: 90, deliveringH: 50, deliveredH: 24, lastBuyerH: 2, unread: 5, topic: "defect" },
  { schema: "FBS", paidH: 200, deliveringH: 150, deliveredH: 96, lastBuyerH: 47, unread: 0, topic: "return" },
  // rFBS: the same rules as FBS, delivered by the seller's own service.
  { schema: "rFBS", paidH: 6, lastBuyerH: 2, unread: 2, topic: "deadline" },
  { schema: "rFBS", paidH: 70, deliveringH: 40, deliveredH: 12, lastBuyerH: 5, unread: 1, topic: "general" },
  { schema: "rFBS", paidH: 180, deliveringH: 120, deliveredH: 80, lastBuyerH: 60, unread: 0, replied: true, topic: "size" },
  { schema: "rFBS", paidH: 500, deliveringH: 430, deliveredH: 360, lastBuyerH: 350, unread: 0, closed: true, topic: "return" },
  { schema: "rFBS", paidH: 72 + 24, deliveringH: 30, lastBuyerH: 25, unread: 0, replied: true, topic: "delivery" },
  { schema: "rFBS", paidH: 110, deliveringH: 80, deliveredH: 48, lastBuyerH: 7, unread: 1, topic: "defect", image: Moderation.MODERATION },
  { schema: "rFBS", paidH: 24, lastBuyerH: 12, unread: 3, topic: "delivery", cyrillic: true },
  { schema: "rFBS", paidH: 1100, deliveringH: 1050, deliveredH: 960, lastBuyerH: 960, unread: 0, replied: true, closed: true, topic: "general" },
  { schema: "rFBS", paidH: 60, deliveringH: 30, deliveredH: 5, lastBuyerH: 4, unread: 0, replied: true, topic: "general" },
  { schema: "rFBS", paidH: 20, lastBuyerH: 18, unread: 1, topic: "size" },
];

interface ServiceScenario {
  type: Exclude<ChatType, "BUYER_SELLER">;
  lastH: number;
  unread: number;
  closed?: boolean;
}
const SERVICE_SCENARIOS: readonly ServiceScenario[] = [
  { type: "SELLER_SUPPORT", lastH: 3, unread: 2 },
  { type: "SELLER_SUPPORT", lastH: 50, unread: 0 },
  { type: "SELLER_SUPPORT", lastH: 40 * 24, unread: 0, closed: true },
  { type: "SELLER_NOTIFICATION_LOGISTICS", lastH: 1, unread: 3 },
  { type: "SELLER_NOTIFICATION_UPDATE_CONTENT", lastH: 10 * 24, unread: 0 },
  { type: "SELLER_API_UPDATES", lastH: 4 * 24, unread: 0 },
  // Ozon's CRM and a courier writing to the seller (live Ozon lists such chats as UNSPECIFIED).
  { type: "UNSPECIFIED", lastH: 6, unread: 1 },
];

/** Postings without a chat, to exercise /v1/chat/start in every state. */
interface LonePosting {
  schema: DeliverySchema;
  paidH: number | null;
  deliveringH?: number;
  deliveredH?: number;
  cancelled?: boolean;
}
const LONE_POSTINGS: readonly LonePosting[] = [
  { schema: "FBS", paidH: 80, deliveringH: 40, deliveredH: 10 }, // delivered recently: start ok
  { schema: "FBS", paidH: 900, deliveringH: 850, deliveredH: 720 }, // delivered long ago: forbidden
  { schema: "FBS", paidH: null }, // awaiting payment: forbidden
  { schema: "FBS", paidH: 5 }, // paid recently: start ok
  { schema: "FBS", paidH: 144, deliveringH: 100 }, // paid 6 days ago, in delivery: forbidden
  { schema: "FBS", paidH: 50, cancelled: true },
  { schema: "rFBS", paidH: 60, deliveringH: 40, deliveredH: 24 }, // start ok
  { schema: "rFBS", paidH: 400, deliveringH: 300, deliveredH: 240 }, // forbidden
  { schema: "rFBS", paidH: null }, // awaiting payment
  { schema: "FBO", paidH: 100, deliveringH: 70, deliveredH: 48 }, // FBO: only the buyer starts
  { schema: "FBO", paidH: 30, deliveringH: 10 },
  { schema: "FBS", paidH: 40 }, // paid, not shipped: start ok
  { schema: "rFBS", paidH: 8 }, // paid, not shipped: start ok
];

interface SellerBuild {
  seller: Seller;
  rng: Prng;
  seededAt: number;
  postingSeq: number;
  orderPrefixBase: number;
}

function hoursAgo(b: SellerBuild, h: number): number {
  return b.seededAt - Math.round(h * HOUR);
}

function makePosting(b: SellerBuild, spec: LonePosting): Posting {
  const rng = b.rng;
  const i = b.postingSeq++;
  const prefix = String(b.orderPrefixBase + i * 1009).padStart(10, "0");
  const order_number = `${prefix}-${String(rng.int(1, 9999)).padStart(4, "0")}`;
  const product = rng.pick(CATALOG);
  const quantity = rng.chance(0.8) ? 1 : rng.int(2, 3);
  const paidAt = spec.paidH === null ? null : hoursAgo(b, spec.paidH);
  const createdAt = paidAt === null ? hoursAgo(b, rng.int(1, 20)) : paidAt - rng.int(1, 30) * MINUTE;
  return {
    posting_number: `${order_number}-1`,
    order_id: 30_000_000_000 + b.orderPrefixBase + i * 17,
    order_number,
    schema: spec.schema,
    createdAt,
    paidAt,
    shipmentDate: (paidAt ?? createdAt) + 2 * DAY,
    deliveringAt: spec.deliveringH === undefined ? null : hoursAgo(b, spec.deliveringH),
    deliveredAt: spec.deliveredH === undefined ? null : hoursAgo(b, spec.deliveredH),
    cancelled: spec.cancelled ?? false,
    products: [{ ...product, quantity, currency_code: "RUB" }],
    buyerId: String(rng.int(100_000, 99_999_999)),
    chatId: null,
  };
}

function addPosting(b: SellerBuild, spec: LonePosting): Posting {
  const p = makePosting(b, spec);
  b.seller.postings.set(p.posting_number, p);
  return p;
}

/** `count` strictly increasing times (whole ms, at least seconds apart) from `start` to exactly `end`, irregularly spaced. */
function spreadTimes(rng: Prng, count: number, start: number, end: number): number[] {
  const times = new Array<number>(count);
  const step = Math.max(MINUTE, Math.floor((end - start) / Math.max(1, count)));
  let t = end;
  for (let k = count - 1; k >= 0; k--) {
    times[k] = t;
    t -= Math.max(1000, Math.floor(step * (0.5 + rng.next())));
  }
  // The jitter may have run past `start` (e.g. before the payment): squeeze everything back into [start, end].
  const first = times[0]!;
  if (first < start && end > start) {
    const ratio = (end - start) / (end - first);
    for (let k = 0; k < count; k++) times[k] = Math.floor(start + (times[k]! - first) * ratio);
    times[count - 1] = end;
  }
  return times;
}

function buildBuyerChat(b: SellerBuild, sc: BuyerScenario, chatIndex: number, messagesPerChat: number | undefined): Chat {
  const rng = b.rng;
  const posting = addPosting(b, {
    schema: sc.schema,
    paidH: sc.paidH,
    deliveringH: sc.deliveringH ?? undefined,
    deliveredH: sc.deliveredH ?? undefined,
  });
  const chatId = rng.uuid();
  posting.chatId = chatId;
  const needed = Math.max(1, sc.unread) + (sc.replied ? 1 : 0);
  const count = Math.max(messagesPerChat ?? rng.int(Math.max(2, needed), Math.max(4, needed + 4)), 1);
  const unread = Math.min(sc.unread, count);
  const replied = sc.replied === true && count >= 2;

  // Authors from the end backwards: [seller reply?] <- trailing buyer messages (the unread ones) <- alternating.
  const authors = new Array<AuthorCode>(count);
  let k = count - 1;
  if (replied) authors[k--] = Author.Seller;
  const trailingBuyer = Math.max(1, unread);
  for (let n = 0; n < trailingBuyer && k >= 0; n++) authors[k--] = Author.Customer;
  let nextIsSeller = true;
  for (; k >= 0; k--, nextIsSeller = !nextIsSeller) authors[k] = nextIsSeller ? Author.Seller : Author.Customer;
  authors[0] = Author.Customer; // the buyer opens the conversation with a question
  if (sc.cyrillic) for (let i = 0; i < count; i++) if (authors[i] === Author.Customer && rng.chance(0.6)) authors[i] = Author.CustomerCyrillic;

  // A few minutes of jitter, towards now only, so windows stay on the side the scenario intends.
  const lastBuyerAt = hoursAgo(b, sc.lastBuyerH) + rng.int(0, 300) * 1000;
  const lastBuyerIndex = replied ? count - 2 : count - 1;
  const earliest = Math.max((posting.paidAt ?? posting.createdAt) + 10 * MINUTE, lastBuyerAt - Math.max(HOUR, count * 3 * HOUR));
  const times = spreadTimes(rng, lastBuyerIndex + 1, Math.min(earliest, lastBuyerAt - (lastBuyerIndex + 1) * MINUTE), lastBuyerAt);
  if (replied) times.push(Math.min(b.seededAt - MINUTE, lastBuyerAt + rng.int(15, 120) * MINUTE));

  const log = new MessageLog(count);
  // Follow-ups and replies rotate through the topic's texts, so a conversation does not repeat itself.
  const topic = TOPICS[sc.topic];
  let nextFollowup = rng.int(0, 99);
  let nextReply = rng.int(0, 99);
  const imageAt = sc.image ? lastBuyerIndex : -1;
  for (let i = 0; i < count; i++) {
    const author = authors[i]!;
    const isBuyer = author !== Author.Seller;
    let text: string;
    let moderation: ModerationCode = Moderation.None;
    if (i === imageAt) {
      moderation = sc.image!;
      // [inf] Ozon does not document how an image is written in data[]: a markdown image with an https URL.
      text = `![image](https://cdn.ozon.example/chat/${chatId}/photo-${i + 1}.jpg)`;
    } else if (i === 0) {
      text = rng.pick(topic.openers);
    } else if (isBuyer) {
      text = topic.followups[nextFollowup++ % topic.followups.length]!;
    } else {
      text = topic.replies[nextReply++ % topic.replies.length]!;
    }
    // The buyer's messages that start a topic carry the order context, as Ozon adds it for questions about an order.
    const context = isBuyer && (i === 0 || rng.chance(0.3));
    log.push(idAt(b.seller, times[i]!, chatIndex), Math.floor(times[i]!), author, text, moderation, context);
  }

  const chat: Chat = {
    chatId,
    type: sc.select ? "BUYER_SELLER_SELECT" : "BUYER_SELLER",
    status: sc.closed ? "CLOSED" : "OPENED",
    createdAt: Math.floor(times[0]!) - rng.int(0, 5) * 1000,
    postingNumber: posting.posting_number,
    peerId: posting.buyerId,
    log,
    readCount: 0,
    unread: 0,
    activity: log.ids[count - 1]!,
  };
  // Everything before the trailing unread buyer messages is read.
  chat.readCount = unread === 0 ? count : lastBuyerIndex + 1 - unread;
  chat.unread = countUnread(chat);
  return chat;
}

function buildServiceChat(b: SellerBuild, sc: ServiceScenario, chatIndex: number, messagesPerChat: number | undefined): Chat {
  const rng = b.rng;
  const count = Math.max(1, messagesPerChat ?? rng.int(Math.max(2, sc.unread), Math.max(3, sc.unread + 3)));
  const unread = Math.min(sc.unread, count);
  const lastAt = hoursAgo(b, sc.lastH);
  const times = spreadTimes(rng, count, lastAt - count * 6 * HOUR, lastAt);
  const log = new MessageLog(count);
  const anyPosting = [...b.seller.postings.values()];
  const isSupport = sc.type === "SELLER_SUPPORT";
  for (let i = 0; i < count; i++) {
    let author: AuthorCode;
    let text: string;
    const trailing = i >= count - unread;
    if (isSupport) {
      const sellerTurn = !trailing && i % 2 === 0;
      author = sellerTurn ? Author.Seller : Author.Support;
      text = sellerTurn ? rng.pick(SELLER_TO_SUPPORT) : rng.pick(SUPPORT_TEXTS);
    } else if (sc.type === "UNSPECIFIED") {
      // Ozon's CRM (system messages) and a courier, taking turns.
      author = i % 2 === 0 ? Author.Crm : Author.Courier;
      text = rng.pick(author === Author.Crm ? CRM_TEXTS : COURIER_TEXTS);
    } else if (sc.type === "SELLER_API_UPDATES" || sc.type === "SELLER_API_NOTIFICATIONS") {
      author = Author.NotificationUser;
      text = rng.pick(API_TEXTS);
    } else {
      author = Author.NotificationUser;
      const pool = sc.type === "SELLER_NOTIFICATION_LOGISTICS" ? LOGISTICS_TEXTS : CONTENT_TEXTS;
      const posting = anyPosting.length > 0 ? rng.pick(anyPosting).posting_number : "0000000000-0000-1";
      text = rng.pick(pool).replace("{posting}", posting);
    }
    log.push(idAt(b.seller, times[i]!, chatIndex), Math.floor(times[i]!), author, text);
  }
  const chat: Chat = {
    chatId: rng.uuid(),
    type: sc.type,
    status: sc.closed ? "CLOSED" : "OPENED",
    createdAt: Math.floor(times[0]!) - 1000,
    postingNumber: null,
    peerId: isSupport ? "ozon_support" : sc.type === "UNSPECIFIED" ? "ozon_crm" : "o3_notification_user_sc",
    log,
    readCount: count - unread,
    unread: 0,
    activity: log.ids[count - 1]!,
  };
  chat.unread = countUnread(chat);
  return chat;
}

function buildShop(
  b: SellerBuild,
  buyerScenarios: readonly BuyerScenario[],
  serviceScenarios: readonly ServiceScenario[],
  lonePostings: readonly LonePosting[],
  chats: number | undefined,
  messagesPerChat: number | undefined,
): void {
  // Round-robin over FBO, FBS, rFBS and service scenarios, so that any --chats N gets a mix of every kind.
  type Slot = { buyer: BuyerScenario } | { service: ServiceScenario };
  const groups: Slot[][] = [
    buyerScenarios.filter((x) => x.schema === "FBO").map((x) => ({ buyer: x })),
    buyerScenarios.filter((x) => x.schema === "FBS").map((x) => ({ buyer: x })),
    buyerScenarios.filter((x) => x.schema === "rFBS").map((x) => ({ buyer: x })),
    serviceScenarios.map((x) => ({ service: x })),
  ];
  const cycle: Slot[] = [];
  for (let round = 0; cycle.length < buyerScenarios.length + serviceScenarios.length; round++) {
    for (const g of groups) if (round < g.length) cycle.push(g[round]!);
  }
  const total = chats ?? cycle.length;
  for (let i = 0; i < total; i++) {
    const slot = cycle[i % cycle.length]!;
    const chat = "buyer" in slot ? buildBuyerChat(b, slot.buyer, i, messagesPerChat) : buildServiceChat(b, slot.service, i, messagesPerChat);
    addChat(b.seller, chat);
  }
  for (const spec of lonePostings) addPosting(b, spec);
}

/** Builds the seeded world; `seededAt` is the emulator clock's now. */
export function buildWorld(options: SeedOptions, seededAt: number): World {
  const anchor = seededAt - 400 * DAY;
  const sellers = new Map<string, Seller>();

  const demo = newSeller({
    clientId: "demo-client",
    apiKey: "demo-api-key",
    sellerId: "1840372",
    companyName: "ООО «Домашний уют»",
    subscription: "PREMIUM_PLUS",
    anchor,
  });
  const demoRng = new Prng(options.seed);
  buildShop(
    { seller: demo, rng: demoRng, seededAt, postingSeq: 0, orderPrefixBase: demoRng.int(10_000_000, 90_000_000) },
    BUYER_SCENARIOS,
    SERVICE_SCENARIOS,
    LONE_POSTINGS,
    options.chats,
    options.messagesPerChat,
  );
  // The demo seller has the reviews subscription («Управление отзывами»), so the demo shows reviews; the control API
  // turns it off (POST /__emulator/seller-settings).
  seedFeedback(demo.feedback, {
    seed: options.seed,
    seededAt,
    companyName: demo.companyName,
    catalog: catalogProducts(CATALOG),
    reviewManagement: true,
    questions: options.questions,
    reviews: options.reviews,
  });
  sellers.set(demo.clientId, demo);

  const basic = newSeller({
    clientId: "basic-client",
    apiKey: "basic-api-key",
    sellerId: "2291746",
    companyName: "ИП Смирнова А. В.",
    subscription: "UNKNOWN",
    anchor,
  });
  const basicRng = new Prng(options.seed * 7919 + 17);
  buildShop(
    { seller: basic, rng: basicRng, seededAt, postingSeq: 0, orderPrefixBase: basicRng.int(10_000_000, 90_000_000) },
    [BUYER_SCENARIOS[16]!, BUYER_SCENARIOS[0]!],
    [SERVICE_SCENARIOS[0]!, SERVICE_SCENARIOS[3]!],
    [LONE_POSTINGS[0]!, LONE_POSTINGS[2]!],
    undefined,
    undefined,
  );
  seedFeedback(basic.feedback, {
    seed: options.seed * 7919 + 17,
    seededAt,
    companyName: basic.companyName,
    catalog: catalogProducts(CATALOG.slice(0, 4)),
    reviewManagement: false,
    share: 0.25,
  });
  sellers.set(basic.clientId, basic);

  // Plain Premium: lists every chat, reads support and system chats, but no buyer chat.
  const premium = newSeller({
    clientId: "premium-client",
    apiKey: "premium-api-key",
    sellerId: "3058214",
    companyName: "ООО «Северный ветер»",
    subscription: "PREMIUM",
    anchor,
  });
  const premiumRng = new Prng(options.seed * 104_729 + 31);
  buildShop(
    { seller: premium, rng: premiumRng, seededAt, postingSeq: 0, orderPrefixBase: premiumRng.int(10_000_000, 90_000_000) },
    [BUYER_SCENARIOS[0]!, BUYER_SCENARIOS[1]!, BUYER_SCENARIOS[2]!],
    [SERVICE_SCENARIOS[0]!, SERVICE_SCENARIOS[3]!],
    [LONE_POSTINGS[0]!],
    undefined,
    undefined,
  );
  sellers.set(premium.clientId, premium);

  return { seed: options.seed, seededAt, sellers };
}
