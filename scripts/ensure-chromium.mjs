// `npm test` on a fresh Debian machine: the browser tests drive Debian's Chromium (Playwright cannot download its own
// browser here). When it is missing, root installs it (as .ci/run does); anyone else is told the one command to run,
// before minutes of type-check and unit tests are spent. Plain Node: it runs before anything else.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function present() {
  try {
    accessSync(chromium, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  return result.status === 0;
}

if (!present()) {
  const command = "apt-get update && apt-get install -y chromium";
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH is ${chromium}, which is not an executable. Point it at Chromium, or unset it and run: sudo sh -c '${command}'`);
    process.exit(1);
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`The browser tests need Chromium at ${chromium}. Install Debian's package, then run npm test again:\n\n  sudo sh -c '${command}'\n\n(or set CHROMIUM_PATH to a Chromium elsewhere)`);
    process.exit(1);
  }
  console.log("Chromium is missing: installing Debian's chromium (apt-get update && apt-get install -y chromium)…");
  if (!run("apt-get", ["update", "-qq"]) || !run("apt-get", ["install", "-y", "-qq", "chromium"]) || !present()) {
    console.error(`Installing chromium failed. Run it yourself: ${command}`);
    process.exit(1);
  }
}
