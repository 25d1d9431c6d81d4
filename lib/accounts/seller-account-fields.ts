import { z } from "zod";

/** The fields an administrator types for a seller account. */
export const accountNameSchema = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

export const clientIdSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^\S+$/, "must not contain spaces");

export const apiKeySchema = z
  .string()
  .trim()
  .min(8, "must be at least 8 characters")
  .max(200, "must be at most 200 characters")
  .regex(/^\S+$/, "must not contain spaces");
