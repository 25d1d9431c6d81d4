import { z } from "zod";

/** A string field of a request body whose error says whether it is missing or of the wrong type. */
export function requiredString(field: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`) });
}
