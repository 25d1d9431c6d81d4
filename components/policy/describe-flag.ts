import type { OutgoingFlagCode, ScamSignCode } from "@/lib/policy/policy-rules";
import type { PolicyStrings } from "./messages";

/** A policy check's reason in the page's language. */
export function describeFlag(t: PolicyStrings, code: OutgoingFlagCode): string {
  switch (code) {
    case "phone":
      return t.flagPhone;
    case "email":
      return t.flagEmail;
    case "external_link":
      return t.flagExternalLink;
    case "messenger":
      return t.flagMessenger;
    case "cancel_request":
      return t.flagCancelRequest;
  }
}

/** A scam sign in the page's language. */
export function describeScamSign(t: PolicyStrings, code: ScamSignCode): string {
  switch (code) {
    case "fake_support":
      return t.scamFakeSupport;
    case "card_request":
      return t.scamCardRequest;
    case "sms_code":
      return t.scamSmsCode;
  }
}
