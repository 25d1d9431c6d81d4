import { AppError } from "@/lib/errors/app-error";
import { checkOutgoingText } from "./check-outgoing-text";

/**
 * The server's side of the composer's policy check: unless the agent confirmed, a text that may break Ozon's chat
 * rules is refused with 422 policy_flagged and its reasons (`flags`: code and the matching piece), so nothing is
 * sent that the agent did not see flagged.
 */
export function assertTextAllowed(text: string, confirmed: boolean): void {
  if (confirmed) return;
  const flags = checkOutgoingText(text);
  if (flags.length === 0) return;
  throw new AppError("policy_flagged", { flags });
}
