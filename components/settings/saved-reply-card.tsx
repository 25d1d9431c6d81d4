"use client";

import { useRef, useState } from "react";
import { useLocale } from "@/components/i18n/locale-provider";
import type { SavedReplyView } from "@/lib/replies/saved-reply-view";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { SavedReplyForm } from "./saved-reply-form";
import { buttonClass, cardClass } from "./styles";
import { isStandIn, useSaveSavedReply, type SavedReplyDraft } from "./use-saved-replies";

/**
 * One saved reply in the settings list: title, shortcut, who uses it and where, how often it was used, its text;
 * Edit (in place) and Delete when the server says this user may change it, "read only" otherwise.
 */
export function SavedReplyCard({
  reply,
  accounts,
  mayWriteTeam,
  agentName,
  onDelete,
}: {
  reply: SavedReplyView;
  accounts: { id: string; name: string }[];
  mayWriteTeam: boolean;
  agentName: string;
  onDelete: (reply: SavedReplyView) => void;
}) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const save = useSaveSavedReply();
  const [editing, setEditing] = useState(false);
  // What was typed, kept while the save is out: a refusal reopens the form with it.
  const [draft, setDraft] = useState<SavedReplyDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = `reply-${reply.id}`;
  const accountName = reply.accountId ? (accounts.find((account) => account.id === reply.accountId)?.name ?? reply.accountId) : null;
  const saving = save.isPending;

  function close() {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  function submit(next: SavedReplyDraft) {
    setDraft(next);
    setError(null);
    setSuccess(null);
    close();
    save.mutate(
      { id: reply.id, draft: next },
      {
        onSuccess: () => {
          setDraft(null);
          setSuccess(t.saved);
        },
        onError: (cause) => {
          setError(describeSettingsError(cause, locale));
          setEditing(true);
        },
      },
    );
  }

  if (editing) {
    return (
      <li className={cardClass}>
        <SavedReplyForm
          level={3}
          heading={t.editReplyHeading(reply.title)}
          initial={draft ?? { title: reply.title, shortcut: reply.shortcut, text: reply.text, scope: reply.scope, accountId: reply.accountId }}
          accounts={accounts}
          mayWriteTeam={mayWriteTeam}
          agentName={agentName}
          submitLabel={t.saveReply}
          error={error}
          onSubmit={submit}
          onCancel={() => {
            setDraft(null);
            setError(null);
            close();
          }}
        />
      </li>
    );
  }

  return (
    <li aria-labelledby={headingId} className={cardClass} data-testid="saved-reply">
      <h2 id={headingId} className="mb-2 break-words text-lg font-semibold">
        {reply.title}
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">{t.shortcut}</dt>
        <dd className="break-all font-mono">/{reply.shortcut}</dd>
        <dt className="font-medium text-slate-600">{t.scopeLabel}</dt>
        <dd>{t.scopeWhere(reply.scope === "team" ? t.scopeShared : t.scopeOwn, accountName)}</dd>
        <dt className="font-medium text-slate-600">{t.usageLabel}</dt>
        <dd>{t.usage(reply.usageCount)}</dd>
      </dl>
      <p className="mt-3 line-clamp-4 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-2 text-sm text-slate-800">{reply.text}</p>
      <div className="mt-3">
        {isStandIn(reply.id) ? (
          <p className="text-sm text-slate-600">{t.replySaving}</p>
        ) : reply.mayEdit ? (
          // While a change is out the buttons stay (focus stays on Edit) but do nothing.
          <div role="group" aria-label={t.replyActions(reply.title)} className="flex flex-wrap gap-2">
            <button ref={editButton} type="button" className={buttonClass} aria-disabled={saving || undefined} onClick={() => !saving && setEditing(true)}>
              {t.edit}
            </button>
            <button type="button" className={buttonClass} aria-disabled={saving || undefined} onClick={() => !saving && onDelete(reply)}>
              {t.delete}
            </button>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t.readOnly}</p>
        )}
      </div>
      <div className="mt-2">
        <FormMessage error={error} success={saving ? t.replySaving : success} />
      </div>
    </li>
  );
}
