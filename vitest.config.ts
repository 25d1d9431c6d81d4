import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Tests are server code: what Next resolves in its server bundles (server-only's "react-server" export).
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    environment: "node",
    // Fixed test-only secrets: the app refuses to start without them (lib/env.ts), and tests are a start too.
    env: {
      AUTH_SECRET: "test-only-auth-secret-0123456789abcdef",
      ENCRYPTION_KEY: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      // Tests stay quiet but for warnings and errors; lib/log/testing.ts reads lines at any level.
      LOG_LEVEL: "warn",
    },
    // Database and emulator tests start real servers; give them room on a busy 2-core machine (a hang guard, not
    // a speed check: speed is npm run bench's).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
