import { z } from "zod";

/** Ozon posting numbers look like 0025174183-3178-1 (order number, then the posting's index). */
export const postingNumberSchema = z
  .string({ error: "the posting number is missing" })
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/, { error: "this is not a posting number (it looks like 0025174183-3178-1)" });
