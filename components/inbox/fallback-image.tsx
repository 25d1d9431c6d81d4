"use client";

import { useState } from "react";
import type { InboxStrings } from "./messages";

/** An image from Ozon's (or the emulator's) servers; when it cannot be loaded, a link to it in words instead. */
export function FallbackImage({ t, src, alt, className }: { t: InboxStrings; src: string; alt: string; className?: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <a href={src} target="_blank" rel="noopener noreferrer" className="text-sm text-blue-800 underline">
        {t.imageUnavailable}
      </a>
    );
  }
  // Any host and size (Ozon's CDN): next/image would need them configured up front.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt={alt || t.image} loading="lazy" onError={() => setFailed(true)} className={className} />;
}
