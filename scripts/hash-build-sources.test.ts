import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hashBuildSources } from "./hash-build-sources";

describe("hashBuildSources", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "hash-sources-"));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it("is the same for the same sources and changes when a source, its name or the lockfile changes", () => {
    const base = { "app/page.tsx": "a", "lib/x.ts": "b", "package-lock.json": "{}" };
    const first = hashBuildSources(tree(base));
    expect(hashBuildSources(tree(base))).toBe(first);
    expect(hashBuildSources(tree({ ...base, "lib/x.ts": "c" }))).not.toBe(first);
    expect(hashBuildSources(tree({ ...base, "package-lock.json": "{ }" }))).not.toBe(first);
    expect(hashBuildSources(tree({ "app/page.tsx": "a", "lib/y.ts": "b", "package-lock.json": "{}" }))).not.toBe(first);
  });

  it("ignores tests, generated code and what is not a build source", () => {
    const base = { "app/page.tsx": "a" };
    const first = hashBuildSources(tree(base));
    expect(
      hashBuildSources(tree({ ...base, "app/page.test.ts": "t", "lib/db/generated/x.ts": "g", "e2e/a.spec.ts": "e", "README.md": "r" })),
    ).toBe(first);
  });
});
