import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  clientImportsOfPackage,
  describeCycle,
  findFolderCycles,
  libFolderEdges,
  libToUiImports,
  nonTestImportsOfHarness,
  readSourceFiles,
} from "./import-graph";

const root = path.resolve(__dirname, "..");

describe("the folders of lib/ (the allowed direction: README, Layout)", () => {
  const files = readSourceFiles(root, "lib");
  const edges = libFolderEdges(files);

  it("import each other without a cycle", () => {
    expect(edges.length).toBeGreaterThan(20);
    expect(findFolderCycles(edges).map((cycle) => describeCycle(cycle, edges))).toEqual([]);
  });

  it("never import app/ or components/, nor (outside tests) the test harness lib/testing", () => {
    expect(libToUiImports(files)).toEqual([]);
    expect(nonTestImportsOfHarness(files)).toEqual([]);
  });
});

describe("the inbox's first load in the browser", () => {
  it("does not import zod (it would be a third of the inbox's own JavaScript; schemas stay on the server and in forms)", () => {
    const files = new Map([...readSourceFiles(root, "app"), ...readSourceFiles(root, "components"), ...readSourceFiles(root, "lib")]);
    const entries = ["app/layout.tsx", "app/(app)/layout.tsx", "app/(app)/inbox/layout.tsx", "app/(app)/inbox/page.tsx", "app/(app)/inbox/[chatId]/page.tsx"];
    for (const entry of entries) expect(files.has(entry)).toBe(true);
    expect(clientImportsOfPackage(files, entries, "zod").map((chain) => chain.join(" → "))).toEqual([]);
  });
});

describe("the import-graph check itself", () => {
  const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it("finds a cycle closed by any kind of import, through a folder's index and relative paths", () => {
    const files = tree({
      "lib/a/one.ts": `import { two } from "@/lib/b/two";`,
      "lib/b/two.ts": `export { three } from "../c";`,
      "lib/c/index.ts": `export const three = () => import("@/lib/a/one");`,
      "lib/d/four.ts": `import type { X } from "@/lib/a/one"; import { env } from "@/lib/env";`,
      "lib/env.ts": `export const env = 1;`,
    });
    const edges = libFolderEdges(files);
    expect(edges.map(({ from, to }) => `${from}→${to}`).sort()).toEqual(["a→b", "b→c", "c→a", "d→a", "d→env.ts"]);
    const cycles = findFolderCycles(edges);
    expect(cycles).toEqual([["a", "b", "c"]]);
    expect(describeCycle(cycles[0]!, edges)).toContain(`c → a: lib/c/index.ts imports "@/lib/a/one"`);
  });

  it("finds a cycle made by a test file, but not one through the harness lib/testing", () => {
    const viaTest = tree({ "lib/a/x.ts": `import "@/lib/b/y";`, "lib/b/y.ts": "", "lib/b/y.test.ts": `import "@/lib/a/x";` });
    expect(findFolderCycles(libFolderEdges(viaTest))).toEqual([["a", "b"]]);
    const viaHarness = tree({
      "lib/a/x.test.ts": `import "@/lib/testing/run";`,
      "lib/a/x.ts": "",
      "lib/testing/run.ts": `import "@/lib/a/x";`,
    });
    expect(findFolderCycles(libFolderEdges(viaHarness))).toEqual([]);
    expect(nonTestImportsOfHarness(viaHarness)).toEqual([]);
    const harnessInProduction = tree({ "lib/a/x.ts": `import "@/lib/testing/run";`, "lib/testing/run.ts": "" });
    expect(nonTestImportsOfHarness(harnessInProduction)).toEqual([{ file: "lib/a/x.ts", specifier: "@/lib/testing/run" }]);
  });

  it("reports lib/ importing the UI, by alias or by relative path", () => {
    const files = tree({
      "lib/a/x.ts": `import { y } from "@/components/inbox/y"; import "../../app/page";`,
      "app/page.tsx": `import "@/lib/a/x";`,
    });
    expect(libToUiImports(files)).toEqual([
      { file: "lib/a/x.ts", specifier: "@/components/inbox/y" },
      { file: "lib/a/x.ts", specifier: "../../app/page" },
    ]);
  });

  it("finds a package in the browser's part only, past the first \"use client\" module, skipping type-only and dynamic imports", () => {
    const files = tree({
      "app/page.tsx": `import { z } from "zod"; import { List } from "@/components/list";`,
      "components/list.tsx": `"use client";\nimport { rules } from "./rules"; import type { Kind } from "@/lib/kinds"; const later = () => import("@/lib/heavy");`,
      "components/rules.ts": `import { type Schema } from "@/lib/schema"; export { kindOf } from "@/lib/kinds";`,
      "lib/kinds.ts": `import { z } from "zod";`,
      "lib/schema.ts": `import { z } from "zod/mini";`,
      "lib/heavy.ts": `import { z } from "zod";`,
    });
    expect(clientImportsOfPackage(files, ["app/page.tsx"], "zod")).toEqual([["app/page.tsx", "components/list.tsx", "components/rules.ts", "lib/kinds.ts"]]);
  });
});
