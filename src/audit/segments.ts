/**
 * Layout of the embedded store: `segment-000001.jsonl`, `segment-000002.jsonl`, ... (one record
 * per line) and `checkpoints.jsonl` (one signed checkpoint per line) in one directory.
 * Shared by the writer (file-sink.ts) and the readers (verify, export, replay).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CHECKPOINT_FILE = 'checkpoints.jsonl';
const kSegmentPattern = /^segment-(\d{6,})\.jsonl$/;

export function segmentName(index: number): string {
  return `segment-${String(index).padStart(6, '0')}.jsonl`;
}

/** Segment files in the directory, in index order. */
export async function listSegments(dir: string): Promise<{ index: number; name: string; path: string }[]> {
  const names = await readdir(dir);
  return names
    .map((name) => ({ name, m: kSegmentPattern.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => ({ index: Number(m[1]), name, path: join(dir, name) }))
    .sort((a, b) => a.index - b.index);
}

export interface StoredLine {
  file: string;
  /** 1-based line number within the file. */
  line: number;
  text: string;
  /** True for the last line of a file when it has no terminating newline (a torn write). */
  unterminated: boolean;
}

/**
 * Every line of a JSON Lines file, with its location; the final line may be unterminated.
 *
 * A segment may end in zero bytes: space the writer preallocated and had not filled when it was
 * stopped (see file-sink.ts). JSON text never holds a raw NUL, so the first NUL ends the data; but
 * anything other than zeros after it is damage or an attempt to hide records behind "padding",
 * and is an error naming the byte offset.
 */
export async function readLines(path: string, file: string): Promise<StoredLine[]> {
  const bytes = await readFile(path);
  const end = dataEnd(bytes, file);
  if (end === 0) return [];
  const content = bytes.toString('utf8', 0, end);
  const parts = content.split('\n');
  const terminated = content.endsWith('\n');
  if (terminated) parts.pop();
  return parts.map((text, i) => ({ file, line: i + 1, text, unterminated: !terminated && i === parts.length - 1 }));
}

/** Length of the data before zero padding; throws if non-zero bytes follow the padding. */
export function dataEnd(bytes: Buffer, file: string): number {
  const end = bytes.indexOf(0);
  if (end === -1) return bytes.length;
  for (let i = end; i < bytes.length; i++) {
    if (bytes[i] !== 0) {
      throw new Error(`${file}: non-zero byte at offset ${i} after zero padding that starts at offset ${end} (damaged, or records hidden behind padding)`);
    }
  }
  return end;
}

/** All record lines of a log in segment order. */
export async function* readRecordLines(dir: string): AsyncGenerator<StoredLine & { lastSegment: boolean }> {
  const segments = await listSegments(dir);
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    for (const line of await readLines(seg.path, seg.name)) yield { ...line, lastSegment: s === segments.length - 1 };
  }
}
