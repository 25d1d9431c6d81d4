import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** What a production build is made of: when none of it changed, the last build still serves the same app. */
const BUILD_SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

const SKIPPED = new Set(["node_modules", "generated", ".next"]);

function listFiles(root: string, entry: string, out: string[]) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return; // an optional source (e.g. no public/ yet)
  }
  if (stat.isFile()) {
    out.push(entry);
    return;
  }
  for (const name of readdirSync(full).sort()) {
    if (SKIPPED.has(name) || name.endsWith(".test.ts")) continue;
    listFiles(root, path.join(entry, name), out);
  }
}

/**
 * A sha256 over the paths and contents of the build's sources under `root` (tests left out: they are not built).
 * Contents, not times: a checkout or `touch` that changes nothing does not cost a two-minute build.
 */
export function hashBuildSources(root: string, sources: string[] = BUILD_SOURCES): string {
  const files: string[] = [];
  for (const source of sources) listFiles(root, source, files);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file.split(path.sep).join("/"));
    hash.update("\0");
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}
