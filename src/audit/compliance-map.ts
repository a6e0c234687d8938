/**
 * Our mapping from a decision to the frameworks auditors ask about. Written by the team as a
 * starting point for a compliance review, not legal advice; the table is data so a deployer can
 * adjust it.
 *
 * - OWASP Top 10 for LLM Applications (2025): the finding's own id, named.
 * - NIST AI RMF 1.0 functions: every logged decision is MEASURE (risks are tracked and measured,
 *   MEASURE 2.7 security and resilience; MEASURE 3 tracking); a decision that acts on a risk
 *   (challenge, restrict, deny) is also MANAGE (risk response, MANAGE 2/4); the log as a whole
 *   serves GOVERN 1 (accountability and documented processes), which is a property of keeping
 *   the log, so it appears on every row.
 * - EU AI Act (Regulation (EU) 2024/1689): Art. 12 record-keeping on every row (automatic
 *   logging of events); Art. 14 human oversight when the decision asks a human (`challenge`);
 *   Art. 15 accuracy, robustness and cybersecurity for attacks on the model or its inputs
 *   (injection, poisoning, supply chain, embedding weaknesses, excessive agency, unbounded
 *   consumption, disclosure); Art. 10 data and data governance for data poisoning. Misinformation
 *   (LLM09) is about model output quality rather than an attack, so it maps to no article beyond 12.
 */
export const OWASP_LLM_NAMES: Record<string, string> = {
  LLM01: 'Prompt Injection',
  LLM02: 'Sensitive Information Disclosure',
  LLM03: 'Supply Chain',
  LLM04: 'Data and Model Poisoning',
  LLM05: 'Improper Output Handling',
  LLM06: 'Excessive Agency',
  LLM07: 'System Prompt Leakage',
  LLM08: 'Vector and Embedding Weaknesses',
  LLM09: 'Misinformation',
  LLM10: 'Unbounded Consumption',
};

/** EU AI Act articles implicated by a finding of each OWASP category (besides Art. 12 on every record). */
export const EU_AI_ACT_BY_OWASP: Record<string, string[]> = {
  LLM01: ['Art. 15'],
  LLM02: ['Art. 15'],
  LLM03: ['Art. 15'],
  LLM04: ['Art. 10', 'Art. 15'],
  LLM05: ['Art. 15'],
  LLM06: ['Art. 14', 'Art. 15'],
  LLM07: ['Art. 15'],
  LLM08: ['Art. 15'],
  LLM09: [],
  LLM10: ['Art. 15'],
};

export const EU_AI_ACT_TITLES: Record<string, string> = {
  'Art. 10': 'Data and data governance',
  'Art. 12': 'Record-keeping',
  'Art. 14': 'Human oversight',
  'Art. 15': 'Accuracy, robustness and cybersecurity',
};

const kActingVerdicts = new Set(['challenge', 'restrict', 'deny']);

export interface ComplianceColumns {
  owaspIds: string[];
  owaspNames: string[];
  nistAiRmf: string[];
  euAiAct: string[];
}

export function complianceColumns(record: { verdict: string; findings: { owasp?: string }[] }): ComplianceColumns {
  const owaspIds = [...new Set(record.findings.map((f) => f.owasp).filter((o): o is string => typeof o === 'string'))].sort();
  const nist = ['GOVERN', 'MEASURE'];
  if (kActingVerdicts.has(record.verdict)) nist.push('MANAGE');
  const articles = new Set(['Art. 12']);
  if (record.verdict === 'challenge') articles.add('Art. 14');
  for (const id of owaspIds) for (const art of EU_AI_ACT_BY_OWASP[id] ?? []) articles.add(art);
  return {
    owaspIds,
    owaspNames: owaspIds.map((id) => OWASP_LLM_NAMES[id] ?? id),
    nistAiRmf: nist,
    euAiAct: [...articles].sort((a, b) => Number(a.slice(5)) - Number(b.slice(5))),
  };
}
