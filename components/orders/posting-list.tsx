"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { formatDateTime } from "@/components/i18n/format";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { queryKeys } from "@/components/query-keys";
import type { ListOrderPostingsResponse } from "@/lib/chats/list-order-postings";
import type { PostingView } from "@/lib/cache/posting-view";
import { ordersMessages } from "./messages";
import { ordersHref, postingHref, postingsApiUrl } from "./order-links";
import { postingStatusWords } from "./posting-status";

/** Long enough to skip the keystrokes of a number being typed, short enough to feel immediate. */
const SEARCH_DEBOUNCE_MS = 300;

/** The account's recent postings, newest first, with a search by posting number. */
export function PostingList({ accountId }: { accountId: string }) {
  const t = useMessages(ordersMessages);
  const locale = useLocale();
  // From the URL as the browser has it: coming back from an order page restores the search (see below).
  const initialSearch = (useSearchParams().get("q") ?? "").slice(0, 64);
  const [input, setInput] = useState(initialSearch);
  const [search, setSearch] = useState(initialSearch.trim());
  const hintId = useId();

  useEffect(() => {
    const next = input.trim();
    if (next === search) return;
    const timer = setTimeout(() => setSearch(next), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input, search]);

  // The search lives in the URL too, so a reload or coming back from an order keeps it (no server round trip).
  useEffect(() => {
    const url = ordersHref(accountId, search);
    if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(window.history.state, "", url);
  }, [accountId, search]);

  const postings = useQuery({
    queryKey: queryKeys.account(accountId).postings(search),
    queryFn: () => fetchJson<ListOrderPostingsResponse>(postingsApiUrl(accountId, search)),
    // The old list stays while a search runs, so the page does not jump.
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <form
        role="search"
        aria-label={t.searchRegion}
        className="mb-4 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(input.trim());
        }}
      >
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="posting-search" className="text-sm font-medium">
            {t.searchLabel}
          </label>
          <input
            id="posting-search"
            type="search"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            aria-describedby={hintId}
            autoComplete="off"
            spellCheck={false}
            inputMode="numeric"
            maxLength={64}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 font-mono"
          />
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t.searchButton}
        </button>
        <p id={hintId} className="w-full text-sm text-slate-600">
          {t.searchHint}
        </p>
      </form>

      <section aria-label={t.postingsLabel} aria-busy={postings.isFetching}>
        <p role="status" className="mb-2 min-h-5 text-sm text-slate-700">
          {postings.isPending
            ? t.loadingPostings
            : postings.isFetching
              ? t.searching
              : postings.isSuccess
                ? t.postingsCount(postings.data.postings.length)
                : ""}
        </p>
        {postings.isPending ? (
          <PostingListSkeleton />
        ) : postings.isError ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
            <p className="font-medium">{t.loadFailed}</p>
            <p className="text-sm">{describeApiError(locale, postings.error)}</p>
            <button
              type="button"
              onClick={() => void postings.refetch()}
              className="mt-2 rounded-md bg-red-700 px-3 py-1.5 text-sm text-white hover:bg-red-800"
            >
              {t.tryAgain}
            </button>
          </div>
        ) : postings.data.postings.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">
            {search ? t.noPostingsFound(search) : t.noPostings}
          </p>
        ) : (
          <>
            <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
              {postings.data.postings.map((posting) => (
                <li key={posting.postingNumber}>
                  <PostingRow accountId={accountId} posting={posting} />
                </li>
              ))}
            </ul>
            {!postings.data.complete && !search && <p className="mt-3 text-sm text-slate-600">{t.incomplete}</p>}
          </>
        )}
      </section>
    </>
  );
}

function PostingRow({ accountId, posting }: { accountId: string; posting: PostingView }) {
  const t = useMessages(ordersMessages);
  const locale = useLocale();
  const [first, ...others] = posting.products;
  // The date the list is ordered by: payment, or creation for a posting not paid yet.
  const [dateLabel, date] = posting.dates.paidAt ? [t.datePaid, posting.dates.paidAt] : [t.dateCreated, posting.dates.createdAt];
  return (
    <Link
      href={postingHref(accountId, posting.postingNumber)}
      className="grid grid-cols-1 gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[12rem_4rem_minmax(0,1fr)_12rem]"
    >
      <span className="font-mono font-medium text-brand-700">{posting.postingNumber}</span>
      <span className="text-sm text-slate-700">{posting.scheme}</span>
      <span className="min-w-0 text-sm">
        <span className="font-medium">{postingStatusWords(posting.status, locale)}</span>
        {first && (
          <span className="block truncate text-slate-700">
            {first.name}
            {others.length > 0 && <span className="text-slate-600"> {t.moreProducts(others.length)}</span>}
          </span>
        )}
      </span>
      <span className="text-sm text-slate-600 sm:text-right">
        {date && (
          <>
            <span className="block text-xs">{dateLabel}</span>
            <time dateTime={date} className="whitespace-nowrap">
              {formatDateTime(locale, date)}
            </time>
          </>
        )}
      </span>
    </Link>
  );
}

function PostingListSkeleton() {
  return (
    <ul aria-hidden="true" className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
      {Array.from({ length: 6 }, (_, index) => (
        <li key={index} className="px-4 py-3">
          <div className="h-11 animate-pulse rounded bg-slate-100" />
        </li>
      ))}
    </ul>
  );
}
