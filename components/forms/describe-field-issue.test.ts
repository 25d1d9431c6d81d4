import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiKeySchema, clientIdSchema } from "@/lib/accounts/seller-account-fields";
import { emailSchema, passwordSchema, personNameSchema } from "@/lib/auth/user-fields";
import { describeFieldIssue, type FieldIssueWords } from "./describe-field-issue";

const words: FieldIssueWords = {
  required: (f) => `${f} required`,
  noSpaces: (f) => `${f} no spaces`,
  minLength: (f, n) => `${f} min ${n}`,
  maxLength: (f, n) => `${f} max ${n}`,
  invalidEmail: "bad email",
};

function first(schema: z.ZodType, value: string, label: string): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`${JSON.stringify(value)} passed`);
  return describeFieldIssue(words, label, parsed.error.issues[0]!, value.trim() === "");
}

describe("describeFieldIssue over the server's own field schemas", () => {
  it("names what each rule refuses", () => {
    expect(first(personNameSchema, "   ", "Name")).toBe("Name required");
    expect(first(passwordSchema, "short", "Password")).toBe("Password min 10");
    expect(first(passwordSchema, "x".repeat(201), "Password")).toBe("Password max 200");
    expect(first(emailSchema, "not-an-address", "Email")).toBe("bad email");
    expect(first(clientIdSchema, "12 34", "Client-Id")).toBe("Client-Id no spaces");
    expect(first(apiKeySchema, "abc", "Api-Key")).toBe("Api-Key min 8");
    // An empty email fails the address rule; what the person needs to hear is that it is required.
    expect(first(emailSchema, "  ", "Email")).toBe("Email required");
  });
});
