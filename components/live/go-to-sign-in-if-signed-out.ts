/**
 * After the live stream was refused: when the session has ended (signed out in another tab, deactivated, password
 * reset), the tab goes to the sign-in page and comes back here afterwards; otherwise it stays (a network blip).
 */
export async function goToSignInIfSignedOut(): Promise<void> {
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store" });
    const session = (await response.json()) as { user?: unknown } | null;
    if (!response.ok || session?.user) return;
    const here = `${window.location.pathname}${window.location.search}`;
    // A full load, not the router: nothing of the ended session (its query cache) may stay in the tab.
    window.location.href = new URL(`/sign-in?callbackUrl=${encodeURIComponent(here)}`, window.location.origin).href;
  } catch {
    // The server cannot be reached: keep the page; the stream retries.
  }
}
