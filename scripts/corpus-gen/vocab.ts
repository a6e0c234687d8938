/**
 * Slot fillers shared by every language: tickers, invented companies, figures, addresses. Company
 * names, domains and people are invented for this corpus; tickers are short made-up symbols or
 * widely known index-level names used only as labels.
 */
import type { AnyLang } from './payloads.ts';
import type { Rng, Slots } from './rng.ts';

const kTickers = [
  'AAPL', 'MSFT', 'NVDA', 'AMZN', 'TSLA', 'JPM', 'XOM', 'KO', 'PFE', 'INTC', 'ORCL', 'BA', 'GS', 'NFLX', 'AMD',
  'SAP', 'ASML', 'TM', 'BABA', 'NVO', 'CVX', 'WMT', 'DIS', 'ADBE', 'CRM', 'UBER', 'SHOP', 'SONY', 'BMW', 'SIE',
  'QRVX', 'HLMT', 'BRNZ', 'KPTL', 'VNTR', 'ODYN', 'FJRD', 'LMNX',
];
const kCompanies = [
  'Northwind Semiconductors', 'Halvorsen Maritime', 'Castellan Foods', 'Brightwater Utilities', 'Kestrel Aerospace',
  'Orchid Biologics', 'Meridian Freight', 'Tallis Software', 'Aurora Copper', 'Quayside Retail', 'Pemberton Insurance',
  'Sable Ridge Energy', 'Lindqvist Robotics', 'Corvina Pharma', 'Ashgrove Capital', 'Marlow & Finch Bank',
  'Veridian Telecom', 'Ostara Materials', 'Helix Payments', 'Galloway Steel', 'Redfern Hotels', 'Tamsin Medical',
  'Blue Heron Logistics', 'Ironbark Mining', 'Solenne Cosmetics', 'Wexford Data Systems',
];
const kCrypto = ['ZQX', 'MOONR', 'PEPRA', 'SOLVAULT', 'GLDX', 'KRAKN', 'NEBULA', 'TURBO9', 'OWLCOIN', 'FROGE', 'BTC', 'ETH', 'SOL'];
const kPeople = [
  'Maria Okafor', 'Daniel Reyes', 'Priya Raman', 'Tom Becker', 'Sofia Lindgren', 'Kenji Watanabe', 'Li Wei',
  'Amélie Durand', 'Jonas Weber', 'Carmen Ortega', 'Hiroshi Sato', 'Chen Jing', 'Grace Mensah', 'Oliver Hart',
  'Nadia Haddad', 'Lukas Brandt', 'Elena Petrova', 'Samuel Adeyemi', 'Yuki Tanaka', 'Lucía Navarro',
];
const kEvilDomains = [
  'ledger-sync.io', 'metrics-cdn.net', 'img-quantstats.co', 'api-verify-wallet.com', 'secure-kyc-check.org',
  'cdn-pixel-track.net', 'docs-preview.app', 'trade-signal.cc', 'acct-recovery.support', 'fastpay-bridge.xyz',
  'report-mirror.info', 'analytics-beacon.dev', 'webhook-relay.site', 'statements-portal.biz',
];
const kNeutralDomains = ['northwind-data.com', 'quayside-ir.net', 'brightwater.co', 'meridianfreight.io', 'tallis.dev', 'helixpay.app'];
const kBenignDomains = ['charts.internal', 'research.example.com', 'ir.example.org', 'intranet.desk.local', 'docs.example.net', 'data.example.com'];
const kTopics = ['the autumn sea', 'a lighthouse keeper', 'coffee', 'penguins', 'the moon landing', 'a lost umbrella', 'mountain trains', 'old jazz records'];

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}
function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}
function b32(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'[rng.int(0, 31)];
  return s;
}

export function money(rng: Rng): string {
  return `$${rng.int(1, 950)}.${rng.int(0, 9)} million`;
}

