"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { formatDate } from "@/components/i18n/format";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { classifySearchQuery } from "@/lib/search/classify-search-query";
import type { SearchResult } from "@/lib/search/search-chats";
import { HighlightedSnippet } from "./highlighted-snippet";
import { searchMessages } from "./messages";
import { searchResultHref } from "./search-href";
import { useSearch, useSearchOwners, useWorkableAccounts, type SearchFilters } from "./use-search";

type Item = { key: string; href: string; result: SearchResult | null; label: string };

const NO_FILTERS: SearchFilters = { accountId: "", kind: "", status: "", owner: "", from: "", to: "" };
const field = "rounded-md border border-slate-400 bg-white px-2 py-1 text-sm";

/** The search dialog the command palette opens (loaded after the page's first paint: see ./command-palette.tsx). */
export function PaletteDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages(searchMessages);
  const locale = useLocale();
  const router = useRouter();
  const ids = { title: useId(), input: useId(), list: useId(), help: useId() };
  const [query, setQuery] = useState("");
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const [active, setActive] = useState(0);
  const search = useSearch(query, filters);
  const accounts = useWorkableAccounts(true);
  const owners = useSearchOwners(filters.accountId ? [filters.accountId] : (accounts.data?.accounts.map((account) => account.id) ?? []));

  const results = search.data?.pages.flatMap((page) => page.results) ?? [];
  const number = classifySearchQuery(query);
  const orderItems: Item[] =
    number.kind === "posting" || number.kind === "order"
      ? [
          {
            key: `order-${number.value}`,
            href: `/orders/${encodeURIComponent(number.value)}${results[0] ? `?account=${encodeURIComponent(results[0].accountId)}` : ""}`,
            result: null,
            label: t.openOrder(number.value),
          },
        ]
      : [];
  const items: Item[] = [...orderItems, ...results.map((result) => ({ key: result.chat.id, href: searchResultHref(result), result, label: "" }))];
  const current = Math.min(active, Math.max(0, items.length - 1));

  function go(item: Item | undefined) {
    if (!item) return;
    onClose();
    router.push(item.href);
  }

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-2 sm:p-8" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            onClose();
          }
        }}
        className="flex max-h-[90vh] w-full max-w-2xl flex-col rounded-lg bg-white shadow-xl"
      >
        <div className="flex items-center gap-2 border-b border-slate-200 p-3">
          <h2 id={ids.title} className="sr-only">
            {t.dialog}
          </h2>
          <label htmlFor={ids.input} className="sr-only">
            {t.query}
          </label>
          <input
            id={ids.input}
            autoFocus
            type="search"
            role="combobox"
            aria-expanded={items.length > 0}
            aria-controls={ids.list}
            aria-autocomplete="list"
            aria-activedescendant={items[current] ? `${ids.list}-${current}` : undefined}
            aria-describedby={ids.help}
            placeholder={t.placeholder}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                setActive(Math.min(current + 1, items.length - 1));
              } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive(Math.max(current - 1, 0));
              } else if (event.key === "Enter") {
                event.preventDefault();
                go(items[current]);
              }
            }}
            className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-700"
          />
          <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100">
            {t.close}
          </button>
        </div>
        <fieldset className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 text-sm">
          <legend className="sr-only">{t.filters}</legend>
          <select aria-label={t.account} value={filters.accountId} onChange={(e) => setFilters({ ...filters, accountId: e.target.value })} className={field}>
            <option value="">{t.allAccounts}</option>
            {accounts.data?.accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
          <select aria-label={t.kind} value={filters.kind} onChange={(e) => setFilters({ ...filters, kind: e.target.value })} className={field}>
            <option value="">{t.anyKind}</option>
            <option value="buyer">{t.buyers}</option>
            <option value="support">{t.support}</option>
            <option value="question">{t.questions}</option>
            <option value="review">{t.reviews}</option>
          </select>
          <select aria-label={t.status} value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value })} className={field}>
            <option value="">{t.anyStatus}</option>
            <option value="OPENED">{t.opened}</option>
            <option value="CLOSED">{t.closed}</option>
          </select>
          <select aria-label={t.owner} value={filters.owner} onChange={(e) => setFilters({ ...filters, owner: e.target.value })} className={field}>
            <option value="">{t.anyOwner}</option>
            <option value="me">{t.mine}</option>
            <option value="unassigned">{t.unassigned}</option>
            {owners.length > 0 && (
              <optgroup label={t.agents}>
                {owners.map((owner) => (
                  <option key={owner.id} value={owner.id}>
                    {owner.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          <label className="flex items-center gap-1">
            {t.from}
            <input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} className={field} />
          </label>
          <label className="flex items-center gap-1">
            {t.to}
            <input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} className={field} />
          </label>
        </fieldset>
        <p id={ids.help} className="px-3 pt-2 text-xs text-slate-700">
          {t.typeToSearch}
        </p>
        {/* Focusable: a keyboard user can scroll a long list of results. */}
        <div tabIndex={0} role="region" aria-label={t.results} className="min-h-0 flex-1 overflow-y-auto p-2 focus-visible:outline-2 focus-visible:outline-blue-700">
          {search.isError ? (
            <p role="alert" className="p-2 text-sm text-red-900">
              {describeApiError(locale, search.error)}
            </p>
          ) : search.isFetching && items.length === 0 ? (
            <p role="status" className="p-2 text-sm text-slate-700">
              {t.searching}
            </p>
          ) : search.data && items.length === 0 ? (
            <p role="status" className="p-2 text-sm text-slate-700">
              {t.nothing}
            </p>
          ) : null}
          <ul id={ids.list} role="listbox" aria-label={t.results} className="space-y-1">
            {items.map((item, index) => (
              <li
                key={item.key}
                id={`${ids.list}-${index}`}
                role="option"
                aria-selected={index === current}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(item)}
                onMouseEnter={() => setActive(index)}
                className={`cursor-pointer rounded-md px-3 py-2 ${index === current ? "bg-blue-50 ring-1 ring-blue-300" : "hover:bg-slate-50"}`}
              >
                {item.result ? <ResultLine result={item.result} locale={locale} /> : <span className="font-medium text-blue-800">{item.label}</span>}
              </li>
            ))}
          </ul>
          {search.hasNextPage && (
            <button
              type="button"
              onClick={() => void search.fetchNextPage()}
              disabled={search.isFetchingNextPage}
              className="mt-2 rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
            >
              {t.more}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function ResultLine({ result, locale }: { result: SearchResult; locale: ReturnType<typeof useLocale> }) {
  const t = useMessages(searchMessages);
  const number = result.chat.postingNumber ?? result.chat.orderNumber;
  const title = number ? t.chatWithOrder(number) : result.chat.isBuyerChat ? t.chat : t.supportChat;
  return (
    <div className="min-w-0">
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-xs text-slate-700">{result.accountName}</span>
        {result.message && <time className="text-xs text-slate-700" dateTime={result.message.createdAt}>{formatDate(locale, result.message.createdAt)}</time>}
      </p>
      <p className="line-clamp-2 break-words text-sm text-slate-800" data-testid="search-snippet">
        {result.message ? <HighlightedSnippet parts={result.message.snippet} /> : t.matchedNumber}
      </p>
    </div>
  );
}
