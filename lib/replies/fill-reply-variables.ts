import { MESSAGE_TEXT_MAX_CHARS, countCodePoints } from "@/lib/ozon/validate-message-text";
import { VARIABLE_PATTERN, type ReplyVariable, type ReplyVariableValues } from "./reply-variables";

export type FilledReply = {
  /** The text with every known value in; a variable without a value stays as `{name}`, for the agent to edit. */
  text: string;
  /** Text and variables in order, for a preview that marks the missing ones. */
  parts: ({ kind: "text"; text: string } | { kind: "value"; name: ReplyVariable; text: string } | { kind: "missing"; name: ReplyVariable })[];
  missing: ReplyVariable[];
  /** Characters after filling (Ozon's limit counts the sent text). */
  length: number;
  tooLong: boolean;
};

/**
 * Fills a saved reply's variables with the chat's values. Pure: the composer previews exactly what is inserted.
 * `maxChars`: the limit of the text it goes into (a chat message's 1000, a question's answer 3000).
 */
export function fillReplyVariables(template: string, values: Partial<ReplyVariableValues>, maxChars: number = MESSAGE_TEXT_MAX_CHARS): FilledReply {
  const parts: FilledReply["parts"] = [];
  const missing: ReplyVariable[] = [];
  let last = 0;
  for (const match of template.matchAll(VARIABLE_PATTERN)) {
    const name = match[1] as ReplyVariable;
    if (match.index > last) parts.push({ kind: "text", text: template.slice(last, match.index) });
    const value = values[name]?.trim();
    if (value) parts.push({ kind: "value", name, text: value });
    else {
      parts.push({ kind: "missing", name });
      if (!missing.includes(name)) missing.push(name);
    }
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: "text", text: template.slice(last) });
  const text = parts.map((part) => (part.kind === "missing" ? `{${part.name}}` : part.text)).join("");
  const length = countCodePoints(text);
  return { text, parts, missing, length, tooLong: length > maxChars };
}

/** The variables a text still holds unfilled (e.g. `{buyer}` left in from a reply): it must be edited before sending. */
export function findUnfilledVariables(text: string): ReplyVariable[] {
  return [...new Set([...text.matchAll(VARIABLE_PATTERN)].map((match) => match[1] as ReplyVariable))];
}
