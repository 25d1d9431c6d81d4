import { describe, expect, it } from "vitest";
import { agentMetricsCsv } from "./agent-metrics-csv";
import type { AgentMetrics } from "./load-account-metrics";

const row = (over: Partial<AgentMetrics>): AgentMetrics => ({
  agentId: "u1",
  agentName: "Анна",
  answered: 2,
  firstAnswered: 1,
  firstResponseSeconds: 600.456,
  avgResponseSeconds: 1200,
  medianResponseSeconds: 1200,
  dialogs: 2,
  dialogsWithin24h: 1,
  repliedWithin24hPercent: 50,
  messagesSent: 3,
  chatsHandled: 2,
  ...over,
});
const labels = { columns: ["A", "B", "C", "D", "E", "F", "G", "H"] as ["A", "B", "C", "D", "E", "F", "G", "H"], portal: "Portal" };

describe("agentMetricsCsv", () => {
  it("writes a BOM, CRLF lines, seconds rounded to hundredths, empty cells for no value, the portal row by its label", () => {
    const csv = agentMetricsCsv([row({}), row({ agentId: null, agentName: null, firstResponseSeconds: null })], labels);
    expect(csv).toBe("\uFEFFA,B,C,D,E,F,G,H\r\nАнна,2,600.46,1200,1200,50,2,3\r\nPortal,2,,1200,1200,50,2,3\r\n");
  });
  it("quotes separators and quotes, and defuses formulas", () => {
    const csv = agentMetricsCsv([row({ agentName: 'Ив "Босс", старший' }), row({ agentName: "=HYPERLINK(1)" })], labels);
    const lines = csv.split("\r\n");
    expect(lines[1]!.startsWith('"Ив ""Босс"", старший",')).toBe(true);
    expect(lines[2]!.startsWith("'=HYPERLINK(1),")).toBe(true);
  });
});
