"use client";

import { useId, useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { useMessages } from "@/components/i18n/locale-provider";
import { MESSAGE_TEXT_MAX_CHARS } from "@/lib/ozon/validate-message-text";
import { fillReplyVariables, findUnfilledVariables } from "@/lib/replies/fill-reply-variables";
import { repliesMessages } from "./messages";
import { ReplyPicker } from "./reply-picker";
import { recordReplyUse, useChatReplies } from "./use-chat-replies";

/** "/" and letters right before the caret, at the start or after a space: the saved reply being looked for. */
const SLASH = /(?:^|\s)\/([\p{L}\p{N}_-]{0,32})$/u;

/**
 * The composer's saved replies: typing "/" and a few letters opens a list (best first), ↑/↓ and Enter or Tab (or a
 * tap) replace "/letters" with the reply, its variables filled; several may go into one message; one too long for
 * the box once filled is not inserted (the list says why). Returns what the
 * composer wires in: the textarea's change and key handlers, the list to render, and why the text cannot be sent
 * while a variable without a value is still in it. `maxChars`: the box's limit (a chat message's by default; a
 * question's answer or a review's comment passes its own), which the previews count against.
 */
export function useReplyPicker({
  accountId,
  chatId,
  text,
  setText,
  textRef,
  maxChars = MESSAGE_TEXT_MAX_CHARS,
}: {
  accountId: string;
  chatId: string;
  text: string;
  setText: (text: string) => void;
  textRef: RefObject<HTMLTextAreaElement | null>;
  maxChars?: number;
}): {
  onChange: (value: string, caret: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  picker: ReactNode;
  unfilledReason: string | null;
  ariaProps: Record<string, string | boolean | undefined>;
} {
  const t = useMessages(repliesMessages);
  const listId = useId();
  const [token, setToken] = useState<{ query: string; start: number; end: number } | null>(null);
  const [used, setUsed] = useState(false);
  const [active, setActive] = useState(0);
  const data = useChatReplies(accountId, chatId, used || token !== null);

  const query = token?.query.toLowerCase() ?? "";
  const matches = token
    ? (data.data?.replies ?? []).filter((reply) => reply.shortcut.startsWith(query) || reply.title.toLowerCase().includes(query)).slice(0, 8)
    : [];
  const current = Math.min(active, Math.max(0, matches.length - 1));

  function insert(index: number) {
    const reply = matches[index];
    if (!reply || !token || !data.data) return;
    const filled = fillReplyVariables(reply.text, data.data.variables, maxChars);
    // Too long for this box once filled: the picker says why; inserting it would only leave text the box refuses.
    if (filled.tooLong) return;
    const next = text.slice(0, token.start) + filled.text + text.slice(token.end);
    setText(next);
    setToken(null);
    recordReplyUse(reply.id);
    const caret = token.start + filled.text.length;
    requestAnimationFrame(() => {
      const element = textRef.current;
      if (!element) return;
      element.focus();
      element.setSelectionRange(caret, caret);
    });
  }

  const unfilled = findUnfilledVariables(text);
  return {
    onChange(value, caret) {
      const match = SLASH.exec(value.slice(0, caret));
      if (match) {
        setUsed(true);
        setToken({ query: match[1] ?? "", start: caret - match[1]!.length - 1, end: caret });
        setActive(0);
      } else setToken(null);
    },
    onKeyDown(event) {
      if (!token) return false;
      if (event.key === "Escape") {
        event.preventDefault();
        setToken(null);
        return true;
      }
      if (matches.length === 0) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((current + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
        return true;
      }
      if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey && !event.shiftKey) || event.key === "Tab") {
        event.preventDefault();
        insert(current);
        return true;
      }
      return false;
    },
    picker: token ? (
      <ReplyPicker
        t={t}
        listId={listId}
        loading={data.isPending}
        replies={matches}
        variables={data.data?.variables ?? null}
        active={current}
        maxChars={maxChars}
        onPick={insert}
        onHover={setActive}
      />
    ) : null,
    unfilledReason: unfilled.length > 0 ? t.fillIn(unfilled.map((name) => `{${name}}`).join(", ")) : null,
    ariaProps: {
      role: "combobox",
      "aria-expanded": token !== null && matches.length > 0,
      "aria-controls": token ? listId : undefined,
      "aria-autocomplete": "list",
      "aria-activedescendant": token && matches[current] ? `${listId}-${current}` : undefined,
    },
  };
}
