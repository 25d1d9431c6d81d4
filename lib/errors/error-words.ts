import type { Locale } from "@/lib/i18n/locales";

/** Why a chat takes no message now: the reply window's reasons (lib/reply-window) and Ozon's refusals of a start. */
export type WindowClosedReason =
  | "chat_closed"
  | "ozon_refused"
  | "read_only_chat"
  | "not_paid"
  | "fbo_window_passed"
  | "fbs_window_passed"
  | "buyer_must_start";

export type PolicyFlagCode = "phone" | "email" | "external_link" | "messenger" | "cancel_request";

export type MessageTextProblem = "missing" | "empty" | "blank" | "too_long";
export type ChatFileProblem = "no_name" | "type" | "not_base64" | "missing" | "empty" | "too_large";

/** What an Ozon refusal carries beside its code: Ozon's own words (redacted by lib/ozon), when it gave any. */
type FromOzon = { ozonMessage?: string | null };

/**
 * Every error the application answers with, and the values its words need. One meaning per code: the browser words
 * a refusal from its code alone, and an API client can act on it without reading the message.
 */
export type AppErrorParams = {
  // The request itself.
  invalid_input: { field?: string; problem: string };
  body_missing: Record<string, never>;
  body_not_json: Record<string, never>;
  unsupported_media_type: Record<string, never>;
  payload_too_large: { limit: string };
  cursor_invalid: Record<string, never>;
  date_invalid: { field: string };
  // Who asks.
  unauthenticated: Record<string, never>;
  cross_site_refused: Record<string, never>;
  admin_only: Record<string, never>;
  user_deactivated: Record<string, never>;
  sign_in_rate_limited: { scope: "email" | "address"; minutes: number; retryAfterSeconds: number };
  setup_done: Record<string, never>;
  // Users.
  user_not_found: Record<string, never>;
  user_email_taken: { email: string };
  last_admin: { name: string };
  accounts_missing: Record<string, never>;
  // Seller accounts.
  account_not_found: Record<string, never>;
  account_already_connected: { clientId: string };
  client_id_not_a_number: Record<string, never>;
  account_key_unreadable: Record<string, never>;
  account_key_rejected: Record<string, never>;
  account_premium_required: { subscription: string | null };
  // Chats and sending.
  chat_not_found: Record<string, never>;
  message_not_found: Record<string, never>;
  outbox_message_not_found: Record<string, never>;
  client_id_reused: Record<string, never>;
  window_closed: { reason: WindowClosedReason };
  message_text_invalid: { problem: MessageTextProblem; length: number; max: number };
  chat_file_invalid: { problem: ChatFileProblem; extensions: string[]; sizeMiB?: string };
  variables_unfilled: { names: string[] };
  policy_flagged: { flags: { code: PolicyFlagCode; match: string }[] };
  // Answers to product questions and comments on reviews (lib/feedback): 2..3000 characters.
  answer_text_invalid: { problem: "missing" | "blank" | "too_short" | "too_long"; length: number; min: number; max: number };
  answer_not_ours: Record<string, never>;
  // The team's work on chats.
  chat_owned_by_other: Record<string, never>;
  assignee_invalid: Record<string, never>;
  chat_owner_changed: Record<string, never>;
  snooze_end_missing: Record<string, never>;
  snooze_in_past: Record<string, never>;
  snooze_too_long: Record<string, never>;
  snooze_end_unexpected: Record<string, never>;
  // Saved replies.
  saved_reply_not_found: Record<string, never>;
  team_replies_admin_only: Record<string, never>;
  import_too_many: { max: number };
  import_row_invalid: { row: number; field: string; problem: string };
  import_not_json: Record<string, never>;
  import_not_a_list: Record<string, never>;
  import_csv_header: { columns: string[] };
  // Ozon's answers.
  ozon_rejected_input: FromOzon;
  ozon_not_found: FromOzon & { what: "chat" | "posting" | "other" };
  rate_limited: FromOzon & { retryAfterSeconds: number };
  ozon_bad_credentials: FromOzon & { deactivated: boolean };
  ozon_premium_required: FromOzon;
  ozon_reviews_subscription_required: FromOzon;
  ozon_access_denied: FromOzon;
  ozon_unavailable: FromOzon;
  outcome_unknown: FromOzon;
  // Ours.
  internal: Record<string, never>;
};

