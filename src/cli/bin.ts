#!/usr/bin/env node
// The executable: everything testable lives in main.ts, which tests call in-process.
import { main } from './main.ts';

// A reader that stops early (`tollgate scan < in.jsonl | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of dying with an unhandled EPIPE stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tollgate: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
