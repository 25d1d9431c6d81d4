/** Test-only: runs lib/testing/outbox-child.ts as a process of its own, to be killed for real. */
import { spawn } from "node:child_process";
import path from "node:path";

export type OutboxChild = {
  /** Resolves with the first line of its output that `match` accepts (rejects if it exits first). */
  waitForLine(match: (line: string) => boolean): Promise<string>;
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once it is gone. */
  kill(): Promise<void>;
  /** Resolves with the exit code once it ends by itself. */
  exited: Promise<number | null>;
  /** Everything it wrote (stdout and stderr), for failure messages. */
  output(): string;
};

const ROOT = path.resolve(__dirname, "../..");

export function spawnOutboxChild(env: Record<string, string | undefined>, input: unknown): OutboxChild {
  // node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a child process of its own, which a
  // SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/testing/outbox-child.ts", JSON.stringify(input)], {
    cwd: ROOT,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const lines: string[] = [];
  const waiters: { match: (line: string) => boolean; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let buffered = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    buffered += chunk;
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then(() => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`The outbox child exited before the line. Its output:\n${output}`));
  });
  return {
    waitForLine(match) {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`The outbox child has exited. Its output:\n${output}`));
      return new Promise((resolve, reject) => waiters.push({ match, resolve, reject }));
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    exited,
    output: () => output,
  };
}
