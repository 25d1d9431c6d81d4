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
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "../lib/*", "../app/*", "../components/*"], message: "The emulator must not import the app's code." }] }],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "bench/results/**"]),
]);
