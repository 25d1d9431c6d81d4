/**
 * The seeded product questions and reviews of a shop: Russian texts in every state the inbox has to show — questions
 * NEW, VIEWED and PROCESSED, unanswered, answered by the seller and by other buyers, an answer in moderation and a
 * rejected one; reviews rated 1 to 5, with and without photos, with the seller's comment, a buyer's reply to it,
 * an official comment, and none. Times are offsets from the seeding moment; ids and texts depend only on the seed.
 */
import {
  appendSorted,
  feedbackId,
  type CatalogProduct,
  type FeedbackStatus,
  type Publication,
  type Question,
  type Review,
  type SellerFeedback,
} from "./feedback";
import { Prng } from "./prng";
import { DAY, HOUR } from "./state";

type AnswerSpec = { by: "seller" | "buyer"; text: string; afterHours: number; publication?: Publication };
type QuestionSpec = { text: string; hoursAgo: number; status: FeedbackStatus; answers?: AnswerSpec[] };

const BUYER_NAMES = ["Пользователь OZON", "Анна К.", "Дмитрий", "Елена С.", "Марина", "Игорь В.", "Ольга", "Сергей П."];

const QUESTIONS: readonly QuestionSpec[] = [
  { text: "Здравствуйте! Какой состав ткани? На этикетке написано одно, в описании другое.", hoursAgo: 0.5, status: "NEW" },
  { text: "Подойдёт ли на матрас 160×200 с высотой 25 см?", hoursAgo: 2, status: "NEW" },
  { text: "Можно ли стирать при 60 градусах? Не сядет?", hoursAgo: 5, status: "NEW" },
  { text: "Есть ли этот товар в другом цвете? Нужен серый.", hoursAgo: 9, status: "NEW", answers: [{ by: "buyer", text: "Я брала серый месяц назад, был в наличии.", afterHours: 3 }] },
  { text: "Подскажите, крышка стеклянная или металлическая?", hoursAgo: 20, status: "NEW" },
  { text: "Подходит ли для индукционной плиты?", hoursAgo: 30, status: "VIEWED" },
  { text: "Какой вес одеяла? Нужно потеплее на зиму.", hoursAgo: 46, status: "VIEWED", answers: [{ by: "buyer", text: "Моё весит около двух килограммов, мне тепло.", afterHours: 5 }] },
  { text: "Комплект пахнет химией после распаковки, это нормально? Стирать перед использованием?", hoursAgo: 70, status: "VIEWED" },
  { text: "Сколько полотенец в наборе и какого размера?", hoursAgo: 100, status: "PROCESSED", answers: [{ by: "seller", text: "Здравствуйте! В наборе три полотенца: 30×50, 50×90 и 70×140 см.", afterHours: 2 }] },
  { text: "Ножи точить можно обычной точилкой?", hoursAgo: 130, status: "PROCESSED", answers: [{ by: "seller", text: "Добрый день! Да, подойдёт любая точилка для стальных ножей, угол заточки 15°.", afterHours: 4 }, { by: "buyer", text: "Точу обычной, всё отлично.", afterHours: 30 }] },
  { text: "Шторы сильно мнутся после стирки?", hoursAgo: 160, status: "PROCESSED", answers: [{ by: "seller", text: "Ткань почти не мнётся; после стирки повесьте шторы влажными — отвисятся сами.", afterHours: 6 }] },
  { text: "Чайник не пахнет пластиком при кипячении?", hoursAgo: 200, status: "PROCESSED", answers: [{ by: "seller", text: "Здравствуйте! Колба и крышка из стекла и стали, пластика внутри нет.", afterHours: 1 }] },
  { text: "Подушка высокая? Сплю на боку.", hoursAgo: 240, status: "PROCESSED", answers: [{ by: "buyer", text: "Высота 12 см, для сна на боку мне как раз.", afterHours: 12 }] },
  { text: "Скатерть правда не промокает? Дети всё проливают.", hoursAgo: 300, status: "PROCESSED", answers: [{ by: "seller", text: "Да, пропитка водоотталкивающая: капли скатываются, достаточно протереть салфеткой.", afterHours: 3 }] },
  { text: "Контейнеры можно в микроволновку?", hoursAgo: 26, status: "VIEWED", answers: [{ by: "seller", text: "Добрый день! Без крышек — да, до 120 °C.", afterHours: 1, publication: "MODERATION" }] },
  { text: "Свеча сколько часов горит?", hoursAgo: 400, status: "PROCESSED", answers: [{ by: "seller", text: "Около сорока часов. Пишите нам, если что-то не так, разберёмся.", afterHours: 2, publication: "REJECTED" }, { by: "seller", text: "Здравствуйте! Свеча горит около 40 часов.", afterHours: 5 }] },
  { text: "Коврик не скользит по плитке?", hoursAgo: 500, status: "NEW" },
  { text: "Халат на рост 180 подойдёт?", hoursAgo: 600, status: "PROCESSED", answers: [{ by: "seller", text: "Длина халата 120 см: на рост 180 будет чуть ниже колена.", afterHours: 8 }] },
];

