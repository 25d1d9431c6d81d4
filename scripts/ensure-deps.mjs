// Lets `npm run demo` and `npm test` work on a fresh clone: installs the locked dependencies when they are missing.
// Plain Node on purpose: it must run before anything from node_modules exists.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const lock = "package-lock.json";
const marker = "node_modules/.package-lock.json";
const installed = existsSync(marker) && existsSync("node_modules/.bin/next");
const stale = installed && existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;

if (!installed || stale) {
  console.log(installed ? "package-lock.json changed: reinstalling dependencies (npm ci)…" : "First run: installing dependencies (npm ci)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
