/**
 * The bench's child processes: the emulator (its own process, so serving Ozon calls does not share the import's
 * event loop) and the production app (`next start`). Each is ended by its own pid when the bench finishes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export type Child = { process: ChildProcess; url: string; stop(): Promise<void> };

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      // The process group: `npx`/`next start` leave the real server as a child.
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    });
}

export async function startEmulatorProcess(options: { chats: number; messagesPerChat: number; questions?: number; reviews?: number }): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "emulator/main.ts",
      "--port",
      "0",
      "--chats",
      String(options.chats),
      "--messages-per-chat",
      String(options.messagesPerChat),
      "--rate-limit",
      "0",
      // Without them, the emulator's hand-made questions and reviews.
      ...(options.questions ? ["--questions", String(options.questions)] : []),
      ...(options.reviews ? ["--reviews", String(options.reviews)] : []),
    ],
    { stdio: ["ignore", "pipe", "inherit"], detached: true, env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=4096" } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`The emulator exited (${code}) before listening: ${out}`)));
  });
  return { process: child, url, stop: stopper(child) };
}

export async function startAppProcess(env: Record<string, string>, port: number): Promise<Child> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The app did not answer at ${url} within 2 minutes.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { process: child, url, stop: stopper(child) };
}

/** The pid and every descendant of it (the next-server process is a child of the `next start` launcher or is it). */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${name}/status`, "utf8"))?.[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** Resident memory (MB) of the app's server processes: the sum over the tree under the launcher. */
export function appRssMb(rootPid: number): number {
  let kb = 0;
  for (const pid of processTree(rootPid)) {
    try {
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return kb / 1024;
}