type CommentSpec = { by: "seller" | "buyer" | "ozon"; text: string; afterHours: number; replyTo?: number; publication?: Publication; reason?: string };
type ReviewSpec = {
  rating: number;
  text: string;
  hoursAgo: number;
  status: FeedbackStatus;
  photos?: number;
  cancelled?: boolean;
  comments?: CommentSpec[];
};

const REVIEWS: readonly ReviewSpec[] = [
  { rating: 1, text: "Пришла кастрюля с вмятиной на боку, упаковка целая. Очень расстроена.", hoursAgo: 1, status: "NEW", photos: 2 },
  { rating: 2, text: "Плед линяет, после первой стирки весь в катышках.", hoursAgo: 3, status: "NEW", photos: 1 },
  { rating: 5, text: "Отличный комплект, ткань приятная, размер как в описании.", hoursAgo: 6, status: "NEW" },
  { rating: 3, text: "Нормально за свои деньги, но запах держался неделю.", hoursAgo: 12, status: "NEW" },
  { rating: 4, text: "Чайник хороший, но крышка открывается туговато.", hoursAgo: 18, status: "NEW", photos: 1 },
  { rating: 1, text: "Ножи тупые из коробки, один со сколом. Верну.", hoursAgo: 28, status: "VIEWED", photos: 3 },
  { rating: 2, text: "Шторы короче заявленного на 10 см.", hoursAgo: 40, status: "VIEWED" },
  { rating: 5, text: "Полотенца мягкие, не линяют. Беру второй набор.", hoursAgo: 52, status: "VIEWED", photos: 2 },
  { rating: 4, text: "Подушка удобная, но первые дни пахла.", hoursAgo: 75, status: "VIEWED" },
  { rating: 3, text: "Сковорода нормальная, ручка греется.", hoursAgo: 90, status: "VIEWED", comments: [{ by: "buyer", text: "У меня тоже греется, беру прихваткой.", afterHours: 20 }] },
  { rating: 1, text: "Одеяло пришло мокрым и с пятном.", hoursAgo: 120, status: "PROCESSED", photos: 2, comments: [{ by: "seller", text: "Здравствуйте! Нам очень жаль. Оформите возврат в приложении — мы вернём деньги полностью.", afterHours: 3 }, { by: "buyer", text: "Спасибо, деньги вернули.", afterHours: 50, replyTo: 0 }] },
  { rating: 5, text: "Свеча пахнет ванилью, горит ровно. Рекомендую!", hoursAgo: 150, status: "PROCESSED", comments: [{ by: "seller", text: "Спасибо за отзыв! Рады, что понравилось.", afterHours: 5 }] },
  { rating: 2, text: "Контейнеры треснули в морозилке.", hoursAgo: 180, status: "PROCESSED", comments: [{ by: "seller", text: "Здравствуйте! Контейнеры рассчитаны до −20 °C; напишите нам в чат заказа, заменим.", afterHours: 6 }, { by: "ozon", text: "Покупатель, вы можете оформить возврат в течение 7 дней.", afterHours: 8 }] },
  { rating: 4, text: "Скатерть красивая, пятна отстирываются.", hoursAgo: 220, status: "PROCESSED", photos: 1, comments: [{ by: "seller", text: "Благодарим! Стирайте при 30 °C — пропитка сохранится дольше.", afterHours: 2 }] },
  { rating: 5, text: "Коврик мягкий, быстро сохнет.", hoursAgo: 260, status: "PROCESSED" },
  { rating: 3, text: "Халат великоват, рукава длинные.", hoursAgo: 320, status: "PROCESSED", comments: [{ by: "seller", text: "Здравствуйте! Таблица размеров в карточке: для 44–46 советуем S.", afterHours: 4, publication: "MODERATION" }] },
  { rating: 1, text: "Заказ отменили, а отзыв оставить можно. Странно.", hoursAgo: 380, status: "PROCESSED", cancelled: true, comments: [{ by: "seller", text: "Здравствуйте! Звоните, пишите — всё решим, наш номер на сайте.", afterHours: 4, publication: "REJECTED", reason: "Контакты в тексте комментария" }] },
  { rating: 5, text: "Доска бамбуковая, не пахнет, толстая.", hoursAgo: 450, status: "NEW", photos: 1 },
  { rating: 4, text: "Комплект хороший, наволочки 70×70 — хотелось бы 50×70.", hoursAgo: 520, status: "VIEWED" },
];

