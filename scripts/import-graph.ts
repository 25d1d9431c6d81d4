import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One import between two top-level parts of lib/ (a folder such as `chats`, or a root file such as `env.ts`). */
export type FolderEdge = { from: string; to: string; file: string; specifier: string };

/** Source files as path (relative to the project root, with `/`) → text. */
export type SourceFiles = ReadonlyMap<string, string>;

const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** Reads every TypeScript file under `dir` (relative to `root`), skipping generated code. */
export function readSourceFiles(root: string, dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(child);
      } else if (SOURCE.test(entry.name)) {
        files.set(child, readFileSync(path.join(root, child), "utf8"));
      }
    }
  };
  walk(dir);
  return files;
}

/** The project-relative path an import specifier points at, or undefined for a package. */
export function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  }
  return undefined;
}

/**
 * The part of lib/ a project path belongs to: `lib/chats/x` → `chats`, `lib/ozon` (the folder's index) → `ozon`,
 * `lib/env` or `lib/env.test.ts` → `env.ts`. `folders` are the folders of lib/.
 */
function libPart(projectPath: string, folders: ReadonlySet<string>): string | undefined {
  const parts = projectPath.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return undefined;
  if (parts.length === 2 && !folders.has(parts[1]!)) return `${parts[1]!.replace(SOURCE, "").replace(/\.test$/, "")}.ts`;
  return parts[1];
}

/** Every import (static, type-only, re-export, dynamic) of every file, resolved to project paths. */
function listImports(files: SourceFiles): { file: string; specifier: string; target: string }[] {
  const found: { file: string; specifier: string; target: string }[] = [];
  for (const [file, text] of files) {
    const info = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      const target = resolveSpecifier(file, specifier);
      if (target !== undefined) found.push({ file, specifier, target });
    }
  }
  return found;
}

/** Test code: test files and the per-folder test helpers (`test-helpers.ts`, `testing.ts`). */
export function isTestCode(file: string): boolean {
  return /\.test\.tsx?$|(^|\/)(test-helpers|testing)\.ts$/.test(file);
}

/**
 * The imports between different parts of lib/. lib/testing is the test harness of every folder (it starts the
 * emulator, makes connections): test code importing it is not a layer's dependency and is left out; anything else
 * importing it is kept (and is reported by nonTestImportsOfHarness).
 */
export function libFolderEdges(files: SourceFiles): FolderEdge[] {
  const folders = new Set([...files.keys()].map((file) => file.split("/")).filter((parts) => parts[0] === "lib" && parts.length > 2).map((parts) => parts[1]!));
  const edges: FolderEdge[] = [];
  for (const { file, specifier, target } of listImports(files)) {
    const from = libPart(file, folders);
    const to = libPart(target, folders);
    if (to === "testing" && isTestCode(file)) continue;
    if (from !== undefined && to !== undefined && from !== to) edges.push({ from, to, file, specifier });
  }
  return edges;
}

/** Production code of lib/ that imports the test harness lib/testing. */
export function nonTestImportsOfHarness(files: SourceFiles): { file: string; specifier: string }[] {
  return listImports(files)
    .filter(({ file, target }) => file.startsWith("lib/") && !file.startsWith("lib/testing/") && /^lib\/testing(\/|$)/.test(target) && !isTestCode(file))
    .map(({ file, specifier }) => ({ file, specifier }));
}

/** Imports from lib/ into app/ or components/ (lib is the domain; it never depends on the UI). */
export function libToUiImports(files: SourceFiles): { file: string; specifier: string }[] {
  return listImports(files)
    .filter(({ file, target }) => file.startsWith("lib/") && /^(app|components)(\/|$)/.test(target))
    .map(({ file, specifier }) => ({ file, specifier }));
}

/**
 * The cycles of the folder graph: each strongly connected component with more than one part, as its sorted parts.
 * Tarjan's algorithm; the graph is small (a few dozen parts).
 */
export function findFolderCycles(edges: readonly FolderEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)!.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A readable account of one cycle: the imports that close it, one a line. */
export function describeCycle(cycle: readonly string[], edges: readonly FolderEdge[]): string {
  const members = new Set(cycle);
  const lines = edges
    .filter(({ from, to }) => members.has(from) && members.has(to))
    .map(({ from, to, file, specifier }) => `  ${from} → ${to}: ${file} imports "${specifier}"`);
  return [`cycle between ${cycle.join(", ")}:`, ...[...new Set(lines)].sort()].join("\n");
}

/** The static imports of one file that reach run-time code: `import type`, type-only names and dynamic imports left out. */
function runtimeImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typesOnly = clause?.isTypeOnly || (clause && !clause.name && named && named.length > 0 && named.every((e) => e.isTypeOnly));
      if (!typesOnly) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && !statement.isTypeOnly) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

function findSourceFile(files: SourceFiles, target: string): string | undefined {
  return ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => target + ext).find((candidate) => files.has(candidate));
}

/**
 * Where the browser's first load of `entries` (route files: layouts and pages) imports `packageName`: each chain of
 * files from an entry through its first "use client" module (where the browser's bundle begins) to the file that
 * imports the package. Server components before the boundary do not count; neither do dynamic imports (loaded later).
 */
export function clientImportsOfPackage(files: SourceFiles, entries: readonly string[], packageName: string): string[][] {
  const chains: string[][] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[], inBrowser: boolean) => {
    const text = files.get(file)!;
    const browser = inBrowser || /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(text);
    const key = `${file}:${browser}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const specifier of runtimeImports(file, text)) {
      if (browser && (specifier === packageName || specifier.startsWith(`${packageName}/`))) chains.push([...chain, file]);
      const target = resolveSpecifier(file, specifier);
      const found = target === undefined ? undefined : findSourceFile(files, target);
      if (found) visit(found, [...chain, file], browser);
    }
  };
  for (const entry of entries) visit(entry, [], false);
  return chains;
}
