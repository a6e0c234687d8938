/**
 * The leak pass alone on the bench text, for profiling: `node --import tsx --cpu-prof bench/leak-profile.ts`.
 * Prints the median time of `--rounds` passes after a warm-up.
 */
import { detectLeaks } from '../src/leak/index.ts';
import { buildText } from './leak-text.ts';

const arg = (name: string, d: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || d;
const { text } = buildText(arg('--mb', 4) * 1024 * 1024);
for (let i = 0; i < 5; i++) detectLeaks(text);
const ms: number[] = [];
let n = 0;
for (let i = 0; i < arg('--rounds', 20); i++) {
  const t0 = performance.now();
  n = detectLeaks(text).length;
  ms.push(performance.now() - t0);
}
ms.sort((a, b) => a - b);
console.log(`${n} findings; median ${ms[ms.length >> 1]!.toFixed(1)} ms, min ${ms[0]!.toFixed(1)} ms (${((text.length / 1048576) / (ms[ms.length >> 1]! / 1000)).toFixed(1)} MB/s)`);
