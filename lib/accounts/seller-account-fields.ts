import { z } from "zod";

/** The fields an administrator types for a seller account. */
export const accountNameSchema = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

/**
 * The Ozon emulator's own sellers (`npm run demo`, the tests, the benchmarks), whose Client-Ids are names. Accepted
 * only when OZON_API_URL is not Ozon's production API (see createSellerAccount).
 */
const EMULATOR_CLIENT_IDS: readonly string[] = ["demo-client", "basic-client"];

/** Ozon's Client-Ids are positive whole numbers (Ozon answers any other with 400 "should be positive integer"). */
export function isOzonClientId(value: string): boolean {
  return /^[1-9]\d{0,19}$/.test(value);
}

const CLIENT_ID_NOT_A_NUMBER = "must be a number: Ozon's Client-Id is a positive whole number (Settings → API keys in the seller portal)";

export const clientIdSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^\S+$/, "must not contain spaces")
  .refine((value) => isOzonClientId(value) || EMULATOR_CLIENT_IDS.includes(value), { message: CLIENT_ID_NOT_A_NUMBER });

export const apiKeySchema = z
  .string()
  .trim()
  .min(8, "must be at least 8 characters")
  .max(200, "must be at most 200 characters")
  .regex(/^\S+$/, "must not contain spaces");
