import { describe, expect, it } from "vitest";
import { findMentions } from "./find-mentions";

const agents = [
  { id: "a", name: "Anna" },
  { id: "al", name: "Anna Li" },
  { id: "b", name: "Борис" },
];

describe("findMentions", () => {
  it("finds @Name of the account's agents, whole names, case-insensitive, each once", () => {
    expect(findMentions("@борис глянь, и @Борис ещё раз", agents)).toEqual(["b"]);
    expect(findMentions("@Anna Li please", agents)).toEqual(["al"]);
    expect(findMentions("@Anna and @Anna Li", agents)).toEqual(["a", "al"]);
  });

  it("ignores a name that goes on, an e-mail-like text and unknown names", () => {
    expect(findMentions("@Annabel, mail anna@x.ru, @Пётр", agents)).toEqual([]);
  });
});
