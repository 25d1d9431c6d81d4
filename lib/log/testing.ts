import type { LogLevel } from "@/lib/env";
import { logger } from "./logger";

/** One line the logger wrote, parsed. */
export type LogLine = { level: string; msg?: string; requestId?: string; err?: { message?: string; stack?: string } } & Record<string, unknown>;

/**
 * Tests: runs `run` and returns the logger's lines written meanwhile (at `level` and above), parsed; they are kept
 * off the test's output. Anything else written to stdout passes through.
 */
export async function captureLogLines(run: () => unknown, level: LogLevel = "trace"): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const write = process.stdout.write;
  const previousLevel = logger.level;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    const line = parseLogLine(text);
    if (line) {
      lines.push(line);
      return true;
    }
    return (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
  }) as typeof process.stdout.write;
  logger.level = level;
  try {
    await run();
  } finally {
    process.stdout.write = write;
    logger.level = previousLevel;
  }
  return lines;
}

function parseLogLine(text: string): LogLine | undefined {
  if (!text.startsWith("{")) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && "level" in value ? (value as LogLine) : undefined;
  } catch {
    return undefined;
  }
}
