import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Outcome of one input line: the object to print, and whether the line failed. */
export interface LineOutcome {
  output: Record<string, unknown>;
  failed: boolean;
}

/**
 * Reads JSON Lines from `input` and writes exactly one JSON line per non-blank input line, in
 * input order. `handle` gets the parsed value and its 1-based line number and returns the output
 * object; a line that is not JSON, or whose handler throws, yields
 * `{"id": <id if readable, else the line number>, "error": "<message>"}` in its place and the
 * stream goes on: a malformed line fails that line, never the batch.
 *
 * Handlers may be async; up to `concurrency` lines are in flight at once but output order is
 * always input order. Returns the number of failed lines.
 */
export async function processJsonLines(
  input: Readable,
  output: Writable,
  handle: (value: unknown, lineNo: number) => Promise<Record<string, unknown>> | Record<string, unknown>,
  options: { concurrency?: number } = {},
): Promise<{ lines: number; failed: number }> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const rl = createInterface({ input, crlfDelay: Infinity });
  const pending: Promise<LineOutcome>[] = [];
  let lines = 0;
  let failed = 0;

  const flushOne = async (): Promise<void> => {
    const outcome = await pending.shift()!;
    if (outcome.failed) failed++;
    const text = JSON.stringify(outcome.output) + '\n';
    if (!output.write(text)) await new Promise<void>((resolve) => output.once('drain', resolve));
  };

  let lineNo = 0;
  for await (const raw of rl) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    lines++;
    pending.push(runLine(line, lineNo, handle));
    if (pending.length >= concurrency) await flushOne();
  }
  while (pending.length > 0) await flushOne();
  return { lines, failed };
}

async function runLine(
  line: string,
  lineNo: number,
  handle: (value: unknown, lineNo: number) => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<LineOutcome> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { output: { id: lineNo, error: `line ${lineNo}: not valid JSON (${(err as Error).message})` }, failed: true };
  }
  try {
    return { output: await handle(value, lineNo), failed: false };
  } catch (err) {
    return { output: { id: readableId(value, lineNo), error: (err as Error).message }, failed: true };
  }
}

/** The caller's id when the line has a usable one, else the line number. */
export function readableId(value: unknown, lineNo: number): string | number {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return lineNo;
}

/** Asserts `value` is a plain JSON object; the message names what it got instead. */
export function expectObject(value: unknown, what = 'line'): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new Error(`${what} must be a JSON object, got ${got}`);
  }
  return value as Record<string, unknown>;
}
