import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/components/query-keys";
import { setNotifySettings, showNotifySettings, type NotifySettingsAnswer } from "./notify-settings-cache";

const server: NotifySettingsAnswer = { notify: { ownChats: true, pool: false, sound: false } };

describe("notification choices in the tab", () => {
  it("a change shows at once over the server's values, and what was shown before can be put back", async () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.notifySettings(), server);
    const before = await showNotifySettings(qc, { pool: true });
    expect(qc.getQueryData(queryKeys.notifySettings())).toEqual({ notify: { ownChats: true, pool: true, sound: false } });
    expect(before).toEqual(server);
    // The server refused: back to what it holds.
    setNotifySettings(qc, before);
    expect(qc.getQueryData(queryKeys.notifySettings())).toEqual(server);
  });

  it("nothing is invented before the server's values were read", async () => {
    const qc = new QueryClient();
    expect(await showNotifySettings(qc, { sound: true })).toBeUndefined();
    setNotifySettings(qc, undefined);
    expect(qc.getQueryData(queryKeys.notifySettings())).toBeUndefined();
  });
});