/** `count` items: the specs as they are, then repeats spread evenly back to 90 days ago (older than every spec). */
function scaled<T extends { hoursAgo: number }>(specs: readonly T[], count: number | undefined): T[] {
  if (count === undefined) return [...specs];
  const oldest = Math.max(...specs.map((x) => x.hoursAgo));
  const extra = Math.max(0, count - specs.length);
  const step = (90 * 24 - oldest) / Math.max(1, extra + 1);
  const out = specs.slice(0, count);
  for (let k = 0; k < extra; k++) out.push({ ...specs[k % specs.length]!, hoursAgo: oldest + (k + 1) * step });
  return out;
}

function photoUrl(rng: Prng, reviewIndex: number, n: number): string {
  return `https://cdn1.ozone.example/s3/rp-photo-${reviewIndex + 1}/${n + 1}-${rng.hex(8)}.jpg`;
}

/**
 * Fills a seller's questions and reviews. `companyName` is the author shown under the seller's answers [inf: Ozon
 * shows the shop's name]. With `reviewManagement`, the seller has the reviews subscription.
 */
export function seedFeedback(
  feedback: SellerFeedback,
  opts: {
    seed: number;
    seededAt: number;
    companyName: string;
    catalog: readonly CatalogProduct[];
    reviewManagement: boolean;
    /** A part of the hand-made lists (a small shop). */
    share?: number;
    /** Big shops for benchmarks: this many questions / reviews, the hand-made ones first, then repeats going back 90 days. */
    questions?: number;
    reviews?: number;
  },
): void {
  const rng = new Prng(opts.seed * 104_729 + 3);
  feedback.reviewManagement = opts.reviewManagement;
  // Before the oldest seeded item (90 days), like the chats' anchor: ids then depend on the seed only.
  feedback.anchor = opts.seededAt - 400 * DAY;
  feedback.products = opts.catalog.map((p) => ({ ...p, images: [...p.images] }));
  const share = opts.share ?? 1;
  const questions = scaled(QUESTIONS.slice(0, Math.max(1, Math.round(QUESTIONS.length * share))), opts.questions);
  const reviews = scaled(REVIEWS.slice(0, Math.max(1, Math.round(REVIEWS.length * share))), opts.reviews);
  const skuFor = (i: number) => opts.catalog[(i * 7 + rng.int(0, 2)) % opts.catalog.length]!.sku;

  // Oldest first, so that appending keeps the lists sorted by id.
  const qOrder = questions.map((spec, i) => ({ spec, i })).sort((a, b) => b.spec.hoursAgo - a.spec.hoursAgo);
  for (const { spec, i } of qOrder) {
    const publishedAt = opts.seededAt - spec.hoursAgo * HOUR;
    const q: Question = {
      id: feedbackId(feedback, publishedAt),
      sku: skuFor(i),
      text: spec.text,
      authorName: rng.pick(BUYER_NAMES),
      publishedAt,
      status: spec.status,
      qid: 290_000_000 + rng.int(100_000, 999_999),
      answers: [],
    };
    for (const a of spec.answers ?? []) {
      // Answers may be newer than later questions: their ids are made from a time, not kept in one list.
      const at = Math.min(opts.seededAt - 60_000, publishedAt + a.afterHours * HOUR);
      q.answers.push({
        id: feedbackId(feedback, at),
        questionId: q.id,
        sku: q.sku,
        text: a.text,
        authorName: a.by === "seller" ? opts.companyName : rng.pick(BUYER_NAMES),
        publishedAt: at,
        bySeller: a.by === "seller",
        publication: a.publication ?? "PUBLISHED",
      });
    }
    q.answers.sort((x, y) => (x.id < y.id ? -1 : 1));
    appendSorted(feedback.questions, q);
  }

  const rOrder = reviews.map((spec, i) => ({ spec, i })).sort((a, b) => b.spec.hoursAgo - a.spec.hoursAgo);
  for (const { spec, i } of rOrder) {
    const publishedAt = opts.seededAt - spec.hoursAgo * HOUR;
    const r: Review = {
      id: feedbackId(feedback, publishedAt),
      sku: skuFor(i + 3),
      text: spec.text,
      rating: spec.rating,
      publishedAt,
      status: spec.status,
      orderStatus: spec.cancelled ? "CANCELLED" : "DELIVERED",
      isRatingParticipant: !spec.cancelled,
      photos: Array.from({ length: spec.photos ?? 0 }, (_, n) => ({ url: photoUrl(rng, i, n), width: 1200, height: 1600 })),
      videos: [],
      likes: rng.int(0, 12),
      dislikes: rng.int(0, 3),
      comments: [],
    };
    for (const c of spec.comments ?? []) {
      const at = Math.min(opts.seededAt - 60_000, publishedAt + c.afterHours * HOUR);
      r.comments.push({
        id: feedbackId(feedback, at),
        text: c.text,
        parentCommentId: c.replyTo === undefined ? null : r.comments[c.replyTo]!.id,
        publishedAt: at,
        isOwner: c.by === "seller",
        isOfficial: c.by === "ozon",
        publication: c.publication ?? "PUBLISHED",
        deviationReason: c.reason ?? "",
        likes: rng.int(0, 4),
        dislikes: 0,
      });
    }
    r.comments.sort((x, y) => (x.id < y.id ? -1 : 1));
    appendSorted(feedback.reviews, r);
  }
}

/** Product cards of the catalog: a product_id and images for each SKU [inf: the CDN host is not Ozon's]. */
export function catalogProducts(catalog: readonly { sku: number; offer_id: string; name: string; price: string }[]): CatalogProduct[] {
  return catalog.map((p, i) => ({
    product_id: 880_000_000 + i * 1_013,
    sku: p.sku,
    offer_id: p.offer_id,
    name: p.name,
    price: p.price,
    images: [`https://cdn1.ozone.example/s3/multimedia/${p.sku}-1.jpg`, `https://cdn1.ozone.example/s3/multimedia/${p.sku}-2.jpg`],
  }));
}
