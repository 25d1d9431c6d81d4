import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain never depends on the UI: the folder tree must stay readable as layers.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"], message: "lib/ must not import app/ or components/." }] }],
    },
  },
  {
    // The emulator is the other side of the wire: sharing the app's code would let one mistake pass both sides.
    files: ["emulator/**"],
    rules: {
      // A regular expression, not globs: "../lib/*" would miss "../../lib/env" from emulator/routes/.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: String.raw`^(@/|(\.\./)+(lib|app|components|scripts|bench|e2e|prisma|proxy|instrumentation)(/|\.|$))`,
              message: "The emulator must not import the app's code.",
            },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read once, in lib/env.ts (parsed, with its defaults); elsewhere a setting is imported from it.
    files: ["lib/**", "app/**", "components/**"],
    ignores: ["lib/env.ts", "lib/testing/**", "lib/**/testing.ts", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts (getEnv), where every variable is parsed and its default kept." }],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "bench/results/**"]),
]);
