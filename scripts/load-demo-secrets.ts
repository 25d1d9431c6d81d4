import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type DemoSecrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string };

/**
 * The demo's session secret and encryption key: taken from the environment when given, else made once and kept
 * in `.data/demo-secrets.json` (git-ignored, readable by the owner only), so sessions and stored keys survive
 * restarts. A real installation sets both variables itself.
 */
export function loadDemoSecrets(file = path.join(".data", "demo-secrets.json")): DemoSecrets {
  if (process.env.AUTH_SECRET && process.env.ENCRYPTION_KEY) {
    return { AUTH_SECRET: process.env.AUTH_SECRET, ENCRYPTION_KEY: process.env.ENCRYPTION_KEY };
  }
  const saved: Partial<DemoSecrets> = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<DemoSecrets>) : {};
  const secrets: DemoSecrets = {
    AUTH_SECRET: saved.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: saved.ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  };
  // Only what the demo made itself is written down; a secret given by the environment never reaches the disk.
  if (saved.AUTH_SECRET !== secrets.AUTH_SECRET || saved.ENCRYPTION_KEY !== secrets.ENCRYPTION_KEY) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    AUTH_SECRET: process.env.AUTH_SECRET || secrets.AUTH_SECRET,
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY || secrets.ENCRYPTION_KEY,
  };
}
