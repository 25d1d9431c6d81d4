import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeUnusedExport, findUnusedExports, readProjectSources, type UnusedExport } from "./unused-exports";

const root = path.resolve(__dirname, "..");

/**
 * Exports that wait for work under way on other branches; each must still be unused (a stale entry fails), so the
 * list only shrinks. "*": every export of the file.
 */
const PENDING: Readonly<Record<string, readonly string[] | "*">> = {
  // Issue 18: the questions and reviews client, for the sync and the inbox being built on it.
  "lib/ozon/index.ts": [
    "changeQuestionStatus",
    "changeReviewStatus",
    "listAllQuestions",
    "listAllReviews",
    "listQuestionAnswers",
    "listReviewComments",
    "QUESTION_STATUS_FILTERS",
    "QUESTION_STATUSES",
    "REVIEW_STATUSES",
    "validateAnswerText",
  ],
  // Issue 18: the emulator's questions and reviews (wip/i18-wire is changing these files).
  "emulator/feedback.ts": "*",
  "emulator/seed.ts": ["CATALOG"],
};

const isPending = ({ file, name }: UnusedExport) => {
  const names = PENDING[file];
  return names === "*" || (names?.includes(name) ?? false);
};

// Parses every source file of the project: seconds, more on a busy machine.
describe("exported values (README, Layout)", { timeout: 120_000 }, () => {
  it("are each imported somewhere, or are one of Next's conventional exports", () => {
    const unused = findUnusedExports(readProjectSources(root));
    expect(unused.filter((entry) => !isPending(entry)).map(describeUnusedExport)).toEqual([]);
    const pending = unused.filter(isPending).map(({ file, name }) => `${file}: ${name}`);
    const stale = Object.entries(PENDING).flatMap(([file, names]) =>
      names === "*" ? (pending.some((entry) => entry.startsWith(`${file}: `)) ? [] : [`${file}: *`]) : names.map((name) => `${file}: ${name}`).filter((entry) => !pending.includes(entry)),
    );
    expect(stale, "in use now or gone: drop from PENDING").toEqual([]);
  });
});

describe("the unused-export check itself", () => {
  const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it("counts every kind of import, re-export and dynamic import as a use", () => {
    const files = tree({
      "lib/a/one.ts": `export const used = 1; export function viaType() {} export class Lazy {} export const viaReExport = 2;`,
      "lib/a/index.ts": `export { viaReExport } from "./one";`,
      "lib/b/two.ts": `import { used as renamed } from "@/lib/a/one"; import type { viaType } from "../a/one"; import { viaReExport } from "../a"; export const later = () => import("../a/one");`,
      "lib/c/three.ts": `import { later } from "@/lib/b/two";`,
    });
    expect(findUnusedExports(files)).toEqual([]);
  });

  it("reports an export nobody imports, saying whether its file uses it", () => {
    const files = tree({
      "lib/a/one.ts": `export const LIMIT = 5; export function check(n: number) { return n < LIMIT; } export enum Mode { A } export { check as verify };`,
      "lib/b/two.ts": `import { check } from "@/lib/a/one";`,
      "lib/a/index.ts": `export { LIMIT } from "./one";`,
    });
    expect(findUnusedExports(files).map(describeUnusedExport)).toEqual([
      "lib/a/index.ts: LIMIT — used nowhere: remove it",
      "lib/a/one.ts: Mode — used nowhere: remove it",
      "lib/a/one.ts: verify — used nowhere: remove it",
    ]);
  });

  it("keeps Next's conventional exports and counts test code as a user unless told otherwise", () => {
    const files = tree({
      "app/inbox/page.tsx": `export const metadata = {}; export default function Page() {} export const helper = 1;`,
      "app/api/x/route.ts": `export async function GET() {} export const dynamic = "force-dynamic";`,
      "proxy.ts": `export function proxy() {} export const config = {};`,
      "instrumentation.ts": `export async function register() {}`,
      "lib/a/one.ts": `export function forTests() {}`,
      "lib/a/one.test.ts": `import { forTests } from "./one";`,
    });
    expect(findUnusedExports(files).map(({ file, name }) => `${file}: ${name}`)).toEqual(["app/inbox/page.tsx: helper"]);
    expect(findUnusedExports(files, { countTests: false }).map(({ file, name }) => `${file}: ${name}`)).toEqual([
      "app/inbox/page.tsx: helper",
      "lib/a/one.ts: forTests",
    ]);
  });
});
