import { FallbackImage } from "./fallback-image";
import type { InboxStrings } from "./messages";

/** An image message: shown once Ozon's moderation passed it, otherwise a placeholder that says why not. */
export function MessageImage({ t, src, alt, moderationStatus }: { t: InboxStrings; src: string; alt: string; moderationStatus: string | null }) {
  const status = (moderationStatus ?? "SUCCESS").toUpperCase();
  if (status === "SUCCESS") {
    return (
      <a href={src} target="_blank" rel="noopener noreferrer" className="block">
        <FallbackImage t={t} src={src} alt={alt} className="max-h-64 max-w-full rounded-md border border-slate-200" />
      </a>
    );
  }
  const rejected = status === "FAILED" || status === "REJECTED" || status === "DECLINED";
  return (
    <p className="rounded-md border border-dashed border-slate-400 bg-slate-50 px-3 py-4 text-sm text-slate-700">
      {rejected ? t.imageRejected : t.imageInModeration}
    </p>
  );
}
