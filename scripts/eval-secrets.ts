/**
 * Evaluates the leak detectors on the secret test vectors in ../shared/datasets/secrets (EVALUATION ONLY:
 * nothing here feeds back into rules or thresholds) and on the team's own leak corpus (corpus/leaks/*.jsonl).
 * Prints a per-family table: secrets found %, near misses flagged %. `--json` prints the table as JSON.
 *
 *   npm run eval:secrets            # table
 *   npx tsx scripts/eval-secrets.ts --json
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectLeaks } from '../src/leak/index.ts';

export interface FamilyRow {
  family: string;
  secrets: number;
  found: number;
  nearMisses: number;
  flagged: number;
}

interface Row {
  id: string;
  text: string;
  label: string;
  rule: string;
  /** Team corpus rows name their family. */
  family?: string;
}

const kSecretsDir = new URL('../../shared/datasets/secrets/', import.meta.url).pathname;
const kCorpusDir = new URL('../corpus/leaks/', import.meta.url).pathname;

/** Maps a dataset rule name to the reporting family (by the kind of credential, not by our rule names). */
export function familyOf(rule: string): string {
  const r = rule.replace(/^detect-secrets:/, '').replace(/ \(.*\)$/, '').toLowerCase();
  if (r.startsWith('bip39')) return 'wallet: bip39 mnemonic';
  if (r.startsWith('bip32') || r.includes('wif') || r.includes('xprv')) return 'wallet: xprv/wif';
  if (r.includes('exchange')) return 'exchange api keys';
  if (/^(aws|gcp|azure|ibm|softlayer|cloudant|cloudflare|heroku|flyio|openshift|kubernetes|vault|hashicorp|databricks|clickhouse|scalingo|alibaba|digitalocean)/.test(r)) return 'cloud';
  if (/^(github|gitlab|npm|pypi|artifactory|nuget|sonar|snyk|sourcegraph|octopus|infracost|prefect|pulumi|sentry|grafana|sidekiq|readme|intra42|sumologic|okta|atlassian|1password|age|maxmind|notion|beamer|etsy|freemius|cisco|hubspot|messagebird)/.test(r)) return 'devops & saas';
  if (/^(slack|discord|telegram|twilio|sendgrid|mailchimp|facebook)/.test(r)) return 'messaging & social';
  if (/^(stripe|square|easypost)/.test(r)) return 'payments';
  if (/^(openai|anthropic|huggingface|perplexity|cohere|privateai|aws-amazon-bedrock)/.test(r)) return 'ai providers';
  if (r === 'jwt' || r.startsWith('jwt')) return 'jwt';
  if (r.includes('private-key') || r.includes('private_key')) return 'private keys';
  if (/^(generic|keyword|basic_auth|curl|password)/.test(r)) return 'generic & passwords';
  if (r.startsWith('ip_')) return 'ip addresses';
  return 'other';
}

function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
}

/** Runs one file set; a row is "found" when any secret or pii finding comes back, "flagged" when a secret finding does. */
export function evaluate(rows: Row[], familyFor: (r: Row) => string = (r) => familyOf(r.rule)): FamilyRow[] {
  const table = new Map<string, FamilyRow>();
  for (const row of rows) {
    const fam = familyFor(row);
    const t = table.get(fam) ?? { family: fam, secrets: 0, found: 0, nearMisses: 0, flagged: 0 };
    table.set(fam, t);
    const findings = detectLeaks(row.text);
    if (row.label === 'secret') {
      t.secrets++;
      if (findings.length > 0) t.found++;
    } else {
      t.nearMisses++;
      if (findings.some((f) => f.family === 'secret' || f.family === 'canary')) t.flagged++;
    }
  }
  return [...table.values()].sort((a, b) => a.family.localeCompare(b.family));
}

function total(rows: FamilyRow[], name: string): FamilyRow {
  return rows.reduce((a, r) => ({ family: name, secrets: a.secrets + r.secrets, found: a.found + r.found, nearMisses: a.nearMisses + r.nearMisses, flagged: a.flagged + r.flagged }), { family: name, secrets: 0, found: 0, nearMisses: 0, flagged: 0 });
}

const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

export function formatTable(rows: FamilyRow[]): string {
  const lines = ['| family | secrets | found | near misses | flagged |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.family} | ${r.secrets} | ${pct(r.found, r.secrets)} | ${r.nearMisses} | ${pct(r.flagged, r.nearMisses)} |`);
  return lines.join('\n');
}

export function evaluateSecretVectors(): { table: FamilyRow[]; total: FamilyRow; byFile: FamilyRow[] } | null {
  if (!existsSync(kSecretsDir)) return null;
  const files = readdirSync(kSecretsDir).filter((f) => f.endsWith('.jsonl')).sort();
  const rows = files.flatMap((f) => readJsonl(join(kSecretsDir, f)).map((r) => ({ ...r, file: f })));
  const table = evaluate(rows);
  const byFile = evaluate(rows, (r) => (r as Row & { file: string }).file);
  return { table, total: total(table, 'all'), byFile };
}

export function evaluateTeamCorpus(): { table: FamilyRow[]; total: FamilyRow } | null {
  if (!existsSync(kCorpusDir)) return null;
  const rows = readdirSync(kCorpusDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readJsonl(join(kCorpusDir, f)));
  if (rows.length === 0) return null;
  const table = evaluate(rows, (r) => r.family ?? r.rule);
  return { table, total: total(table, 'all') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = process.argv.includes('--json');
  const vectors = evaluateSecretVectors();
  const corpus = evaluateTeamCorpus();
  if (json) {
    process.stdout.write(JSON.stringify({ vectors, corpus }, null, 2) + '\n');
  } else {
    if (vectors === null) process.stdout.write('secret test vectors: ../shared/datasets/secrets not present, skipped\n');
    else {
      process.stdout.write(`Secret test vectors (gitleaks + detect-secrets + BIP-39), evaluation only\n${formatTable([...vectors.table, vectors.total])}\n\n`);
      process.stdout.write(`By file\n${formatTable(vectors.byFile)}\n\n`);
    }
    if (corpus !== null) process.stdout.write(`Team leak corpus (corpus/leaks)\n${formatTable([...corpus.table, corpus.total])}\n`);
  }
}
