/** The variables a saved reply may hold, filled from the chat, its order and the agent. */
export const REPLY_VARIABLES = ["buyer", "order_number", "posting_number", "product", "delivery_date", "agent"] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

/** A chat's values for the variables; null where the inbox does not know one (e.g. Ozon does not tell the buyer's name). */
export type ReplyVariableValues = Record<ReplyVariable, string | null>;

/** `{order_number}` and the like, only the known names (other braces stay text). */
export const VARIABLE_PATTERN = new RegExp(`\\{(${REPLY_VARIABLES.join("|")})\\}`, "g");