/** Slots every language shares. */
export const kCommonSlots: Slots = {
  TICKER: kTickers,
  TICKER2: kTickers,
  COMPANY: kCompanies,
  COMPANY2: kCompanies,
  CRYPTO: kCrypto,
  PERSON: kPeople,
  PERSON2: kPeople,
  TOPIC: kTopics,
  QTY: (r) => String(r.pick([50, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1200, 2000, 2500])),
  BIGQTY: (r) => r.pick(['50,000', '120,000', '250,000', '400,000', '1,000,000', '75,000']),
  PRICE: (r) => `${r.int(8, 640)}.${String(r.int(0, 99)).padStart(2, '0')}`,
  PRICE2: (r) => `${r.int(8, 640)}.${String(r.int(0, 99)).padStart(2, '0')}`,
  PCT: (r) => `${r.int(1, 38)}.${r.int(0, 9)}%`,
  PCT2: (r) => `${r.int(1, 24)}.${r.int(0, 9)}%`,
  BPS: (r) => String(r.pick([5, 10, 15, 20, 25, 40, 50, 75])),
  MONEY: money,
  MONEY2: money,
  EPS: (r) => `${r.int(0, 6)}.${String(r.int(1, 99)).padStart(2, '0')}`,
  YEAR: (r) => String(r.int(2022, 2026)),
  QUARTER: ['Q1', 'Q2', 'Q3', 'Q4'],
  DAY: (r) => String(r.int(1, 28)),
  ISODATE: (r) => `${r.int(2022, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
  MONTHNUM: (r) => String(r.int(1, 12)).padStart(2, '0'),
  TIME: (r) => `${String(r.int(7, 18)).padStart(2, '0')}:${String(r.int(0, 11) * 5).padStart(2, '0')}`,
  ORDERID: (r) => `${r.pick(['ORD', 'OMS', 'CL', 'T'])}-${digits(r, 7)}`,
  TICKET: (r) => `${r.pick(['RISK', 'OPS', 'CHG', 'INC', 'SEC'])}-${digits(r, 4)}`,
  ACCOUNT: (r) => `${r.pick(['ACCT', 'PB', 'MRGN'])}-${digits(r, 6)}`,
  WALLET: (r) => (r.chance(0.6) ? `0x${hex(r, 40)}` : `bc1q${b32(r, 38)}`),
  IBAN: (r) => `${r.pick(['DE', 'LT', 'MT', 'CY', 'EE'])}${digits(r, 2)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)}`,
  // Domains must not give the label away: an attacker's endpoint is sometimes a plain-looking
  // domain, and ordinary documents sometimes link to the suspicious-looking ones.
  EVILDOMAIN: (r) => (r.chance(0.7) ? r.pick(kEvilDomains) : r.pick(kNeutralDomains)),
  EVILURL: (r) => `https://${r.chance(0.7) ? r.pick(kEvilDomains) : r.pick(kNeutralDomains)}/${r.pick(['c', 'collect', 'px', 'v2/log', 'u', 'img', 'api/ingest', 'r'])}`,
  EVILMAIL: (r) => `${r.pick(['backup', 'ops-desk', 'audit', 'kyc-team', 'settlements', 'support', 'archive'])}@${r.chance(0.7) ? r.pick(kEvilDomains) : r.pick(kNeutralDomains)}`,
  GOODURL: (r) => `https://${r.chance(0.75) ? r.pick(kBenignDomains) : r.pick([...kEvilDomains, ...kNeutralDomains])}/${r.pick(['reports', 'charts', 'q', 'notes', 'ir'])}/${hex(r, 6)}`,
  GOODMAIL: (r) => `${r.pick(['ops', 'risk', 'research', 'compliance', 'treasury', 'desk'])}@${r.chance(0.8) ? r.pick(['example.com', 'example.org', 'firm.example']) : r.pick(kNeutralDomains)}`,
  PHONE: (r) => `+${r.pick(['1', '44', '49', '33', '81', '34'])} ${digits(r, 3)} ${digits(r, 3)} ${digits(r, 4)}`,
  HEX8: (r) => hex(r, 8),
  SLOGAN: ['ALL SYSTEMS GO', 'Access granted', 'I have been compromised', 'MOON SOON', 'Trust the process', 'BUY BUY BUY', 'Nothing to see here'],
};

/** Fillers that must be in the text's own language. */
const tenths = (r: Rng, lo: number, hi: number): string => (r.int(lo * 10, hi * 10) / 10).toFixed(1);

export const kLocalSlots: Partial<Record<AnyLang, Slots>> = {
  en: {},
  zh: { MONEY: (r) => `${tenths(r, 0.3, 95)}亿美元`, MONEY2: (r) => `${r.int(100, 9900)}万美元`, TOPIC: ['秋天的海', '灯塔看守人', '咖啡', '企鹅', '登月', '一把丢失的雨伞'] },
  es: { MONEY: (r) => `${tenths(r, 1, 950).replace('.', ',')} millones de dólares`, MONEY2: (r) => `${r.int(2, 90)} millones de dólares`, TOPIC: ['el mar en otoño', 'un farero', 'el café', 'los pingüinos', 'la llegada a la Luna', 'un paraguas perdido'] },
  de: { MONEY: (r) => `${tenths(r, 1, 950).replace('.', ',')} Mio. US-Dollar`, MONEY2: (r) => `${r.int(2, 90)} Mio. US-Dollar`, TOPIC: ['das Meer im Herbst', 'einen Leuchtturmwärter', 'Kaffee', 'Pinguine', 'die Mondlandung', 'einen verlorenen Regenschirm'] },
  ja: { MONEY: (r) => `${r.int(3, 9500)}億円`, MONEY2: (r) => `${r.int(2, 900)}億円`, TOPIC: ['秋の海', '灯台守', 'コーヒー', 'ペンギン', '月面着陸', 'なくした傘'] },
  fr: { MONEY: (r) => `${tenths(r, 1, 950).replace('.', ',')} millions de dollars`, MONEY2: (r) => `${r.int(2, 90)} millions de dollars`, TOPIC: ['la mer en automne', 'un gardien de phare', 'le café', 'les pingouins', 'les premiers pas sur la Lune', 'un parapluie perdu'] },
};