export type AppErrorCode = keyof AppErrorParams;

/** Codes only the browser gives (components/fetch-json.ts): no answer came from the server. */
export type BrowserErrorCode = "network";

type Words = { [Code in AppErrorCode]: (params: AppErrorParams[Code]) => string } & { [Code in BrowserErrorCode]: () => string };

const REASON_EN: Record<PolicyFlagCode, string> = {
  phone: "a phone number",
  email: "an e-mail address",
  external_link: "a link outside Ozon",
  messenger: "a messenger contact",
  cancel_request: "asks the buyer to cancel the order",
};

const REASON_RU: Record<PolicyFlagCode, string> = {
  phone: "номер телефона",
  email: "адрес электронной почты",
  external_link: "ссылка не на Ozon",
  messenger: "контакт в мессенджере",
  cancel_request: "просьба к покупателю отменить заказ",
};

const WINDOW_EN: Record<WindowClosedReason, string> = {
  chat_closed: "Ozon has closed this chat: no more messages can be sent to it.",
  ozon_refused: "Ozon no longer accepts messages in this chat: the reply period is over. It reopens when the buyer writes again.",
  read_only_chat: "This is an Ozon notification chat: nobody can answer in it.",
  not_paid: "The order is not paid yet: Ozon accepts messages once it is paid, or within 48 hours of the buyer's message.",
  fbo_window_passed: "More than 48 hours have passed since the buyer's last message (FBO order): Ozon accepts messages again when the buyer writes.",
  fbs_window_passed:
    "More than 72 hours have passed since delivery and 48 hours since the buyer's last message: Ozon accepts messages again when the buyer writes.",
  buyer_must_start: "Only the buyer can start a chat for an FBO posting; wait for the buyer to write.",
};

const WINDOW_RU: Record<WindowClosedReason, string> = {
  chat_closed: "Ozon закрыл этот чат: писать в него больше нельзя.",
  ozon_refused: "Ozon больше не принимает сообщения в этом чате: срок для ответа прошёл. Написать можно будет, когда покупатель напишет снова.",
  read_only_chat: "Это чат уведомлений Ozon: в нём никто не может отвечать.",
  not_paid: "Заказ ещё не оплачен: Ozon примет сообщение после оплаты или в течение 48 часов после сообщения покупателя.",
  fbo_window_passed: "С последнего сообщения покупателя прошло больше 48 часов (заказ FBO): написать можно будет, когда покупатель напишет снова.",
  fbs_window_passed:
    "С доставки прошло больше 72 часов, а с последнего сообщения покупателя — больше 48: написать можно будет, когда покупатель напишет снова.",
  buyer_must_start: "Чат по отправлению FBO может начать только покупатель: дождитесь его сообщения.",
};

const TEXT_EN: Record<MessageTextProblem, (p: AppErrorParams["message_text_invalid"]) => string> = {
  missing: () => "The message text is missing.",
  empty: (p) => `The message is empty; write 1 to ${p.max} characters.`,
  blank: () => "The message contains only spaces or line breaks; write some text.",
  too_long: (p) => `The message is too long: ${p.length} characters, Ozon allows at most ${p.max}.`,
};

const TEXT_RU: Record<MessageTextProblem, (p: AppErrorParams["message_text_invalid"]) => string> = {
  missing: () => "Нет текста сообщения.",
  empty: (p) => `Сообщение пустое: напишите от 1 до ${p.max} символов.`,
  blank: () => "В сообщении только пробелы или переносы строк: напишите текст.",
  too_long: (p) => `Сообщение слишком длинное: ${p.length} символов, Ozon допускает не больше ${p.max}.`,
};

const FILE_EN: Record<ChatFileProblem, (p: AppErrorParams["chat_file_invalid"]) => string> = {
  no_name: () => "The file has no name.",
  type: (p) => `This file type cannot be sent to an Ozon chat; allowed: ${p.extensions.join(", ")}.`,
  not_base64: () => "The file content is not valid base64.",
  missing: () => "The file content is missing.",
  empty: () => "The file is empty.",
  too_large: (p) => `The file is too large: at most 10 MiB can be sent (this one is ${p.sizeMiB ?? "larger"} MiB).`,
};

