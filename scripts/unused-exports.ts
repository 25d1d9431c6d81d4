import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { isTestCode, resolveSpecifier, type SourceFiles } from "./import-graph";

/** One exported value (a function, class, enum, constant, default export) of a file. */
export type ExportedValue = { file: string; name: string };

/** An exported value nobody imports; `inFile` when its own file uses it (then only the `export` keyword is extra). */
export type UnusedExport = ExportedValue & { inFile: boolean };

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIPPED_DIRS = new Set(["node_modules", "generated", ".git", ".data", "test-results", "playwright-report", "results"]);

/** Every TypeScript file of the project (relative paths with `/`), skipping dependencies, build output and generated code. */
export function readProjectSources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".next")) walk(child);
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.set(child, readFileSync(path.join(root, child), "utf8"));
      }
    }
  };
  walk("");
  return files;
}

/** Names Next.js (or a tool's configuration loader) reads from a file by convention: exported, never imported. */
function conventionalExports(file: string): ReadonlySet<string> | "all" {
  const base = path.posix.basename(file).replace(SOURCE, "");
  if (file.startsWith("app/")) {
    const segment = ["dynamic", "dynamicParams", "revalidate", "fetchCache", "runtime", "preferredRegion", "maxDuration"];
    if (base === "route") return new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", ...segment]);
    if (["page", "layout", "template", "default", "loading", "error", "global-error", "not-found", "forbidden", "unauthorized"].includes(base)) {
      return new Set(["default", "metadata", "generateMetadata", "viewport", "generateViewport", "generateStaticParams", ...segment]);
    }
    if (["icon", "apple-icon", "opengraph-image", "twitter-image", "sitemap", "robots", "manifest"].includes(base)) return "all";
  }
  if (file === "proxy.ts" || file === "middleware.ts") return new Set(["default", "proxy", "middleware", "config"]);
  if (file === "instrumentation.ts") return new Set(["register", "onRequestError"]);
  if (!file.includes("/") && /\.config$/.test(base)) return new Set(["default"]);
  // Playwright loads these by the paths written in playwright.config.ts.
  if (/^e2e\/global-(setup|teardown)$/.test(file.replace(SOURCE, ""))) return new Set(["default"]);
  return new Set();
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);

/** The project file an import specifier names (trying the extensions and index files a bundler would). */
function resolveFile(fromFile: string, specifier: string, files: SourceFiles): string | undefined {
  const target = resolveSpecifier(fromFile, specifier);
  if (target === undefined) return undefined;
  const candidates = [target, ...[".ts", ".tsx", "/index.ts", "/index.tsx"].map((suffix) => `${target}${suffix}`)];
  return candidates.find((candidate) => files.has(candidate));
}

type FileFacts = {
  /** Exported values with the identifier node that declares each (undefined for `export default <expression>`). */
  exports: Map<string, ts.Identifier | undefined>;
  /** Names this file imports or re-exports, per project file. "*" stands for all of a file's exports. */
  uses: { target: string; name: string }[];
  source: ts.SourceFile;
};

function readFacts(file: string, text: string, files: SourceFiles): FileFacts {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const exports = new Map<string, ts.Identifier | undefined>();
  const uses: FileFacts["uses"] = [];
  const addUse = (specifier: ts.Expression | undefined, name: string) => {
    if (specifier === undefined || !ts.isStringLiteral(specifier)) return;
    const target = resolveFile(file, specifier.text, files);
    if (target !== undefined) uses.push({ target, name });
  };

  for (const statement of source.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) addUse(statement.moduleSpecifier, "default");
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) addUse(statement.moduleSpecifier, "*");
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) addUse(statement.moduleSpecifier, (element.propertyName ?? element.name).text);
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause || ts.isNamespaceExport(statement.exportClause)) {
        addUse(statement.moduleSpecifier, "*");
      } else {
        for (const element of statement.exportClause.elements) {
          if (statement.moduleSpecifier) addUse(statement.moduleSpecifier, (element.propertyName ?? element.name).text);
          if (!statement.isTypeOnly && !element.isTypeOnly) exports.set(element.name.text, undefined);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      exports.set("default", undefined);
    } else if (exported && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement))) {
      if (isDefault) exports.set("default", undefined);
      else if (statement.name) exports.set(statement.name.text, statement.name);
    } else if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const names: ts.Identifier[] = [];
        const collect = (binding: ts.BindingName) => {
          if (ts.isIdentifier(binding)) names.push(binding);
          else for (const element of binding.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
        };
        collect(declaration.name);
        for (const name of names) exports.set(name.text, name);
      }
    }
  }

  // import("x") and typeof import("x"): any export may be read from the module object.
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) addUse(node.arguments[0], "*");
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) addUse(node.argument.literal, "*");
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { exports, uses, source };
}

/** Whether `name` is used in its own file besides where it is declared and exported. */
function usedInFile(source: ts.SourceFile, name: string, declaration: ts.Identifier | undefined): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration && !ts.isExportSpecifier(node.parent)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Exported values no other file imports, Next's conventional exports aside. Test code counts as a user when
 * `countTests` (a helper exported for its test is in use); without it, the list is what production code never reads.
 */
export function findUnusedExports(files: SourceFiles, options: { countTests?: boolean } = {}): UnusedExport[] {
  const facts = new Map([...files].map(([file, text]) => [file, readFacts(file, text, files)]));
  const used = new Set<string>();
  for (const [file, { uses }] of facts) {
    if (options.countTests === false && isTestCode(file)) continue;
    for (const { target, name } of uses) {
      if (target === file) continue;
      if (name === "*") for (const exported of facts.get(target)?.exports.keys() ?? []) used.add(`${target}\0${exported}`);
      else used.add(`${target}\0${name}`);
    }
  }
  const unused: UnusedExport[] = [];
  for (const [file, { exports, source }] of facts) {
    if (options.countTests === false && isTestCode(file)) continue;
    const conventional = conventionalExports(file);
    if (conventional === "all") continue;
    for (const [name, declaration] of exports) {
      if (conventional.has(name) || used.has(`${file}\0${name}`)) continue;
      unused.push({ file, name, inFile: usedInFile(source, name, declaration) });
    }
  }
  return unused.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

/** One line an unused export, saying what to do about it. */
export function describeUnusedExport({ file, name, inFile }: UnusedExport): string {
  return `${file}: ${name} — ${inFile ? "used only in its file: drop the export keyword" : "used nowhere: remove it"}`;
}
