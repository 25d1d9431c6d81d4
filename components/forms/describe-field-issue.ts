import type { FieldIssue } from "./use-zod-form";

export type FieldIssueWords = {
  required: (field: string) => string;
  noSpaces: (field: string) => string;
  minLength: (field: string, min: number) => string;
  maxLength: (field: string, max: number) => string;
  invalidEmail: string;
};

/** A zod issue of one of our field schemas (lib/auth/user-fields.ts, lib/accounts/seller-account-fields.ts) in words. */
export function describeFieldIssue(words: FieldIssueWords, label: string, issue: FieldIssue, blank = false): string {
  if (blank) return words.required(label);
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1 ? words.required(label) : words.minLength(label, Number(issue.minimum));
    case "too_big":
      return words.maxLength(label, Number(issue.maximum));
    case "invalid_format":
      // Our schemas use a pattern only to refuse spaces.
      return issue.format === "email" ? words.invalidEmail : words.noSpaces(label);
    default:
      return `${label}: ${issue.message}.`;
  }
}
