import Link from "next/link";
import { headers } from "next/headers";
import { defineMessages } from "@/lib/i18n/define-messages";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";

const notFoundMessages = defineMessages({
  en: {
    title: "Not found",
    body: "There is nothing here, or you do not have access to it.",
    back: "Back to the inbox",
  },
  ru: {
    title: "Не найдено",
    body: "Здесь ничего нет, или у вас нет к этому доступа.",
    back: "Вернуться к сообщениям",
  },
});

// Also what a user sees for a chat or order of an account they may not work: the same words as for one that
// does not exist, so nothing hints that it does.
export default async function NotFound() {
  const t = notFoundMessages[getRequestLocale(await headers())];
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p className="mt-2 text-slate-700">{t.body}</p>
      <Link href="/inbox" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-white hover:bg-slate-700">
        {t.back}
      </Link>
    </main>
  );
}
