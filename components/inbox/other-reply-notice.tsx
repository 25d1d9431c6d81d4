import type { InboxStrings } from "./messages";
import { RenderOzonText } from "./render-ozon-text";

/** Someone else answered the buyer while this agent had the chat open: what they wrote. */
export function OtherReplyNotice({ t, author, text }: { t: InboxStrings; author: string | null; text: string }) {
  return (
    <div role="status" className="mb-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
      <p className="font-medium">{t.otherReply(author ?? t.someoneElse)}</p>
      <p className="mt-1 line-clamp-3 whitespace-pre-wrap">
        <RenderOzonText text={text} />
      </p>
    </div>
  );
}
