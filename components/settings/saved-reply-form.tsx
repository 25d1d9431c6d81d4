"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useMessages } from "@/components/i18n/locale-provider";
import { FilledReplyText } from "@/components/replies/filled-reply-text";
import { MESSAGE_TEXT_MAX_CHARS } from "@/lib/ozon/validate-message-text";
import { fillReplyVariables } from "@/lib/replies/fill-reply-variables";
import { REPLY_VARIABLES, type ReplyVariableValues } from "@/lib/replies/reply-variables";
import { SAVED_REPLY_MAX_CHARS, checkSavedReplyText } from "@/lib/replies/saved-reply-limits";
import { settingsMessages } from "./messages";
import { buttonClass, inputClass, primaryButtonClass } from "./styles";
import { TextField } from "./text-field";
import type { SavedReplyDraft } from "./use-saved-replies";

const TITLE_MAX = 100;
const SHORTCUT = /^[\p{L}\p{N}_-]{1,32}$/u;

type Problems = Partial<Record<"title" | "shortcut" | "text", string>>;

/**
 * Adding or changing a saved reply: title, shortcut, who uses it (the team's scope only when the server says this
 * user may write it), the account, the text with buttons that insert the composer's variables, and a live preview
 * filled with example values where a variable without a value is marked, with its count once filled: a chat's 1000 or,
 * past it, an answer's 3000 (a reply too long for a chat still serves questions and reviews).
 */
