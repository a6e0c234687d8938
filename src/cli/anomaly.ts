import { SeriesDetector } from '../anomaly/series-detector.ts';
import { toEpochMs } from '../anomaly/market-guard.ts';
import { parseFlags, UsageError, type Subcommand } from './io.ts';
import { expectObject, processJsonLines } from './jsonl.ts';

const kHelp = `usage: tollgate anomaly --series-key FIELD [--threshold S] [--warmup N] [--seasonality hour-of-week|half-hour-of-day]

Reads JSON Lines points on stdin, each {FIELD: <series name>, "ts": <ISO-8601 time or epoch ms>,
"value": <number>, "id"?: ...}, and writes one line per point, in input order:
  {"id"?, "score": <0..1>, "flagged": <bool>, "findings": [{"id", "detector", "statistic", "value", "threshold"}]}
Each series is learned separately, in stream order (streaming: no look-ahead). A malformed line
yields {"id": <id if readable, else the line number>, "error": "..."} and the stream goes on.
Exit status 0 only if every line was processed.

  --series-key FIELD  field naming the series (required)
  --threshold S       score at or above which a point is flagged (default 0.5 = a detector at its threshold)
  --warmup N          points a series needs before it is scored (default 30)
  --seasonality M     seasonal buckets: hour-of-week (default) or half-hour-of-day
`;

export const run: Subcommand = async (args, io) => {
  const { flags } = parseFlags(args, { strings: ['series-key', 'threshold', 'warmup', 'seasonality'], booleans: ['help'] });
  if (flags.help) {
    io.stdout.write(kHelp);
    return 0;
  }
  const key = flags['series-key'];
  if (typeof key !== 'string' || key === '') throw new UsageError('--series-key FIELD is required');
  const threshold = flags.threshold === undefined ? 0.5 : Number(flags.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold must be a number in (0, 1], got '${String(flags.threshold)}'`);
  const warmup = flags.warmup === undefined ? 30 : Number(flags.warmup);
  if (!Number.isInteger(warmup) || warmup < 0) throw new UsageError(`--warmup must be a non-negative integer, got '${String(flags.warmup)}'`);
  const seasonality = flags.seasonality ?? 'hour-of-week';
  if (seasonality !== 'hour-of-week' && seasonality !== 'half-hour-of-day') {
    throw new UsageError(`--seasonality must be hour-of-week or half-hour-of-day, got '${String(seasonality)}'`);
  }
  const detector = new SeriesDetector({ flagThreshold: threshold, warmup, seasonality });
  const { failed } = await processJsonLines(io.stdin, io.stdout, (value, lineNo) => {
    const line = expectObject(value);
    const series = line[key];
    if (typeof series !== 'string' && typeof series !== 'number') {
      throw new Error(`line ${lineNo}: "${key}" (the series key) must be a string, got ${series === undefined ? 'nothing' : JSON.stringify(series)}`);
    }
    if (line.ts === undefined) throw new Error(`line ${lineNo}: "ts" is missing (ISO-8601 time or epoch ms)`);
    const ts = toEpochMs(line.ts, `line ${lineNo}: "ts"`);
    const v = line.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`line ${lineNo}: "value" must be a finite number, got ${JSON.stringify(v) ?? 'nothing'}`);
    const r = detector.observe(String(series), ts, v);
    const out: Record<string, unknown> = {};
    if (line.id !== undefined) out.id = line.id;
    out.score = r.score;
    out.flagged = r.flagged;
    out.findings = r.findings;
    return out;
  });
  return failed === 0 ? 0 : 1;
};