const FILE_RU: Record<ChatFileProblem, (p: AppErrorParams["chat_file_invalid"]) => string> = {
  no_name: () => "У файла нет имени.",
  type: (p) => `Файл такого типа нельзя отправить в чат Ozon; можно: ${p.extensions.join(", ")}.`,
  not_base64: () => "Содержимое файла — не корректный base64.",
  missing: () => "Нет содержимого файла.",
  empty: () => "Файл пустой.",
  too_large: (p) => `Файл слишком большой: можно отправить не больше 10 МиБ (этот — ${p.sizeMiB ?? "больше"} МиБ).`,
};

const ozonSaid = (p: FromOzon) => (p.ozonMessage ? ` (Ozon: "${p.ozonMessage}")` : "");
const ozonSaidRu = (p: FromOzon) => (p.ozonMessage ? ` (Ozon: «${p.ozonMessage}»)` : "");

function minutesEn(count: number): string {
  return `${count} minute${count === 1 ? "" : "s"}`;
}

function secondsEn(count: number): string {
  return `${count} second${count === 1 ? "" : "s"}`;
}

function pluralRu(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return `${count} ${one}`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${count} ${few}`;
  return `${count} ${many}`;
}

function subscriptionEn(type: string | null): string {
  return type === null || type === "UNKNOWN" || type === "" ? "no premium subscription" : `the ${type.replace(/_/g, " ").toLowerCase()} subscription`;
}

/**
 * The words for every code, in every language of the UI: the server answers with the English (`message`), the
 * browser shows the page's language from the code and its parameters. Imports nothing of the server, so the browser
 * bundle takes it as it is.
 */
export const errorWords: Record<Locale, Words> = {
  en: {
    invalid_input: (p) => (p.field ? `Invalid ${p.field}: ${p.problem}.` : `Invalid request: ${p.problem}.`),
    body_missing: () => "The request has no body: send the details as JSON.",
    body_not_json: () => "The request body is not valid JSON.",
    unsupported_media_type: () => "The request must be sent as JSON (Content-Type: application/json).",
    payload_too_large: (p) => `The request is too large: at most ${p.limit} is accepted.`,
    cursor_invalid: () => "The list position (cursor) is not valid; reload the list and try again.",
    date_invalid: (p) => `Invalid ${p.field}: not a date.`,
    unauthenticated: () => "You are not signed in, or your session has ended. Sign in again.",
    cross_site_refused: () => "This request came from another site and was refused. Use Seller Inbox itself.",
    admin_only: () => "Only an administrator can do this.",
    user_deactivated: () => "This user has been deactivated. Ask your administrator to reactivate it.",
    sign_in_rate_limited: (p) =>
      `Too many failed sign-in attempts ${p.scope === "email" ? "for this email" : "from this network address"}. Try again in ${minutesEn(p.minutes)}.`,
    setup_done: () => "Setup is already done. Sign in instead.",
    user_not_found: () => "This user does not exist.",
    user_email_taken: (p) => `A user with the email ${p.email} already exists.`,
    last_admin: (p) => `${p.name} is the last active administrator. Make another user an administrator first.`,
    accounts_missing: () => "Invalid accountIds: one of the seller accounts does not exist (it may have been removed). Reload and try again.",
    account_not_found: () => "This seller account does not exist or you do not have access to it.",
    account_already_connected: (p) => `The Ozon seller account with Client-Id ${p.clientId} is already connected.`,
    client_id_not_a_number: () => "Client-Id must be a number: Ozon's Client-Id is a positive whole number (Settings → API keys in the seller portal).",
    account_key_unreadable: () =>
      "The stored Api-Key of this seller account cannot be read (the server's ENCRYPTION_KEY may have changed). An administrator must enter the key again.",
    account_key_rejected: () =>
      "Ozon did not accept this Client-Id and Api-Key. Copy both again from the Ozon seller portal (Settings → API keys): the key may be mistyped, deactivated or expired.",
    account_premium_required: (p) =>
      `This Ozon seller account has ${subscriptionEn(p.subscription)}. Ozon opens its chat methods only with Premium Plus or Premium Pro: subscribe in the Ozon seller portal, then connect the account again.`,
    chat_not_found: () => "This chat was not found in this seller account.",
    message_not_found: () => "This message was not found in this chat.",
    outbox_message_not_found: () => "This message was not found in this chat's outbox.",
    client_id_reused: () => "This clientId was already used for a different message; use a new one.",
    window_closed: (p) => WINDOW_EN[p.reason] ?? WINDOW_EN.ozon_refused,
    message_text_invalid: (p) => TEXT_EN[p.problem](p),
    answer_text_invalid: (p) =>
      p.problem === "too_long"
        ? `The answer is too long: ${p.length} characters, Ozon allows at most ${p.max}.`
        : p.problem === "too_short"
          ? `The answer is too short: Ozon needs at least ${p.min} characters.`
          : `Write the answer: ${p.min} to ${p.max} characters.`,
    answer_not_ours: () => "Only our own answers and comments can be deleted.",
    chat_file_invalid: (p) => FILE_EN[p.problem](p),
    variables_unfilled: (p) => `Fill in ${p.names.map((name) => `{${name}}`).join(", ")} before sending.`,
    policy_flagged: (p) =>
      `This text may break Ozon's chat rules: ${p.flags.map((flag) => `${REASON_EN[flag.code]} (${flag.match})`).join("; ")}. Send it only after confirming.`,
    chat_owned_by_other: () => "This chat belongs to another agent: only its owner or an administrator can reassign it.",
    assignee_invalid: () => "This agent does not exist, is deactivated or does not work this seller account.",
    chat_owner_changed: () => "Someone changed this chat's owner meanwhile. Look again and retry.",
    snooze_end_missing: () => "A snooze needs the time it ends (snoozedUntil).",
    snooze_in_past: () => "A snooze must end in the future.",
    snooze_too_long: () => "A snooze can last at most a month.",
    snooze_end_unexpected: () => "Only a snooze has an end time (snoozedUntil).",
    saved_reply_not_found: () => "This saved reply does not exist or is not yours.",
    team_replies_admin_only: () => "Only an administrator can add or change the team's saved replies.",
    import_too_many: (p) => `At most ${p.max} replies can be imported at once.`,
    import_row_invalid: (p) => `Reply ${p.row}: ${p.field}: ${p.problem}.`,
    import_not_json: () => "The file is not valid JSON.",
    import_not_a_list: () => "The JSON must be a list of replies (or { replies: [...] }).",
    import_csv_header: (p) => `The CSV needs a header row with the columns ${p.columns.join(", ")} (title, shortcut and text required).`,
    ozon_rejected_input: (p) => `Ozon rejected the request as invalid${p.ozonMessage ? `: ${p.ozonMessage}` : ""}.`,
    ozon_not_found: (p) =>
      `${p.what === "chat" ? "Ozon could not find this chat." : p.what === "posting" ? "Ozon could not find this posting." : "Ozon could not find what was asked for."}${ozonSaid(p)}`,
    rate_limited: (p) => `Too many requests to Ozon for this account; try again in ${secondsEn(p.retryAfterSeconds)}.${ozonSaid(p)}`,
    ozon_bad_credentials: (p) =>
      p.deactivated
        ? `Ozon says this API key is deactivated. Generate a new key in the Ozon seller account and update the connection settings.${ozonSaid(p)}`
        : `Ozon rejected the Client-Id or API key. Check both in the connection settings; the key may be wrong, deactivated or expired.${ozonSaid(p)}`,
    ozon_premium_required: (p) => `This Ozon chat method needs a Premium Plus or Premium Pro subscription on the seller account.${ozonSaid(p)}`,
    ozon_reviews_subscription_required: (p) =>
      `Ozon shows and answers reviews only with the review management subscription («Управление отзывами») or Premium Pro.${ozonSaid(p)}`,
    ozon_access_denied: (p) =>
      `Ozon refused access to this method; the API key may lack the role, be restricted to other IP addresses, or the offer may not be signed.${ozonSaid(p)}`,
    ozon_unavailable: (p) => `Ozon is not answering right now; try again later.${ozonSaid(p)}`,
    outcome_unknown: () =>
      "Ozon did not confirm the request: it is not known whether Ozon applied it. Check the chat before sending again; Retry checks it first and sends again only if the message is not there.",
    internal: () => "Something went wrong on the server. Try again; if it keeps happening, tell your administrator.",
    network: () => "The server cannot be reached. Check your connection and try again.",
  },
  ru: {
    invalid_input: (p) =>
      p.field ? `Сервер не принял поле «${p.field}»: проверьте, что введено, и попробуйте снова.` : "Сервер не принял данные: проверьте, что введено, и попробуйте снова.",
    body_missing: () => "В запросе нет данных: отправьте их в формате JSON.",
    body_not_json: () => "Данные запроса — не корректный JSON.",
    unsupported_media_type: () => "Сервер принимает данные только в формате JSON (Content-Type: application/json).",
    payload_too_large: (p) => `Слишком большой запрос: принимается не больше ${p.limit}.`,
    cursor_invalid: () => "Позиция в списке устарела: обновите список и попробуйте снова.",
    date_invalid: (p) => `Поле «${p.field}» — не дата.`,
    unauthenticated: () => "Вы не вошли или сессия закончилась. Войдите снова.",
    cross_site_refused: () => "Запрос пришёл с другого сайта и отклонён. Работайте в самом Seller Inbox.",
    admin_only: () => "Это может сделать только администратор.",
    user_deactivated: () => "Этот пользователь отключён. Попросите администратора включить его снова.",
    sign_in_rate_limited: (p) =>
      `Слишком много неудачных попыток входа ${p.scope === "email" ? "для этого адреса почты" : "с этого сетевого адреса"}. Повторите через ${pluralRu(p.minutes, "минуту", "минуты", "минут")}.`,
    setup_done: () => "Настройка уже выполнена. Войдите.",
    user_not_found: () => "Такого пользователя нет.",
    user_email_taken: (p) => `Пользователь с адресом ${p.email} уже есть.`,
    last_admin: (p) => `${p.name} — последний активный администратор. Сначала назначьте администратором другого пользователя.`,
    accounts_missing: () => "Одного из аккаунтов продавца больше нет (возможно, его удалили). Обновите страницу и попробуйте снова.",
    account_not_found: () => "Такого аккаунта продавца нет или у вас нет к нему доступа.",
    account_already_connected: (p) => `Аккаунт продавца Ozon с Client-Id ${p.clientId} уже подключён.`,
    client_id_not_a_number: () => "Client-Id должен быть числом: в Ozon это целое положительное число (Настройки → API-ключи в кабинете продавца).",
    account_key_unreadable: () =>
      "Сохранённый Api-Key этого аккаунта не читается (возможно, на сервере сменили ENCRYPTION_KEY). Администратор должен ввести ключ заново.",
    account_key_rejected: () =>
      "Ozon не принял этот Client-Id и Api-Key. Скопируйте их заново в кабинете продавца Ozon (Настройки → API-ключи): ключ может быть введён с ошибкой, отключён или просрочен.",
    account_premium_required: () =>
      "Методы чатов Ozon доступны только с подпиской Premium Plus или Premium Pro: оформите её в кабинете продавца Ozon и подключите аккаунт снова.",
    chat_not_found: () => "Такого чата в этом аккаунте продавца нет.",
    message_not_found: () => "Такого сообщения в этом чате нет.",
    outbox_message_not_found: () => "Такого сообщения среди отправляемых в этом чате нет.",
    client_id_reused: () => "Этот clientId уже использован для другого сообщения; возьмите новый.",
    window_closed: (p) => WINDOW_RU[p.reason] ?? WINDOW_RU.ozon_refused,
    message_text_invalid: (p) => TEXT_RU[p.problem](p),
    answer_text_invalid: (p) =>
      p.problem === "too_long"
        ? `Ответ слишком длинный: ${p.length} симв., Ozon принимает не больше ${p.max}.`
        : p.problem === "too_short"
          ? `Ответ слишком короткий: Ozon нужно не меньше ${p.min} символов.`
          : `Напишите ответ: от ${p.min} до ${p.max} символов.`,
    answer_not_ours: () => "Удалить можно только наши собственные ответы и комментарии.",
    chat_file_invalid: (p) => FILE_RU[p.problem](p),
    variables_unfilled: (p) => `Перед отправкой заполните ${p.names.map((name) => `{${name}}`).join(", ")}.`,
    policy_flagged: (p) =>
      `Текст может нарушать правила чатов Ozon: ${p.flags.map((flag) => `${REASON_RU[flag.code]} (${flag.match})`).join("; ")}. Отправьте его, только подтвердив.`,
    chat_owned_by_other: () => "Этот чат ведёт другой сотрудник: передать его может только он или администратор.",
    assignee_invalid: () => "Такого сотрудника нет, он отключён или не работает с этим аккаунтом продавца.",
    chat_owner_changed: () => "Кто-то тем временем сменил ответственного за чат. Посмотрите ещё раз и повторите.",
    snooze_end_missing: () => "Для отложенного чата нужно время, до которого он отложен.",
    snooze_in_past: () => "Отложить чат можно только до времени в будущем.",
    snooze_too_long: () => "Отложить чат можно не больше чем на месяц.",
    snooze_end_unexpected: () => "Время окончания бывает только у отложенного чата.",
    saved_reply_not_found: () => "Такого шаблона ответа нет или он не ваш.",
    team_replies_admin_only: () => "Добавлять и менять общие шаблоны ответов может только администратор.",
    import_too_many: (p) => `За один раз можно загрузить не больше ${p.max} шаблонов.`,
    import_row_invalid: (p) => `Шаблон ${p.row}: поле «${p.field}» не принято. Проверьте его и загрузите файл снова.`,
    import_not_json: () => "Файл — не корректный JSON.",
    import_not_a_list: () => "JSON должен быть списком шаблонов (или { replies: [...] }).",
    import_csv_header: (p) => `В CSV нужна строка заголовков со столбцами ${p.columns.join(", ")} (title, shortcut и text обязательны).`,
    ozon_rejected_input: (p) => `Ozon не принял запрос${p.ozonMessage ? `: ${p.ozonMessage}` : ""}.`,
    ozon_not_found: (p) =>
      `${p.what === "chat" ? "Ozon не нашёл этот чат." : p.what === "posting" ? "Ozon не нашёл это отправление." : "Ozon не нашёл то, что запрошено."}${ozonSaidRu(p)}`,
    rate_limited: (p) =>
      `Слишком много запросов к Ozon для этого аккаунта; повторите через ${pluralRu(p.retryAfterSeconds, "секунду", "секунды", "секунд")}.`,
    ozon_bad_credentials: (p) =>
      p.deactivated
        ? "Ozon сообщает, что этот API-ключ отключён. Создайте новый ключ в кабинете продавца Ozon и обновите настройки подключения."
        : "Ozon не принял Client-Id или API-ключ этого аккаунта. Проверьте их в настройках подключения: ключ может быть неверным, отключённым или просроченным.",
    ozon_premium_required: () => "Для этого метода чатов Ozon нужна подписка Premium Plus или Premium Pro.",
    ozon_reviews_subscription_required: () => "Ozon показывает отзывы и принимает ответы на них только с подпиской «Управление отзывами» или Premium Pro.",
    ozon_access_denied: () => "Ozon отказал в доступе: у ключа нет нужной роли, он ограничен по адресам или оферта не подписана.",
    ozon_unavailable: () => "Ozon сейчас не отвечает. Повторите позже.",
    outcome_unknown: () =>
      "Ozon не подтвердил запрос: неизвестно, выполнен ли он. Нажмите «Повторить» — сначала мы проверим чат и отправим снова, только если сообщения там нет.",
    internal: () => "На сервере что-то пошло не так. Повторите; если не поможет, сообщите администратору.",
    network: () => "Сервер недоступен. Проверьте подключение и повторите.",
  },
};

/** For a code nobody wrote words for (a newer server, a broken answer). */
export const unknownErrorWords: Record<Locale, string> = {
  en: "The request did not work. Try again.",
  ru: "Не получилось. Попробуйте ещё раз.",
};
