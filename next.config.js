// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM Postgres and pg/Prisma's adapters load native-ish modules at run time:
  // they must be required from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  // Several end-to-end runs on one machine each build into a folder of their own (see playwright.config.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (app, lib, emulator, tests) with tsc; checking again in every build
  // would only double a 2-core machine's build time.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // `next dev` serves its scripts only to known hosts; the demo prints localhost but people also open 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
};

module.exports = nextConfig;
