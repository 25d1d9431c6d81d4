/**
 * The agents a note mentions: "@" followed by an agent's name (case-insensitive, the whole name, not followed by a
 * letter or digit), as the composer's mention picker writes it. Longer names win over their prefixes ("@Anna Li"
 * mentions Anna Li, not Anna). Returns their ids, each once, in the order of the agents given.
 */
export function findMentions(text: string, agents: { id: string; name: string }[]): string[] {
  const lower = text.toLocaleLowerCase();
  const byLength = [...agents].filter((a) => a.name.trim() !== "").sort((a, b) => b.name.length - a.name.length);
  const taken: [number, number][] = [];
  const found = new Set<string>();
  for (const agent of byLength) {
    const needle = `@${agent.name.trim().toLocaleLowerCase()}`;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const next = lower.slice(end, end + 1);
      if (next && /[\p{L}\p{N}_]/u.test(next)) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      found.add(agent.id);
    }
  }
  return agents.filter((a) => found.has(a.id)).map((a) => a.id);
}
