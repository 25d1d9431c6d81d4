export type JobLoopOptions = {
  /** Names the loop; a process runs one loop per key (a second start returns the first's stop). */
  key: string;
  /** Pause between the end of one pass and the start of the next. */
  intervalMs: number;
  /** One pass. `signal` aborts when the loop stops. Its errors are logged, and the loop goes on. */
  run: (signal: AbortSignal) => Promise<void>;
  log: (message: string) => void;
  /** False: one loop per call (tests), not per process. */
  processWide?: boolean;
};

export type JobLoop = {
  /** Runs a pass now (after the current one, if one is running) instead of at the next interval. */
  wake: () => void;
  /** Stops the loop, aborting the pass in progress, and waits for it. */
  stop: () => Promise<void>;
};

const globalForJobs = globalThis as typeof globalThis & { __sellerInboxJobLoops?: Map<string, JobLoop> };
const loops = (globalForJobs.__sellerInboxJobLoops ??= new Map<string, JobLoop>());

/**
 * The scheduler hook of lib/jobs: a background loop started with the app (instrumentation.ts), one pass at a time,
 * `intervalMs` apart. What a pass works on it claims with claimLeases, so the loops of several instances share the
 * work without two doing the same row.
 */
export function startJobLoop(options: JobLoopOptions): JobLoop {
  const processWide = options.processWide ?? true;
  const existing = processWide ? loops.get(options.key) : undefined;
  if (existing) return existing;

  const controller = new AbortController();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;
  let again = false;

  const pass = () => {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    clearTimeout(timer);
    current = options
      .run(controller.signal)
      .catch((error: unknown) => {
        if (!stopped) options.log(`${options.key}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        current = null;
        if (stopped) return;
        if (again) {
          again = false;
          timer = setTimeout(pass, 0);
        } else {
          timer = setTimeout(pass, options.intervalMs);
        }
      });
  };
  timer = setTimeout(pass, 0);

  const loop: JobLoop = {
    wake: () => pass(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      controller.abort(new Error(`${options.key} is stopping.`));
      await current;
      if (processWide && loops.get(options.key) === loop) loops.delete(options.key);
    },
  };
  if (processWide) loops.set(options.key, loop);
  return loop;
}
