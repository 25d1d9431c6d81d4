/** A call to the emulator's control API (`/__emulator/…`), which answers JSON or fails the bench. */
export async function emulatorCall<T>(emulatorUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Has the emulator push the demo seller's events to the app, as Ozon would to a registered URL: a fresh push token for
 * the account, no delay or drops, Ozon's 5 s timeout, and the given retries ([] = a failed push is not retried).
 */
export async function pushToApp(options: {
  emulatorUrl: string;
  appUrl: string;
  issueToken: () => Promise<string | null>;
  retryDelaysMs: number[];
}): Promise<void> {
  const token = await options.issueToken();
  if (!token) throw new Error("The bench account has no push token.");
  await emulatorCall(options.emulatorUrl, "POST", "/__emulator/push", {
    client_id: "demo-client",
    url: `${options.appUrl}/api/push/${token}`,
    delay_ms: 0,
    jitter_ms: 0,
    drop_rate: 0,
    timeout_ms: 5_000,
    retry_delays_ms: options.retryDelaysMs,
  });
}

/** Stops the demo seller's pushes (a bench's last step, also when it failed). */
export async function stopPushes(emulatorUrl: string): Promise<void> {
  await emulatorCall(emulatorUrl, "POST", "/__emulator/push", { client_id: "demo-client", url: null }).catch(() => {});
}
