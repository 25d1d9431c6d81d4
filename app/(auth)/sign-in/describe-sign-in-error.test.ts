import { describe, expect, it } from "vitest";
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
  it("keeps the server's English words, and translates the known refusals", () => {
    const limited = "Too many failed sign-in attempts for this email. Try again in 5 minutes.";
    expect(describeSignInError(limited, "en")).toBe(limited);
    expect(describeSignInError(limited, "ru")).toBe("Слишком много неудачных попыток входа. Попробуйте снова через 5 минут.");
    expect(describeSignInError("This user has been deactivated. Ask your administrator to reactivate it.", "ru")).toMatch(/отключён/);
    expect(describeSignInError("Something unexpected.", "ru")).toMatch(/^Войти не удалось/);
  });
});
