"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { InboxStrings } from "./messages";

/**
 * An image from Ozon's (or the emulator's) servers; when it cannot be loaded, `fallback`, or else a link to it in
 * words. A `decorative` one is hidden from assistive technology: the words beside it say the same.
 */
export function FallbackImage({
  t,
  src,
  alt,
  className,
  fallback,
  decorative = false,
}: {
  t: InboxStrings;
  src: string;
  alt: string;
  className?: string;
  fallback?: ReactNode;
  decorative?: boolean;
}) {
  // The source that failed: a new src is tried afresh.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const image = useRef<HTMLImageElement>(null);
  // An image that failed before React attached onError (server-rendered, loaded before hydration) would stay broken.
  useEffect(() => {
    const element = image.current;
    if (element?.complete && element.naturalWidth === 0 && element.currentSrc) setFailedSrc(src);
  }, [src]);
  if (failedSrc === src) {
    return (
      fallback ?? (
        <a href={src} target="_blank" rel="noopener noreferrer" className="text-sm text-blue-800 underline">
          {t.imageUnavailable}
        </a>
      )
    );
  }
  return (
    // Any host and size (Ozon's CDN): next/image would need them configured up front.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      ref={image}
      src={src}
      alt={decorative ? "" : alt || t.image}
      aria-hidden={decorative || undefined}
      loading="lazy"
      decoding="async"
      onError={() => setFailedSrc(src)}
      className={className}
    />
  );
}
