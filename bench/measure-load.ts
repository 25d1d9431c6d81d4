/** 50 concurrent sessions on one route with autocannon: requests a second, p95 latency, and the app's RSS. */
import { createRequire } from "node:module";
import { appRssMb } from "./processes";
import { summarize } from "./stats";

type Instance = { on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void };
type Result = { requests: { average: number; total: number }; non2xx: number; errors: number; duration: number };
type Autocannon = ((options: Record<string, unknown>, done: (error: Error | null, result: Result) => void) => Instance);

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export type LoadFigure = { name: string; path: string; connections: number; seconds: number; rps: number; p95: number; median: number; non2xx: number; errors: number; rssBeforeMb: number; rssPeakMb: number };

export async function measureLoad(options: { name: string; appUrl: string; path: string; cookies: string[]; seconds: number; appPid: number }): Promise<LoadFigure> {
  const rssBeforeMb = appRssMb(options.appPid);
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, appRssMb(options.appPid))), 250);
  let next = 0;
  const latencies: number[] = [];
  try {
    const result = await new Promise<Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: options.appUrl,
          connections: options.cookies.length,
          duration: options.seconds,
          requests: [
            {
              method: "GET",
              path: options.path,
              // One session per connection: the context lives as long as the connection.
              setupRequest: (request: Record<string, unknown>, context: { cookie?: string }) => {
                context.cookie ??= options.cookies[next++ % options.cookies.length];
                return { ...request, headers: { ...(request.headers as object), cookie: context.cookie } };
              },
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
    });
    const summary = summarize(latencies);
    return {
      name: options.name,
      path: options.path,
      connections: options.cookies.length,
      seconds: options.seconds,
      rps: result.requests.total / options.seconds,
      p95: summary.p95,
      median: summary.median,
      non2xx: result.non2xx,
      errors: result.errors,
      rssBeforeMb,
      rssPeakMb,
    };
  } finally {
    clearInterval(sampler);
  }
}
