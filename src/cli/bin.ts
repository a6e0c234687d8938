#!/usr/bin/env node
// The executable: everything testable lives in main.ts, which tests call in-process.
import { main } from './main.ts';

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tollgate: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
