import { describe, expect, it } from "vitest";
import { compareWithOzon } from "./compare-with-ozon";
import type { TeamMetrics } from "./load-account-metrics";

const team = (over: Partial<TeamMetrics>): TeamMetrics => ({
  turns: 4,
  answered: 4,
  firstTurns: 2,
  firstAnswered: 2,
  firstResponseSeconds: 3600,
  avgResponseSeconds: 7200,
  medianResponseSeconds: 7200,
  dialogs: 2,
  dialogsWithin24h: 1,
  repliedWithin24hPercent: 50,
  windowsClosedUnanswered: 0,
  messagesSent: 4,
  chatsHandled: 2,
  buyerMessages: 4,
  ...over,
});

describe("compareWithOzon", () => {
  it("matches each rating with our figure", () => {
    expect(compareWithOzon("rating_reaction_time", team({}), 3600)).toMatchObject({ ours: 3600, ozon: 3600, difference: 0, differs: false });
    expect(compareWithOzon("rating_average_response_time", team({}), 7000)).toMatchObject({ ours: 7200, difference: 200, differs: true });
    expect(compareWithOzon("rating_replied_dialogs_ratio", team({}), 49.5)).toMatchObject({ differs: false });
    expect(compareWithOzon("rating_replied_dialogs_ratio", team({}), 40)).toMatchObject({ difference: 10, differs: true });
  });
  it("a minute or 1 % apart is the same time", () => {
    expect(compareWithOzon("rating_reaction_time", team({}), 3630).differs).toBe(false);
    expect(compareWithOzon("rating_average_response_time", team({ avgResponseSeconds: 100_000 }), 100_500).differs).toBe(false);
  });
  it("nothing on our side beside Ozon's 0 (nothing to average) is no difference; beside a value it is", () => {
    expect(compareWithOzon("rating_reaction_time", team({ firstResponseSeconds: null }), 0).differs).toBe(false);
    expect(compareWithOzon("rating_reaction_time", team({ firstResponseSeconds: null }), 120).differs).toBe(true);
    expect(compareWithOzon("rating_reaction_time", team({}), null)).toMatchObject({ difference: null, differs: true });
  });
});
