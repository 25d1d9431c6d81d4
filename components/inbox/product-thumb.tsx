import { FallbackImage } from "./fallback-image";
import type { InboxStrings } from "./messages";

const BOX = "h-10 w-10 shrink-0 rounded border border-slate-200 bg-slate-100";

/**
 * A product's small picture (40 px) where a chat is named: in its row and its header. A plain box where no picture
 * is known or it does not load. `alt` "" when the product's name is shown beside it (the picture adds nothing to
 * read then).
 */
export function ProductThumb({ t, src, alt }: { t: InboxStrings; src: string | null; alt: string }) {
  const placeholder = (
    <span aria-hidden="true" data-testid="product-thumb-fallback" className={`${BOX} flex items-center justify-center text-slate-400`}>
      <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M3.5 7.5 12 3l8.5 4.5v9L12 21l-8.5-4.5z M3.5 7.5 12 12l8.5-4.5 M12 12v9" strokeLinejoin="round" />
      </svg>
    </span>
  );
  if (!src) return placeholder;
  return <FallbackImage t={t} src={src} alt={alt} decorative={alt === ""} fallback={placeholder} className={`${BOX} object-cover`} />;
}