export function SavedReplyForm({
  heading,
  level,
  initial,
  accounts,
  mayWriteTeam,
  agentName,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  heading: string;
  /** The heading's level where the form stands (its preview's is one below). */
  level: 2 | 3;
  initial: SavedReplyDraft;
  accounts: { id: string; name: string }[];
  mayWriteTeam: boolean;
  agentName: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (draft: SavedReplyDraft) => void;
  onCancel: () => void;
}) {
  const t = useMessages(settingsMessages);
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const titleRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const [today] = useState(() => new Intl.DateTimeFormat("ru-RU", { day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date()));
  const examples: ReplyVariableValues = {
    buyer: null,
    order_number: "12345678-0001",
    posting_number: "12345678-0001-1",
    product: t.exampleProduct,
    delivery_date: today,
    agent: agentName,
  };
  const filled = fillReplyVariables(draft.text.trim(), examples, SAVED_REPLY_MAX_CHARS);

  function set<K extends keyof SavedReplyDraft>(key: K, value: SavedReplyDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    // A field's complaint goes once it is edited; the next Save checks again.
    setProblems((current) => (key in current ? { ...current, [key]: undefined } : current));
  }

  function insertVariable(name: string) {
    const element = textRef.current;
    const start = element?.selectionStart ?? draft.text.length;
    const end = element?.selectionEnd ?? draft.text.length;
    const token = `{${name}}`;
    set("text", draft.text.slice(0, start) + token + draft.text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  function check(): Problems {
    const found: Problems = {};
    const title = draft.title.trim();
    if (!title) found.title = t.required(t.replyTitle);
    else if (title.length > TITLE_MAX) found.title = t.maxLength(t.replyTitle, TITLE_MAX);
    if (!SHORTCUT.test(draft.shortcut.trim())) found.shortcut = draft.shortcut.trim() ? t.shortcutInvalid : t.required(t.shortcut);
    const text = draft.text.trim();
    const tooLong = checkSavedReplyText(text);
    if (!text) found.text = t.required(t.replyText);
    else if (tooLong?.problem === "raw_too_long") found.text = t.maxLength(t.replyText, tooLong.max);
    else if (tooLong) found.text = t.fixedTooLong(tooLong.length, tooLong.max);
    return found;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    setProblems(found);
    const first = (["title", "shortcut", "text"] as const).find((key) => found[key]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    onSubmit({ ...draft, scope: mayWriteTeam ? draft.scope : "mine" });
  }

  const Heading = level === 2 ? "h2" : "h3";
  const SubHeading = level === 2 ? "h3" : "h4";
  const textHint = `${id}-text-hint`;
  const textCount = `${id}-text-count`;
  const textError = `${id}-text-error`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} className="space-y-4">
      <Heading id={`${id}-heading`} className="text-base font-semibold">
        {heading}
      </Heading>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          ref={titleRef}
          id={`${id}-title`}
          label={t.replyTitle}
          value={draft.title}
          maxLength={TITLE_MAX}
          required
          error={problems.title}
          onChange={(event) => set("title", event.target.value)}
        />
        <TextField
          id={`${id}-shortcut`}
          label={t.shortcut}
          value={draft.shortcut}
          required
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          hint={t.shortcutHint}
          error={problems.shortcut}
          onChange={(event) => set("shortcut", event.target.value)}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {mayWriteTeam ? (
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t.whoUses}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-1">
              {(["team", "mine"] as const).map((scope) => (
                <label key={scope} className="inline-flex min-h-11 items-center gap-2 text-sm md:min-h-0">
                  <input type="radio" name={`${id}-scope`} className="size-4 accent-blue-700" checked={draft.scope === scope} onChange={() => set("scope", scope)} />
                  {scope === "team" ? t.scopeTeam : t.scopeMine}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p className="text-sm text-slate-700">{t.mineOnly}</p>
        )}
        <div className="space-y-1">
          <label htmlFor={`${id}-account`} className="block text-sm font-medium text-slate-700">
            {t.replyAccount}
          </label>
          <select id={`${id}-account`} className={inputClass} value={draft.accountId ?? ""} onChange={(event) => set("accountId", event.target.value || null)}>
            <option value="">{t.everyAccount}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-700">
          {t.replyText}
        </label>
        <p id={textHint} className="text-xs text-slate-600">
          {t.replyTextHint}
        </p>
        <div role="group" aria-label={t.insertVariable} className="flex flex-wrap gap-1">
          {REPLY_VARIABLES.map((name) => (
            <button
              key={name}
              type="button"
              className={`${buttonClass} font-mono text-xs`}
              aria-label={t.insertNamed(name, t.variableMeaning(name))}
              title={t.variableMeaning(name)}
              onClick={() => insertVariable(name)}
            >
              {`{${name}}`}
            </button>
          ))}
        </div>
        <textarea
          ref={textRef}
          id={`${id}-text`}
          rows={5}
          required
          className={`${inputClass} font-[inherit]`}
          value={draft.text}
          aria-invalid={problems.text ? true : undefined}
          aria-describedby={[textHint, textCount, problems.text ? textError : ""].filter(Boolean).join(" ")}
          onChange={(event) => set("text", event.target.value)}
        />
        {problems.text && (
          <p id={textError} className="text-sm text-red-700">
            {problems.text}
          </p>
        )}
      </div>
      <section aria-labelledby={`${id}-preview`} className="rounded-md border border-slate-200 bg-slate-50 p-3">
        <SubHeading id={`${id}-preview`} className="text-sm font-medium text-slate-700">
          {t.preview}
        </SubHeading>
        <p className="mb-2 text-xs text-slate-600">{t.previewHint}</p>
        <p className="min-h-6 whitespace-pre-wrap break-words text-sm text-slate-900" data-testid="reply-preview">
          <FilledReplyText parts={filled.parts} missingLabel={t.noValue} />
        </p>
        <p id={textCount} className={`mt-2 text-xs ${filled.tooLong ? "font-semibold text-red-800" : "text-slate-700"}`}>
          {filled.tooLong
            ? t.filledTooLong(filled.length, SAVED_REPLY_MAX_CHARS)
            : filled.length > MESSAGE_TEXT_MAX_CHARS
              ? t.filledAnswersOnly(filled.length, MESSAGE_TEXT_MAX_CHARS, SAVED_REPLY_MAX_CHARS)
              : t.filledLength(filled.length, MESSAGE_TEXT_MAX_CHARS)}
        </p>
      </section>
      <div role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButtonClass}>
          {submitLabel}
        </button>
        <button type="button" className={buttonClass} onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
