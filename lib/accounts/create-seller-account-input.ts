import { z } from "zod";
import { accountNameSchema, apiKeySchema, clientIdSchema } from "./seller-account-fields";

/** What an administrator sends to connect a seller account; the browser's form checks it with this same schema. */
export const createSellerAccountInputSchema = z.object({
  name: accountNameSchema,
  clientId: clientIdSchema,
  apiKey: apiKeySchema,
});
export type CreateSellerAccountInput = z.input<typeof createSellerAccountInputSchema>;
