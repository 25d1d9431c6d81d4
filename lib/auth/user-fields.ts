import { z } from "zod";

/** The fields a person types for a user; shared by setup, sign-in and user administration. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be an email address such as name@example.com"))
  .transform((email) => email.toLowerCase());

export const PASSWORD_MIN_LENGTH = 10;

// The upper bound keeps a request from making the server hash megabytes.
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "must be at most 200 characters");

export const personNameSchema = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

export const userRoleSchema = z.enum(["ADMIN", "AGENT"]);
