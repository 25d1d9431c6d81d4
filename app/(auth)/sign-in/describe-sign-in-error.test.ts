import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { signInErrorCode } from "@/lib/auth/sign-in-error-code";
import { describeSignInError } from "./describe-sign-in-error";

describe("describeSignInError", () => {
  it("says nothing without an error", () => {
    expect(describeSignInError(null, "en")).toBeNull();
    expect(describeSignInError("", "ru")).toBeNull();
  });
  it("names wrong credentials in each language", () => {
    expect(describeSignInError("CredentialsSignin", "en")).toBe("The email or the password is wrong.");
    expect(describeSignInError("CredentialsSignin", "ru")).toBe("Неверный адрес эл. почты или пароль.");
  });
  it("hides other next-auth codes behind a plain sentence", () => {
    expect(describeSignInError("Configuration", "en")).toMatch(/^Signing in did not work/);
  });
  it("words our own codes in each language", () => {
    expect(describeSignInError("TooManyAttempts_5", "en")).toBe("Too many failed sign-in attempts. Try again in 5 minutes.");
    expect(describeSignInError("TooManyAttempts_1", "ru")).toBe("Слишком много неудачных попыток входа. Попробуйте снова через 1 минуту.");
    expect(describeSignInError("Deactivated", "ru")).toMatch(/отключён/);
    expect(describeSignInError("Deactivated", "en")).toMatch(/deactivated/);
  });
  it("never shows a text it does not know (an attacker's ?error=)", () => {
    for (const text of [
      "Your account is suspended. Call +1 555 0100 to restore it.",
      "Too many failed sign-in attempts. Visit evil.example to unlock.",
      "This user has been deactivated. Ask your administrator to reactivate it.",
      "TooManyAttempts_5 <b>x</b>",
      "<img src=x onerror=alert(1)>",
    ]) {
      expect(describeSignInError(text, "en")).toMatch(/^Signing in did not work/);
      expect(describeSignInError(text, "ru")).toMatch(/^Войти не удалось/);
    }
  });
  it("gets codes, not sentences, from the server's refusals", () => {
    expect(signInErrorCode(new AppError("sign_in_rate_limited", { scope: "email", minutes: 5, retryAfterSeconds: 270 }))).toBe("TooManyAttempts_5");
    expect(signInErrorCode(new AppError("user_deactivated"))).toBe("Deactivated");
    expect(signInErrorCode(new AppError("admin_only"))).toBe("Unavailable");
    expect(signInErrorCode(new Error("/home/app/lib/x.ts:12 boom"))).toBe("Unavailable");
  });
});
