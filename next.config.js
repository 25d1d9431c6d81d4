// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM Postgres and pg/Prisma's adapters load native-ish modules at run time:
  // they must be required from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  // Several end-to-end runs on one machine each build into a folder of their own (see playwright.config.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // `next dev` serves its scripts only to known hosts; the demo prints localhost but people also open 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
  // `next dev` logs every request's path; a push URL's path is its secret (the token), so those are never logged.
  // (`next start` logs no requests; the push route logs without the path.) Checked by lib/push/push-log.test.ts.
  logging: { incomingRequests: { ignore: [/\/api\/push\//] } },
  // People type /login; the sign-in page is /sign-in (the query, e.g. callbackUrl, is passed on).
  async redirects() {
    return [{ source: "/login", destination: "/sign-in", permanent: false }];
  },
  // The app's icons: Next serves public/ with max-age=0, so the browser asked again for the favicon at every chat
  // opened (the URL changes): a day's cache instead (a new icon shows within a day).
  async headers() {
    return [
      {
        source: "/:icon(icon\\.svg|favicon\\.ico|apple-touch-icon\\.png|icon-192\\.png|icon-512\\.png|manifest\\.webmanifest)",
        headers: [{ key: "Cache-Control", value: "public, max-age=86400" }],
      },
    ];
  },
};

module.exports = nextConfig;
