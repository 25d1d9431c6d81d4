/** Lower case, ё as е, and every kind of space or dash as a plain one: what the policy rules match against. */
export function normalizePolicyText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
}
