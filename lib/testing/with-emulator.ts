/**
 * Test-only: the emulator for a test file (or a describe block), started before its tests, reset before each test and
 * closed after them (emulator/with-test-emulator.ts), with a connection to its demo seller. With `asOzonApiUrl`,
 * OZON_API_URL points at it while it runs, for code that reaches Ozon through the environment (routes, stored accounts).
 *
 *   const emulator = withEmulator({ rateLimit: 0 });
 *   it("…", async () => {
 *     await emulator.control.buyerMessage({ chat_id, text: "Здравствуйте!" });
 *     await listChats(emulator.connection());
 *   });
 */
import { afterAll, beforeAll } from "vitest";
import { withTestEmulator, type TestEmulatorHandle, type WithTestEmulatorOptions } from "@/emulator/with-test-emulator";
import { resetEnvCache } from "@/lib/env";
import type { OzonConnection } from "@/lib/ozon";
import { demoConnection } from "./demo-connection";

export type WithEmulatorOptions = WithTestEmulatorOptions & {
  /** Point OZON_API_URL at the emulator while it runs (and put the previous value back afterwards). */
  asOzonApiUrl?: boolean;
};

export type EmulatorHandle = TestEmulatorHandle & {
  /** demoConnection() to this emulator. */
  connection(overrides?: Partial<OzonConnection>): OzonConnection;
};

export function withEmulator(options: WithEmulatorOptions = {}): EmulatorHandle {
  const { asOzonApiUrl = false, ...emulatorOptions } = options;
  const emulator = withTestEmulator(emulatorOptions);
  if (asOzonApiUrl) {
    let previousUrl: string | undefined;
    beforeAll(() => {
      previousUrl = process.env.OZON_API_URL;
      process.env.OZON_API_URL = emulator.url;
      resetEnvCache();
    });
    afterAll(() => {
      if (previousUrl === undefined) delete process.env.OZON_API_URL;
      else process.env.OZON_API_URL = previousUrl;
      resetEnvCache();
    });
  }
  return {
    get url() {
      return emulator.url;
    },
    control: emulator.control,
    ozon: emulator.ozon,
    connection: (overrides) => demoConnection(emulator.url, overrides),
  };
}
