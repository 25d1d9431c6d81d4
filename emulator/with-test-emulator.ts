/**
 * Vitest hooks around testing.ts: call at the top of a test file (or of a describe block) to get an emulator for it,
 * started before its tests, reset before each test and closed after them.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { StartEmulatorOptions } from "./index";
import { emulatorControl, ozonWire, startTestEmulator, type EmulatorControl, type OzonWire, type TestEmulator } from "./testing";

export type WithTestEmulatorOptions = StartEmulatorOptions & {
  /** Reset the emulator before each test (default true). */
  resetBeforeEach?: boolean;
};

export type TestEmulatorHandle = {
  /** The running emulator's URL; read it inside tests and hooks only. */
  readonly url: string;
  readonly control: EmulatorControl;
  readonly ozon: OzonWire;
};

export function withTestEmulator(options: WithTestEmulatorOptions = {}): TestEmulatorHandle {
  const { resetBeforeEach = true, ...startOptions } = options;
  let emulator: TestEmulator | undefined;
  const url = () => {
    if (!emulator) throw new Error("withTestEmulator: the emulator runs only inside tests and hooks");
    return emulator.url;
  };
  const control = emulatorControl(url);
  beforeAll(async () => {
    emulator = await startTestEmulator(startOptions);
  });
  afterAll(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  if (resetBeforeEach) {
    beforeEach(async () => {
      await control.reset();
    });
  }
  return {
    get url() {
      return url();
    },
    control,
    ozon: ozonWire(url),
  };
}
