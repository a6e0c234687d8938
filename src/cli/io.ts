import type { Readable, Writable } from 'node:stream';

/** The streams a subcommand talks to; tests pass in-memory streams. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

/** A subcommand: parses its own flags, returns the process exit code. */
export type Subcommand = (args: string[], io: CliIO) => Promise<number>;

/** Thrown for bad flags; main prints the message and the usage line, exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Minimal flag parser: `--name value`, `--name=value`, and boolean `--flag`.
 * `booleans` names the flags that take no value. Unknown flags are an error so a typo never
 * silently falls back to a default.
 */
export function parseFlags(
  args: string[],
  spec: { strings?: string[]; booleans?: string[] },
): { flags: Record<string, string | boolean>; positionals: string[] } {
  const strings = new Set(spec.strings ?? []);
  const booleans = new Set(spec.booleans ?? []);
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (booleans.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
    } else if (strings.has(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      flags[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { flags, positionals };
}
