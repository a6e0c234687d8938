import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.ts';

/** Runs the CLI in-process with in-memory streams; returns exit code, stdout and stderr. */
export async function runCli(args: string[], stdin = '', env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { stdin: Readable.from([stdin]), stdout, stderr, env });
  return { code, stdout: out, stderr: err };
}

export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}
