"use client";

import { MESSAGE_TEXT_MAX_CHARS } from "@/lib/ozon/validate-message-text";
import type { ChatReply } from "@/lib/replies/list-chat-replies";
import { fillReplyVariables } from "@/lib/replies/fill-reply-variables";
import type { ReplyVariableValues } from "@/lib/replies/reply-variables";
import { FilledReplyText } from "./filled-reply-text";
import type { RepliesStrings } from "./messages";

/**
 * The saved replies matching "/letters": each with its preview (values filled, missing ones marked) and length
 * against the limit of the box it goes into (`maxChars`). One too long for the box once filled (a 3000-character
 * answer in a chat) is shown unusable, with the reason in words; picking it inserts nothing (useReplyPicker).
 */
export function ReplyPicker({
  t,
  listId,
  loading,
  replies,
  variables,
  active,
  maxChars,
  onPick,
  onHover,
}: {
  t: RepliesStrings;
  listId: string;
  loading: boolean;
  replies: ChatReply[];
  variables: ReplyVariableValues | null;
  active: number;
  maxChars: number;
  onPick: (index: number) => void;
  onHover: (index: number) => void;
}) {
  return (
    <div className="mb-2 max-h-72 overflow-y-auto rounded-md border border-slate-300 bg-white shadow-lg" data-testid="reply-picker">
      <p className="border-b border-slate-200 px-3 py-1 text-xs text-slate-700">{t.pickerHint}</p>
      {loading ? (
        <p role="status" className="px-3 py-2 text-sm text-slate-700">
          {t.loading}
        </p>
      ) : replies.length === 0 ? (
        <p role="status" className="px-3 py-2 text-sm text-slate-700">
          {t.none}
        </p>
      ) : (
        <ul id={listId} role="listbox" aria-label={t.pickerLabel}>
          {replies.map((reply, index) => {
            const filled = fillReplyVariables(reply.text, variables ?? {}, maxChars);
            return (
              <li
                key={reply.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={filled.tooLong || undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onPick(index)}
                onMouseEnter={() => onHover(index)}
                className={`px-3 py-2 text-sm ${filled.tooLong ? "cursor-not-allowed bg-slate-50" : "cursor-pointer"} ${index === active ? "bg-blue-50 ring-1 ring-inset ring-blue-300" : "hover:bg-slate-50"}`}
              >
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">{reply.title}</span>
                  <span className="font-mono text-xs text-slate-700">/{reply.shortcut}</span>
                  <span className="text-xs text-slate-700">{reply.scope === "team" ? t.team : t.mine}</span>
                  {reply.rank > 0 && <span className="rounded bg-green-100 px-1 text-xs text-green-900">{t.suggested}</span>}
                </p>
                <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-slate-800">
                  <FilledReplyText parts={filled.parts} missingLabel={t.missingValue} />
                </p>
                <p className={`mt-1 text-xs ${filled.tooLong ? "font-semibold text-red-800" : "text-slate-700"}`}>
                  {filled.tooLong
                    ? maxChars === MESSAGE_TEXT_MAX_CHARS
                      ? t.tooLongForChat(filled.length, maxChars)
                      : t.tooLong(filled.length, maxChars)
                    : t.length(filled.length, maxChars)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
