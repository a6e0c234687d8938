/**
 * The text bench/leak.bench.ts measures on (also read by bench/leak-diff.ts and profiling scripts):
 * team-written filler in the style of agent transcripts, tool outputs and market data, with one planted
 * leak per ~4 KB. Deterministic (fixed seed).
 */
import { TokenFactory } from '../test/leak/fixtures/tokens.ts';

/** Team-written filler in the style of agent transcripts, tool outputs and market data. */
export function buildText(bytes: number): { text: string; leaks: number } {
  const t = new TokenFactory(77);
  const filler = [
    () => `The agent rebalanced the ${['BTC', 'ETH', 'SOL', 'AAPL', 'NVDA'][t.int(5)]} position to ${t.int(40)}% of NAV after the ${t.int(60)}-minute momentum signal crossed zero. `,
    () => `tool_output: {"symbol": "ETHUSDT", "bid": ${3000 + t.int(900)}.${t.int(99)}, "ask": ${3000 + t.int(900)}.${t.int(99)}, "ts": 17163${t.digits(7)}} `,
    () => `Risk check passed: gross exposure ${t.int(9)}.${t.int(9)}x, max drawdown ${t.int(20)}.${t.int(9)}%, VaR(99%) $${t.int(900)},${t.digits(3)}. `,
    () => `User asked whether to hedge with puts; the model suggested a ${t.int(30)}-delta collar expiring in ${t.int(90)} days. `,
    () => `orderId=${t.digits(10)} status=FILLED qty=${t.int(500)} price=${t.int(70000)}.${t.int(99)} venue=${['binance', 'kraken', 'coinbase'][t.int(3)]} `,
    () => `Retrieved document says the fund's mandate limits single-name exposure and forbids leverage above 2x during earnings weeks.\n`,
  ];
  const leaks = [
    () => `api_key: ${t.binanceKey()}\n`,
    () => `AWS_ACCESS_KEY_ID=${t.awsAccessKey()} `,
    () => `token ${t.githubPat()} `,
    () => `card ${t.card('4')} `,
    () => `restore with ${t.mnemonic(12)}. `,
    () => `contact jane.roe@northpoint-capital.com `,
    () => `Authorization: Bearer ${t.jwt()}\n`,
  ];
  let text = '';
  let n = 0;
  let next = 4096;
  while (text.length < bytes) {
    text += filler[t.int(filler.length)]!();
    if (text.length >= next) {
      text += leaks[n % leaks.length]!();
      n++;
      next += 4096;
    }
  }
  return { text, leaks: n };
}
