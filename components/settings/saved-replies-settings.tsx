"use client";

import { useRef, useState } from "react";
import { useLocale } from "@/components/i18n/locale-provider";
import type { SavedReplyListResponse } from "@/components/query-cache/saved-reply-cache";
import type { SavedReplyView } from "@/lib/replies/saved-reply-view";
import { ConfirmDialog } from "./confirm-dialog";
import { describeSettingsError } from "./describe-settings-error";
import { ListLoadError } from "./list-load-error";
import { settingsMessages } from "./messages";
import { SavedReplyCard } from "./saved-reply-card";
import { SavedReplyFile } from "./saved-reply-file";
import { SavedReplyForm } from "./saved-reply-form";
import { cardClass, primaryButtonClass } from "./styles";
import { useDeleteSavedReply, useSaveSavedReply, useSavedReplies, type SavedReplyDraft } from "./use-saved-replies";

const EMPTY_DRAFT: SavedReplyDraft = { title: "", shortcut: "", text: "", scope: "mine", accountId: null };

/**
 * Settings → Saved replies, for everyone: the replies the user sees with what the server lets them do with each
 * (administrators: the team's and their own; agents: their own, the team's read only), a form to add one, delete
 * after a confirmation, and import/export as a file. Changes show at once and are put back if the server refuses.
 */
export function SavedRepliesSettings({
  initial,
  accounts,
  agentName,
}: {
  initial: SavedReplyListResponse;
  accounts: { id: string; name: string }[];
  agentName: string;
}) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const list = useSavedReplies(initial);
  const replies = list.data?.replies ?? [];
  const mayWriteTeam = list.data?.mayWriteTeam ?? false;
  const create = useSaveSavedReply();
  const remove = useDeleteSavedReply();

  const [creating, setCreating] = useState(false);
  const [newDraft, setNewDraft] = useState<SavedReplyDraft | null>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const [deleting, setDeleting] = useState<SavedReplyView | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const announce = (text: string, error = false) => setNotice({ text, error });

  function closeCreate() {
    setCreating(false);
    requestAnimationFrame(() => newButton.current?.focus());
  }

  function submitNew(draft: SavedReplyDraft) {
    setNewDraft(draft);
    setCreateError(null);
    setNotice(null);
    closeCreate();
    create.mutate(
      { id: null, draft },
      {
        onSuccess: ({ reply }) => {
          setNewDraft(null);
          announce(t.replyAdded(reply.title));
        },
        onError: (cause) => {
          setCreateError(describeSettingsError(cause, locale));
          setCreating(true);
        },
      },
    );
  }

  function confirmDelete() {
    const reply = deleting;
    if (!reply) return;
    setDeleting(null);
    setNotice(null);
    remove.mutate(reply, {
      onSuccess: () => announce(t.replyDeleted(reply.title)),
      onError: (cause) => announce(t.replyNotDeleted(reply.title, describeSettingsError(cause, locale)), true),
    });
    // The card and its Delete button are gone: the news and the focus go above the list.
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  return (
    <div className="space-y-6">
      <div className="space-y-2 text-sm text-slate-600">
        <p>{t.repliesIntro}</p>
        <p>{t.repliesRights(mayWriteTeam)}</p>
        <p ref={noticeRef} tabIndex={-1} role="status" className={`focus:outline-none ${notice?.error ? "text-red-700" : "text-green-800"}`}>
          {notice?.text}
        </p>
      </div>
      {list.isError && <ListLoadError error={list.error} onRetry={() => void list.refetch()} />}

      {creating ? (
        <div className={cardClass}>
          <SavedReplyForm
            level={2}
            heading={t.newReplyHeading}
            initial={newDraft ?? { ...EMPTY_DRAFT, scope: mayWriteTeam ? "team" : "mine" }}
            accounts={accounts}
            mayWriteTeam={mayWriteTeam}
            agentName={agentName}
            submitLabel={t.addReply}
            error={createError}
            onSubmit={submitNew}
            onCancel={() => {
              setNewDraft(null);
              setCreateError(null);
              closeCreate();
            }}
          />
        </div>
      ) : (
        <button ref={newButton} type="button" className={primaryButtonClass} onClick={() => setCreating(true)}>
          {t.newReply}
        </button>
      )}

      {replies.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-sm">{t.noReplies}</p>
      ) : (
        <ul aria-label={t.savedReplies} className="space-y-4">
          {replies.map((reply) => (
            <SavedReplyCard key={reply.id} reply={reply} accounts={accounts} mayWriteTeam={mayWriteTeam} agentName={agentName} onDelete={setDeleting} />
          ))}
        </ul>
      )}

      <SavedReplyFile />

      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t.deleteReplyTitle(deleting.title) : ""}
        body={t.deleteReplyBody}
        confirmLabel={t.deleteReplyConfirm}
        cancelLabel={t.cancel}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
