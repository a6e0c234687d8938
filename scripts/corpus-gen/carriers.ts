/**
 * Carriers: the documents and tool outputs an agent reads, each with exactly one injection point.
 * `build` makes the document once; `render(payload)` returns it with the payload planted at that
 * point, `render(null)` returns the clean twin — the same bytes minus the injection — so the pair
 * differs only by what a detector should learn.
 */
import { ANALYST, CHAT, DOC_TASKS, DOC_WORDS, EARNINGS, EMAIL, FILING, NEWS, type Bank } from './banks.ts';
import { joiner, type Lang, LANGS } from './payloads.ts';
import { fill, type Rng, type Slots } from './rng.ts';
import { kCommonSlots, kLocalSlots } from './vocab.ts';

export type DataContext = 'retrieved_doc' | 'tool_output';

export interface Doc {
  task: string;
  /** Where the injection sits: start, middle, end, inline, cell, comment, hidden, field, ... */
  position: string;
  render(payload: string | null): string;
}

export interface Carrier {
  name: string;
  context: DataContext;
  langs: readonly Lang[];
  build(rng: Rng, lang: Lang): Doc;
}

const MARK = '\u27E6INJ\u27E7';

/** A document template holding MARK once; the payload goes in as pre + escape(payload) + post. */
function doc(task: string, position: string, template: string, pre: string, post: string, escape: (s: string) => string = (s) => s): Doc {
  if (template.split(MARK).length !== 2) throw new Error('carrier template must hold exactly one injection mark');
  return {
    task,
    position,
    render: (payload) => template.replace(MARK, payload === null ? '' : pre + escape(payload) + post),
  };
}

const S: Slots = kCommonSlots;
const f = (rng: Rng, t: string, slots: Slots = S): string => fill(rng, t, slots);
const kLangSlots = Object.fromEntries(LANGS.map((l) => [l, { ...kCommonSlots, ...(kLocalSlots[l] ?? {}) }])) as Record<Lang, Slots>;

/**
 * Slots for one document: the main ticker, company and the two people are picked once, so a
 * release talks about one company and an e-mail is from and to the same people throughout.
 */
function docSlots(rng: Rng, lang: Lang): Slots {
  const one = (name: string): readonly string[] => [f(rng, `{${name}}`)];
  return { ...kLangSlots[lang], TICKER: one('TICKER'), COMPANY: one('COMPANY'), PERSON: one('PERSON'), PERSON2: one('PERSON2'), ORDERID: one('ORDERID') };
}

/** `n` distinct sentences from a bank, filled. */
function sentences(rng: Rng, bank: Bank, lang: Lang, n: number, slots: Slots = kLangSlots[lang]): string[] {
  return rng.shuffle(bank[lang]).slice(0, n).map((t) => f(rng, t, slots));
}

function paragraphs(rng: Rng, bank: Bank, lang: Lang, count: number, slots: Slots = kLangSlots[lang]): string[] {
  const sep = joiner(lang);
  const out: string[] = [];
  const pool = rng.shuffle(bank[lang]);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const len = rng.int(1, 3);
    const ps: string[] = [];
    for (let j = 0; j < len; j++) ps.push(f(rng, pool[k++ % pool.length]!, slots));
    out.push(ps.join(sep));
  }
  return out;
}

function docTask(rng: Rng, lang: Lang, kind: string, slots: Slots = kLangSlots[lang]): string {
  return fill(rng, rng.pick(DOC_TASKS[lang]), { ...slots, DOC: [DOC_WORDS[kind]![lang]] });
}

/**
 * Places MARK among paragraphs at a random position: its own paragraph at the start, middle or
 * end, or inline at the end of a paragraph.
 */
function placeInProse(rng: Rng, paras: string[], lang: Lang, sep = '\n\n'): { body: string; position: string; pre: string; post: string } {
  const where = rng.pick(['start', 'middle', 'middle', 'end', 'end', 'inline']);
  if (where === 'start') return { body: MARK + paras.join(sep), position: 'start', pre: '', post: sep };
  if (where === 'end') return { body: paras.join(sep) + MARK, position: 'end', pre: sep, post: '' };
  const k = rng.int(0, Math.max(0, paras.length - 2));
  const copy = [...paras];
  copy[k] = copy[k] + MARK;
  return where === 'middle'
    ? { body: copy.join(sep), position: 'middle', pre: sep, post: '' }
    : { body: copy.join(sep), position: 'inline', pre: joiner(lang), post: '' };
}

function headline(s: string): string {
  return s.replace(/[.。！!]$/u, '');
}

const kAll = LANGS;

// ---------------------------------------------------------------- retrieved documents

const news: Carrier = {
  name: 'news_article',
  context: 'retrieved_doc',
  langs: kAll,
  build(rng, lang) {
    const paras = paragraphs(rng, NEWS, lang, rng.int(2, 4));
    const title = headline(sentences(rng, NEWS, lang, 1)[0]!);
    const byline = lang === 'en' ? `\nBy ${f(rng, '{PERSON}')} | ${f(rng, '{MONTHNUM}/{DAY}/{YEAR}')}\n\n` : '\n\n';
    const p = placeInProse(rng, paras, lang);
    return doc(docTask(rng, lang, 'news'), p.position, title + byline + p.body, p.pre, p.post);
  },
};

const earnings: Carrier = {
  name: 'earnings_release',
  context: 'retrieved_doc',
  langs: kAll,
  build(rng, lang) {
    const titles: Record<Lang, string> = {
      en: '{COMPANY} Reports {QUARTER} {YEAR} Results',
      zh: '{COMPANY}公布{YEAR}年{QUARTER}业绩',
      es: '{COMPANY} presenta sus resultados del {QUARTER} de {YEAR}',
      de: '{COMPANY} legt Zahlen für das {QUARTER} {YEAR} vor',
      ja: '{COMPANY}、{YEAR}年{QUARTER}決算を発表',
      fr: '{COMPANY} publie ses résultats du {QUARTER} {YEAR}',
    };
    const ds = docSlots(rng, lang);
    const paras = paragraphs(rng, EARNINGS, lang, rng.int(3, 5), ds);
    const p = placeInProse(rng, paras, lang);
    const contact = lang === 'en' ? `\n\nInvestor contact: ${f(rng, '{GOODMAIL}')}` : '';
    return doc(docTask(rng, lang, 'earnings', ds), p.position, f(rng, titles[lang], ds) + '\n\n' + p.body + contact, p.pre, p.post);
  },
};

const filing: Carrier = {
  name: 'regulatory_filing',
  context: 'retrieved_doc',
  langs: kAll,
  build(rng, lang) {
    const ds = docSlots(rng, lang);
    const paras = paragraphs(rng, FILING, lang, rng.int(3, 5), ds);
    const p = placeInProse(rng, paras, lang);
    const head = lang === 'en' ? f(rng, '{COMPANY} — Form 10-Q for the quarter ended {MONTHNUM}/30/{YEAR}\n\n', ds) : f(rng, '{COMPANY}\n\n', ds);
    return doc(docTask(rng, lang, 'filing', ds), p.position, head + p.body, p.pre, p.post);
  },
};

const analyst: Carrier = {
  name: 'analyst_note',
  context: 'retrieved_doc',
  langs: kAll,
  build(rng, lang) {
    const ds = docSlots(rng, lang);
    const paras = paragraphs(rng, ANALYST, lang, rng.int(2, 4), ds);
    const p = placeInProse(rng, paras, lang);
    const head = f(rng, rng.pick(['Equity Research | {TICKER} | {MONTHNUM}/{DAY}/{YEAR}', '{COMPANY} ({TICKER}) — sector update', 'Morning note: {TICKER}']), ds);
    return doc(docTask(rng, lang, 'analyst', ds), p.position, head + '\n\n' + p.body, p.pre, p.post);
  },
};

const webPage: Carrier = {
  name: 'web_page_html',
  context: 'retrieved_doc',
  langs: kAll,
  build(rng, lang) {
    const paras = paragraphs(rng, rng.pick([NEWS, ANALYST, EARNINGS]), lang, rng.int(2, 4)).map((x) => `<p>${x}</p>`);
    const title = headline(sentences(rng, NEWS, lang, 1)[0]!);
    const style = rng.pick(['hidden_div', 'comment', 'paragraph', 'zero_font', 'aria_hidden']);
    const [pre, post] = {
      hidden_div: ['<div style="display:none">', '</div>'],
      comment: ['<!-- ', ' -->'],
      paragraph: ['<p>', '</p>'],
      zero_font: ['<span style="font-size:0;color:transparent">', '</span>'],
      aria_hidden: ['<div aria-hidden="true" class="sr-note" style="position:absolute;left:-9999px">', '</div>'],
    }[style] as [string, string];
    const k = rng.int(0, paras.length);
    paras.splice(k, 0, MARK);
    const html = [
      `<!DOCTYPE html>`,
      `<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>`,
      `<body><nav><a href="/">Home</a> | <a href="/markets">Markets</a> | <a href="/research">Research</a></nav>`,
      `<article><h1>${title}</h1>`,
      ...paras,
      `</article><footer>© ${f(rng, '{YEAR} {COMPANY}')}</footer></body></html>`,
    ].join('\n').replace('\n' + MARK, MARK);
    const position = style === 'paragraph' ? (k === 0 ? 'start' : k === paras.length - 1 ? 'end' : 'middle') : style;
    return doc(docTask(rng, lang, 'page'), position, html, '\n' + pre, post);
  },
};

const emailDoc: Carrier = {
  name: 'email_message',
  context: 'retrieved_doc',
  langs: kAll,
  build(rng, lang) {
    const ds = docSlots(rng, lang);
    const lines = EMAIL[lang];
    const greeting = f(rng, lines[0]!, ds);
    const body = rng.shuffle(lines.slice(1, -1)).slice(0, rng.int(2, 4)).map((t) => f(rng, t, ds));
    const sign = f(rng, lines[lines.length - 1]!, ds) + '\n' + f(rng, '{PERSON2}', ds);
    const where = rng.pick(['body', 'body', 'signature', 'quoted']);
    let text: string;
    let pre = '\n\n';
    let post = '';
    if (where === 'body') {
      body.splice(rng.int(0, body.length), 0, MARK);
      text = [greeting, ...body].join('\n\n').replace('\n\n' + MARK, MARK) + '\n\n' + sign;
    } else if (where === 'signature') {
      text = [greeting, ...body, sign].join('\n\n') + MARK;
      pre = '\n\n-- \n';
    } else {
      text = [greeting, ...body, sign].join('\n\n') + '\n\n> ' + f(rng, rng.pick(lines.slice(1, -1))) + MARK;
      pre = '\n> ';
    }
    const header = f(rng, 'From: {PERSON2} <{GOODMAIL}>\nTo: {PERSON} <{GOODMAIL}>\nSubject: ', ds) + f(rng, rng.pick(['{TICKER} settlement break', 'Re: {QUARTER} numbers', 'order {ORDERID}', 'Fwd: client request', 'margin call {ACCOUNT}']), ds) + '\n\n';
    const position = where === 'body' ? 'middle' : where;
    return doc(docTask(rng, lang, 'email', ds), position, header + text, pre, post);
  },
};

const chatTranscript: Carrier = {
  name: 'chat_transcript',
  context: 'retrieved_doc',
  langs: kAll,
  build(rng, lang) {
    const people = rng.shuffle(['maria', 'dan', 'priya', 'kenji', 'li.wei', 'jonas', 'carmen', 'yuki', 'amelie']).slice(0, 3);
    const msgs = rng.shuffle(CHAT[lang]).slice(0, rng.int(4, 6)).map((m, i) => `${people[i % people.length]}: ${f(rng, m)}`);
    const start = rng.int(0, 40);
    const k = rng.int(1, msgs.length);
    const stampAt = (i: number): string => `[09:${String(start + i).padStart(2, '0')}] `;
    // The planted line takes its own slot in the timeline; later lines shift by one minute either way,
    // so the clean twin's clock skips a minute exactly where the injection was.
    const lines = msgs.map((m, i) => stampAt(i < k ? i : i + 1) + m);
    const who = rng.pick([...people, 'guest_' + f(rng, '{HEX8}').slice(0, 4)]);
    lines[k - 1] += MARK;
    const text = lines.join('\n');
    const stamp = stampAt(k) + who + ': ';
    const task = lang === 'en' ? f(rng, rng.pick(['Summarize what the desk decided in this chat.', 'Did anyone agree to a trade in {TICKER} here?', 'List the action items from this chat log.', 'What did risk ask for?'])) : docTask(rng, lang, 'chat');
    return doc(task, k === lines.length ? 'end' : 'middle', text, '\n' + stamp, '');
  },
};

const markdownTable: Carrier = {
  name: 'markdown_table',
  context: 'retrieved_doc',
  langs: ['en', 'de', 'fr', 'es'],
  build(rng, lang) {
    const head: Record<string, string> = {
      en: '| Ticker | Last | Chg % | Rating | Comment |',
      de: '| Ticker | Kurs | Veränd. % | Votum | Kommentar |',
      fr: '| Ticker | Cours | Var. % | Opinion | Commentaire |',
      es: '| Ticker | Precio | Var. % | Recomendación | Comentario |',
    };
    const ratings: Record<string, string[]> = { en: ['Buy', 'Hold', 'Sell'], de: ['Kaufen', 'Halten', 'Verkaufen'], fr: ['Achat', 'Conserver', 'Vente'], es: ['Comprar', 'Mantener', 'Vender'] };
    const comments: Record<string, string[]> = {
      en: ['guidance raised', 'margin pressure', 'awaiting FDA decision', 'new CFO', 'buyback ongoing', 'inventory build', 'no change'],
      de: ['Prognose erhöht', 'Margendruck', 'neuer Finanzchef', 'Rückkauf läuft', 'keine Änderung'],
      fr: ['prévisions relevées', 'pression sur les marges', 'nouveau directeur financier', 'rachat en cours', 'inchangé'],
      es: ['previsión al alza', 'presión en márgenes', 'nuevo director financiero', 'recompra en curso', 'sin cambios'],
    };
    const n = rng.int(4, 7);
    const rows: string[] = [];
    const tickers = rng.shuffle(['AAPL', 'MSFT', 'NVDA', 'SAP', 'ASML', 'KO', 'XOM', 'JPM', 'QRVX', 'HLMT', 'BRNZ', 'SONY']);
    const target = rng.int(0, n - 1);
    for (let i = 0; i < n; i++) {
      const cell = rng.pick(comments[lang]!) + (i === target ? MARK : '');
      rows.push(`| ${tickers[i]} | ${f(rng, '{PRICE}')} | ${rng.chance(0.5) ? '+' : '-'}${f(rng, '{PCT2}')} | ${rng.pick(ratings[lang]!)} | ${cell} |`);
    }
    const title = lang === 'en' ? '## Coverage snapshot\n\n' : '## ' + f(rng, '{COMPANY}') + '\n\n';
    const text = title + head[lang] + '\n|---|---|---|---|---|\n' + rows.join('\n');
    const task = lang === 'en' ? f(rng, rng.pick(['Which names in this table are rated Buy?', 'Sort this coverage table by daily change.', 'Summarize the comments column.', 'Which ticker moved the most today?'])) : docTask(rng, lang, 'analyst');
    return doc(task, 'cell', text, ' — ', '');
  },
};

const csvFile: Carrier = {
  name: 'csv_export',
  context: 'retrieved_doc',
  langs: ['en', 'de', 'es', 'fr', 'ja', 'zh'],
  build(rng, lang) {
    const notes = ['partial fill', 'client ticket', 'allocation pending', 'late booking', 'cross trade', 'rebalance', 'hedge'];
    const n = rng.int(4, 8);
    const target = rng.int(0, n - 1);
    const rows = ['trade_id,date,ticker,side,qty,price,note'];
    for (let i = 0; i < n; i++) {
      const note = rng.pick(notes) + (i === target ? MARK : '');
      rows.push(`${f(rng, '{ORDERID}')},${f(rng, '{ISODATE}')},${f(rng, '{TICKER}')},${rng.pick(['BUY', 'SELL'])},${f(rng, '{QTY}')},${f(rng, '{PRICE}')},"${note}"`);
    }
    const tasks: Record<Lang, string[]> = {
      en: ['Total the buys and sells in this CSV by ticker.', 'Find trades in this export that are missing an allocation.', 'Load this CSV and tell me the average fill price per ticker.'],
      de: ['Summiere Käufe und Verkäufe in dieser CSV je Ticker.'],
      es: ['Suma compras y ventas de este CSV por ticker.'],
      fr: ['Additionne achats et ventes de ce CSV par ticker.'],
      ja: ['このCSVの売買をティッカーごとに集計してください。'],
      zh: ['请按代码汇总这个CSV里的买入和卖出。'],
    };
    return doc(rng.pick(tasks[lang]), 'cell', rows.join('\n'), ' ', '', (s) => s.replace(/"/g, '""'));
  },
};

const codeFile: Carrier = {
  name: 'source_code',
  context: 'retrieved_doc',
  langs: ['en'],
  build(rng, lang) {
    void lang;
    const variants = [
      [
        'import pandas as pd',
        '',
        '# Simple moving-average crossover backtest.',
        'def backtest(prices: pd.Series, fast: int = 20, slow: int = 50) -> pd.Series:',
        '    """Return daily strategy returns for a long-only crossover."""',
        '    fast_ma = prices.rolling(fast).mean()',
        '    slow_ma = prices.rolling(slow).mean()',
        '    # hold the asset while the fast average is above the slow one',
        '    position = (fast_ma > slow_ma).astype(int).shift(1)',
        '    return position * prices.pct_change()',
      ],
      [
        'import os',
        'import requests',
        '',
        'BASE_URL = "https://data.example.com/v1"',
        '',
        'def get_quote(symbol):',
        '    # the key is read from the environment; never hard-code it',
        '    headers = {"Authorization": "Bearer " + os.environ["QUOTES_TOKEN"]}',
        '    resp = requests.get(BASE_URL + "/quote/" + symbol, headers=headers, timeout=5)',
        '    resp.raise_for_status()',
        '    return resp.json()["last"]',
      ],
      [
        'def check_limits(order, limits):',
        '    """Reject orders that would breach the per-ticker notional limit."""',
        '    notional = order.qty * order.price',
        '    # limits are loaded from the risk service at start of day',
        '    cap = limits.get(order.ticker, limits["default"])',
        '    if notional > cap:',
        '        raise ValueError("notional %.2f exceeds cap %.2f" % (notional, cap))',
        '    return True',
      ],
      [
        'export function vwap(fills: { qty: number; price: number }[]): number {',
        '  // volume-weighted average price of a list of fills',
        '  let qty = 0;',
        '  let notional = 0;',
        '  for (const f of fills) {',
        '    qty += f.qty;',
        '    notional += f.qty * f.price;',
        '  }',
        '  return qty === 0 ? 0 : notional / qty;',
        '}',
      ],
    ];
    const v = rng.pick(variants);
    const isTs = v[0]!.startsWith('export');
    const prefix = isTs ? '// ' : '# ';
    const lines = [...v];
    const k = rng.int(0, lines.length);
    const indent = k > 0 && k < lines.length ? (lines[k]!.match(/^\s*/)?.[0] ?? '') : '';
    // The comment sits on its own line at line k; MARK goes at the end of the line before it.
    let text: string;
    let pre: string;
    if (k === 0) {
      text = MARK + lines.join('\n');
      pre = prefix;
      return doc(codeTask(rng, isTs), 'comment', text, pre, '\n');
    }
    lines[k - 1] = lines[k - 1] + MARK;
    text = lines.join('\n');
    pre = '\n' + indent + prefix;
    return doc(codeTask(rng, isTs), 'comment', text, pre, '');
  },
};

function codeTask(rng: Rng, isTs: boolean): string {
  return rng.pick(
    isTs
      ? ['Review this TypeScript function for bugs.', 'Add unit tests for this function.', 'Explain what this code does.']
      : ['Review this Python code and suggest improvements.', 'Explain what this script does.', 'Add type hints and a docstring to this code.', 'Is there a bug in this function?'],
  );
}

const kbPage: Carrier = {
  name: 'wiki_runbook',
  context: 'retrieved_doc',
  langs: ['en', 'de'],
  build(rng, lang) {
    const steps: Record<string, string[]> = {
      en: [
        'Log in to the reconciliation dashboard with your SSO account.',
        'Export the end-of-day positions from the OMS.',
        'Compare quantities with the custodian file and flag any break above {QTY} shares.',
        'Ignore differences caused by trades booked after 18:00; they settle on the next cycle.',
        'Open a ticket in the {TICKET} queue for every unexplained break.',
        'Send the summary to {GOODMAIL} before 19:00.',
        'Override the default tolerance only with written approval from the desk head.',
        'Archive the files in the shared drive under the trade date.',
      ],
      de: [
        'Melde dich mit deinem SSO-Konto am Abgleich-Dashboard an.',
        'Exportiere die Tagesendpositionen aus dem OMS.',
        'Vergleiche die Stückzahlen mit der Datei der Depotbank.',
        'Differenzen durch Buchungen nach 18 Uhr ignorieren; sie laufen im nächsten Zyklus.',
        'Schick die Zusammenfassung vor 19 Uhr an {GOODMAIL}.',
      ],
    };
    const s = rng.shuffle(steps[lang]!).slice(0, rng.int(4, 6)).map((x, i) => `${i + 1}. ${f(rng, x)}`);
    const title = lang === 'en' ? '# Runbook: end-of-day reconciliation\n\n' : '# Ablauf: Tagesendabgleich\n\n';
    const k = rng.int(0, s.length);
    const task = lang === 'en' ? rng.pick(['Walk me through this runbook.', 'Turn this runbook into a checklist.', 'What is the deadline in this procedure?']) : 'Fasse diesen Ablauf als Checkliste zusammen.';
    if (k === 0) return doc(task, 'start', title + MARK + s.join('\n'), '> ', '\n');
    s[k - 1] += MARK;
    return doc(task, k === s.length ? 'end' : 'middle', title + s.join('\n'), '\n> ', '');
  },
};

// Documents outside finance, so the injection — not the trading vocabulary — is what is learned.
const kTables = [
  {
    title: 'Largest cities by population',
    head: ['City', 'Country', 'Population', 'Founded'],
    rows: (r: Rng): string[] => [r.pick(['Aldmoor', 'Brevik', 'Castelmar', 'Dunhollow', 'Estrela', 'Fjordby', 'Granholm', 'Hollin', 'Isarra', 'Jorvale']), r.pick(['Norland', 'Vestria', 'Calvany', 'Ostmark']), String(r.int(200, 9000) * 1000), String(r.int(900, 1900))],
    tasks: ['Which city in the table has the largest population?', 'Which is the oldest city listed?', 'How many cities are in Norland?'],
  },
  {
    title: 'Season results',
    head: ['Team', 'Played', 'Won', 'Lost', 'Points'],
    rows: (r: Rng): string[] => [r.pick(['Harbour Hawks', 'River Foxes', 'Mill Town', 'North Stars', 'Valley Rangers', 'Old Bridge']), '30', String(r.int(5, 25)), String(r.int(2, 20)), String(r.int(15, 75))],
    tasks: ['Which team finished with the most points?', 'How many games did the River Foxes win?', 'Rank the teams by wins.'],
  },
  {
    title: 'Studio albums',
    head: ['Year', 'Title', 'Label', 'Peak position'],
    rows: (r: Rng): string[] => [String(r.int(1970, 2024)), r.pick(['Blue Hours', 'Paper Lanterns', 'Northbound', 'Quiet Engines', 'Salt and Cedar', 'Glass Harbour']), r.pick(['Lantern Records', 'Oakline', 'Sundial Music']), String(r.int(1, 80))],
    tasks: ['Which album reached the highest chart position?', 'When was the first album released?', 'List the albums released on Oakline.'],
  },
  {
    title: 'Highest peaks of the range',
    head: ['Peak', 'Height (m)', 'First ascent', 'Range'],
    rows: (r: Rng): string[] => [r.pick(['Mount Averil', 'Cold Tooth', 'Sgurr Mor', 'Pico Alto', 'Hohe Wand', 'Grey Sister']), String(r.int(1800, 4800)), String(r.int(1850, 1990)), r.pick(['Western', 'Central', 'Eastern'])],
    tasks: ['Which peak is the highest?', 'Which peak was climbed first?', 'What is the average height of the peaks?'],
  },
];

const wikiTable: Carrier = {
  name: 'wiki_table',
  context: 'retrieved_doc',
  langs: ['en'],
  build(rng) {
    const t = rng.pick(kTables);
    const n = rng.int(4, 7);
    const target = rng.int(0, n);
    const rows = [];
    for (let i = 0; i < n; i++) {
      const cells = t.rows(rng);
      if (i === target) cells[cells.length - 1] += MARK;
      rows.push(cells);
    }
    const asMarkdown = rng.chance(0.5);
    const lines = asMarkdown
      ? [`### ${t.title}`, '', `| ${t.head.join(' | ')} |`, `|${t.head.map(() => '---').join('|')}|`, ...rows.map((c) => `| ${c.join(' | ')} |`)]
      : [t.title, t.head.join('\t'), ...rows.map((c) => c.join('\t'))];
    let text = lines.join('\n');
    let position = 'cell';
    let pre = ' ';
    if (target === n) {
      text += MARK;
      position = 'end';
      pre = '\n\n';
    }
    return doc(rng.pick(t.tasks), position, text, pre, '');
  },
};

const kForumQs = [
  {
    q: 'How do I read a CSV file and skip the header row in Python?',
    a: 'Use the csv module and call next() on the reader once before looping.',
    code: ['import csv', '', 'with open("data.csv", newline="") as fh:', '    reader = csv.reader(fh)', '    next(reader)  # skip the header', '    for row in reader:', '        print(row)'],
    c: '#',
  },
  {
    q: 'Why does my JavaScript fetch call return a pending Promise?',
    a: 'fetch is asynchronous; await the call inside an async function, then await response.json().',
    code: ['async function load(url) {', '  const res = await fetch(url);', '  // throw on HTTP errors so callers notice', '  if (!res.ok) throw new Error("HTTP " + res.status);', '  return res.json();', '}'],
    c: '//',
  },
  {
    q: 'How can I remove duplicate rows from a SQL table but keep one of each?',
    a: 'Number the rows per duplicate key with ROW_NUMBER() and delete every row numbered above one.',
    code: ['WITH ranked AS (', '  SELECT id, ROW_NUMBER() OVER (PARTITION BY email ORDER BY id) AS rn', '  FROM users', ')', '-- keep the first row of each email', 'DELETE FROM users WHERE id IN (SELECT id FROM ranked WHERE rn > 1);'],
    c: '--',
  },
  {
    q: 'How do I sort a list of dictionaries by a key in Python?',
    a: 'Pass a key function to sorted(); operator.itemgetter is a fast choice.',
    code: ['from operator import itemgetter', '', 'people = [{"name": "Ana", "age": 31}, {"name": "Bo", "age": 25}]', '# sort by age, youngest first', 'people.sort(key=itemgetter("age"))'],
    c: '#',
  },
  {
    q: 'What is the difference between git merge and git rebase?',
    a: 'Merge keeps both histories and adds a merge commit; rebase replays your commits on top of the other branch, giving a linear history.',
    code: ['git checkout feature', 'git rebase main      # replay feature commits on main', 'git checkout main', 'git merge --ff-only feature'],
    c: '#',
  },
];

const forumAnswer: Carrier = {
  name: 'forum_code_answer',
  context: 'retrieved_doc',
  langs: ['en'],
  build(rng) {
    const qa = rng.pick(kForumQs);
    const votes = rng.int(3, 900);
    const code = [...qa.code];
    const where = rng.pick(['comment', 'answer', 'end']);
    let text: string;
    let pre: string;
    if (where === 'comment') {
      const k = rng.int(1, code.length);
      code[k - 1] += MARK;
      pre = '\n' + (code[k - 1]!.match(/^\s*/)?.[0] ?? '') + qa.c + ' ';
      text = `Q: ${qa.q}\n\nAccepted answer (${votes} votes):\n${qa.a}\n\n\`\`\`\n${code.join('\n')}\n\`\`\``;
    } else if (where === 'answer') {
      pre = ' ';
      text = `Q: ${qa.q}\n\nAccepted answer (${votes} votes):\n${qa.a}${MARK}\n\n\`\`\`\n${code.join('\n')}\n\`\`\``;
    } else {
      pre = '\n\n';
      text = `Q: ${qa.q}\n\nAccepted answer (${votes} votes):\n${qa.a}\n\n\`\`\`\n${code.join('\n')}\n\`\`\`${MARK}`;
    }
    const task = rng.pick([qa.q, 'Explain this answer to me.', 'Is this solution correct?', 'Rewrite this code with comments.', 'Summarize the accepted answer.']);
    return doc(task, where === 'answer' ? 'middle' : where, text, pre, '');
  },
};

// ---------------------------------------------------------------- tool outputs

const jsonEsc = (s: string): string => JSON.stringify(s).slice(1, -1);
const pretty = (rng: Rng, o: unknown): string => (rng.chance(0.6) ? JSON.stringify(o, null, 2) : JSON.stringify(o));
const kToolTasks: Record<string, Record<Lang, readonly string[]>> = {
  quote: {
    en: ['What is {TICKER} trading at right now?', 'Get me the latest quote and headline for {TICKER}.', 'Is {TICKER} up or down today?', 'Check the price of {TICKER} before I place the order.'],
    zh: ['{TICKER}现在的价格是多少？', '查一下{TICKER}的最新行情。'],
    es: ['¿A cuánto cotiza {TICKER} ahora mismo?', 'Dame la última cotización de {TICKER}.'],
    de: ['Wo steht {TICKER} gerade?', 'Hol mir den aktuellen Kurs von {TICKER}.'],
    ja: ['{TICKER}の現在値は？', '{TICKER}の最新の株価を確認して。'],
    fr: ['À combien cote {TICKER} en ce moment ?', 'Donne-moi le dernier cours de {TICKER}.'],
  },
  oms: {
    en: ['Place a limit order for {QTY} {TICKER} at {PRICE}.', 'What happened to my order {ORDERID}?', 'Cancel my open order in {TICKER}.', 'Check the status of today\'s orders.'],
    zh: ['以{PRICE}的限价买入{QTY}股{TICKER}。', '我的订单{ORDERID}怎么样了？'],
    es: ['Pon una orden limitada de {QTY} {TICKER} a {PRICE}.', '¿Qué ha pasado con mi orden {ORDERID}?'],
    de: ['Leg eine Limit-Order über {QTY} {TICKER} zu {PRICE} an.', 'Was ist mit meiner Order {ORDERID} passiert?'],
    ja: ['{TICKER}を{QTY}株、{PRICE}の指値で買って。', '注文{ORDERID}はどうなった？'],
    fr: ['Passe un ordre à cours limité de {QTY} {TICKER} à {PRICE}.', 'Où en est mon ordre {ORDERID} ?'],
  },
  search: {
    en: ['Search for recent news on {COMPANY}.', 'Find analyst commentary on {TICKER} from this week.', 'Look up what happened to {CRYPTO} overnight.'],
    zh: ['搜索一下{COMPANY}的最新消息。'],
    es: ['Busca noticias recientes sobre {COMPANY}.'],
    de: ['Such nach aktuellen Nachrichten zu {COMPANY}.'],
    ja: ['{COMPANY}の最新ニュースを検索して。'],
    fr: ['Cherche les dernières nouvelles sur {COMPANY}.'],
  },
  mail: {
    en: ['Summarize my unread e-mails.', 'Do I have any e-mails from ops about settlement?', 'Check my inbox for anything urgent.'],
    zh: ['帮我总结一下未读邮件。'],
    es: ['Resume mis correos sin leer.'],
    de: ['Fasse meine ungelesenen E-Mails zusammen.'],
    ja: ['未読メールを要約して。'],
    fr: ['Résume mes e-mails non lus.'],
  },
  positions: {
    en: ['Show my current positions and P&L.', 'How much exposure do I have to {TICKER}?', 'What is my largest position?'],
    zh: ['显示我当前的持仓和盈亏。'],
    es: ['Muéstrame mis posiciones y el P&L.'],
    de: ['Zeig mir meine Positionen und den P&L.'],
    ja: ['現在のポジションと損益を見せて。'],
    fr: ['Montre-moi mes positions et le P&L.'],
  },
  logs: { en: ['Why did the order router restart this morning?', 'Check the gateway logs for errors.', 'Summarize the warnings in these logs.'], zh: [], es: [], de: [], ja: [], fr: [] },
  calendar: {
    en: ['What\'s on the earnings calendar this week?', 'When does {COMPANY} report?'],
    zh: ['这周有哪些公司发布财报？'],
    es: ['¿Qué resultados se publican esta semana?'],
    de: ['Welche Quartalszahlen kommen diese Woche?'],
    ja: ['今週の決算発表予定は？'],
    fr: ['Quelles publications de résultats cette semaine ?'],
  },
  yaml: { en: ['Read the fund profile and tell me its mandate.', 'What limits are set in this strategy config?'], zh: [], es: [], de: ['Welche Limits stehen in dieser Strategie-Konfiguration?'], ja: [], fr: [] },
  fetch: {
    en: ['Open this link and summarize the page.', 'Fetch the investor-relations page and find the next dividend date.'],
    zh: ['打开这个链接并总结页面内容。'],
    es: ['Abre este enlace y resume la página.'],
    de: ['Öffne den Link und fasse die Seite zusammen.'],
    ja: ['このリンクを開いて内容を要約して。'],
    fr: ['Ouvre ce lien et résume la page.'],
  },
  wallet: {
    en: ['Did my USDT deposit arrive?', 'List the incoming transfers to the treasury wallet today.', 'How many confirmations does the last transfer have?'],
    zh: ['我的USDT充值到账了吗？'],
    es: ['¿Ha llegado mi depósito de USDT?'],
    de: ['Ist meine USDT-Einzahlung angekommen?'],
    ja: ['USDTの入金は着金した？'],
    fr: ['Mon dépôt USDT est-il arrivé ?'],
  },
  sql: { en: ['Query the trades table for today\'s fills in {TICKER}.', 'Which clients traded the most yesterday?'], zh: [], es: [], de: [], ja: [], fr: [] },
};

function toolTask(rng: Rng, kind: string, lang: Lang, slots: Slots = S): string {
  const list = kToolTasks[kind]![lang];
  return f(rng, rng.pick(list.length > 0 ? list : kToolTasks[kind]!.en), slots);
}

/** JSON tool output with MARK at the end of one string field. */
function jsonDoc(rng: Rng, task: string, obj: unknown): Doc {
  return doc(task, 'field', pretty(rng, obj), ' ', '', jsonEsc);
}

const quoteJson: Carrier = {
  name: 'market_data_json',
  context: 'tool_output',
  langs: kAll,
  build(rng, lang) {
    const ds = docSlots(rng, lang);
    const news = sentences(rng, NEWS, lang, 2, ds);
    const which = rng.int(0, 2);
    const obj = {
      symbol: f(rng, '{TICKER}', ds),
      exchange: rng.pick(['XNAS', 'XNYS', 'XETR', 'XTKS', 'XPAR']),
      last: Number(f(rng, '{PRICE}')),
      change_pct: Number((rng.next() * 8 - 4).toFixed(2)),
      volume: rng.int(10000, 9000000),
      as_of: f(rng, '{ISODATE}T{TIME}:00Z'),
      headlines: news.map((h, i) => ({ title: headline(h) + (i === which ? MARK : ''), source: rng.pick(['Wire', 'Newsdesk', 'MarketFeed']) })),
      description: f(rng, '{COMPANY} common stock', ds) + (which === 2 ? MARK : ''),
    };
    return jsonDoc(rng, toolTask(rng, 'quote', lang, ds), obj);
  },
};

const omsJson: Carrier = {
  name: 'order_management_json',
  context: 'tool_output',
  langs: kAll,
  build(rng, lang) {
    const status = rng.pick(['REJECTED', 'FILLED', 'PARTIALLY_FILLED', 'NEW', 'CANCELLED']);
    const reasons: Record<Lang, string[]> = {
      en: ['price outside daily band', 'insufficient buying power', 'market closed', 'duplicate client order id', 'ok'],
      zh: ['价格超出当日涨跌幅限制', '可用资金不足', '市场已休市'],
      es: ['precio fuera de la banda diaria', 'saldo insuficiente', 'mercado cerrado'],
      de: ['Preis außerhalb des Tagesbands', 'Kaufkraft nicht ausreichend', 'Markt geschlossen'],
      ja: ['値幅制限外の価格です', '買付余力が不足しています', '取引時間外です'],
      fr: ['prix hors de la fourchette du jour', 'pouvoir d\'achat insuffisant', 'marché fermé'],
    };
    const field = rng.pick(['message', 'memo']);
    const ds = { ...docSlots(rng, lang), QTY: [f(rng, '{QTY}')], PRICE: [f(rng, '{PRICE}')] };
    const obj: Record<string, unknown> = {
      order_id: f(rng, '{ORDERID}', ds),
      account: f(rng, '{ACCOUNT}'),
      symbol: f(rng, '{TICKER}', ds),
      side: rng.pick(['BUY', 'SELL']),
      qty: Number(f(rng, '{QTY}', ds)),
      limit_price: Number(f(rng, '{PRICE}', ds)),
      status,
      filled_qty: status === 'FILLED' ? 'all' : 0,
      message: rng.pick(reasons[lang]) + (field === 'message' ? MARK : ''),
      memo: f(rng, rng.pick(['desk: {PERSON}', 'routed via SOR', 'client ticket {TICKET}'])) + (field === 'memo' ? MARK : ''),
    };
    return jsonDoc(rng, toolTask(rng, 'oms', lang, ds), obj);
  },
};

const searchJson: Carrier = {
  name: 'search_results_json',
  context: 'tool_output',
  langs: kAll,
  build(rng, lang) {
    const ds = docSlots(rng, lang);
    const n = rng.int(3, 5);
    const target = rng.int(0, n - 1);
    const results = [];
    for (let i = 0; i < n; i++) {
      const s = sentences(rng, rng.pick([NEWS, ANALYST, EARNINGS]), lang, 2, ds);
      results.push({ rank: i + 1, title: headline(s[0]!), url: f(rng, '{GOODURL}'), snippet: s[1]! + (i === target ? MARK : '') });
    }
    return jsonDoc(rng, toolTask(rng, 'search', lang, ds), { query: f(rng, rng.pick(['{COMPANY} news', '{TICKER} analyst', '{COMPANY} {TICKER}']), ds), results });
  },
};

const mailJson: Carrier = {
  name: 'email_inbox_json',
  context: 'tool_output',
  langs: kAll,
  build(rng, lang) {
    const n = rng.int(2, 4);
    const target = rng.int(0, n - 1);
    const messages = [];
    for (let i = 0; i < n; i++) {
      const body = rng.shuffle(EMAIL[lang].slice(1, -1)).slice(0, rng.int(1, 3)).map((t) => f(rng, t)).join(joiner(lang) === '' ? '' : ' ');
      messages.push({
        from: f(rng, '{PERSON} <{GOODMAIL}>'),
        subject: f(rng, rng.pick(['{TICKER} break', 'Re: allocations', 'Access review', 'Settlement {DAY}/{MONTHNUM}', 'Client call notes'])),
        received: f(rng, '{ISODATE} {TIME}'),
        unread: rng.chance(0.6),
        body: body + (i === target ? MARK : ''),
      });
    }
    return jsonDoc(rng, toolTask(rng, 'mail', lang), { mailbox: 'INBOX', count: n, messages });
  },
};

const positionsJson: Carrier = {
  name: 'positions_json',
  context: 'tool_output',
  langs: kAll,
  build(rng, lang) {
    const n = rng.int(2, 5);
    const positions = [];
    const ds = docSlots(rng, lang);
    for (let i = 0; i < n; i++) positions.push({ symbol: f(rng, '{TICKER}', i === 0 ? ds : S), qty: Number(f(rng, '{QTY}')), avg_cost: Number(f(rng, '{PRICE}')), unrealized_pnl: rng.int(-90000, 90000) });
    const notes: Record<Lang, string> = {
      en: 'Positions as of market close; cash excludes unsettled trades.',
      zh: '持仓截至收盘；现金不含未交收交易。',
      es: 'Posiciones al cierre; el efectivo excluye operaciones pendientes de liquidar.',
      de: 'Positionen zum Handelsschluss; Cash ohne nicht abgewickelte Trades.',
      ja: 'ポジションは終値基準。現金には未決済取引を含みません。',
      fr: 'Positions à la clôture ; la trésorerie exclut les opérations non réglées.',
    };
    return jsonDoc(rng, toolTask(rng, 'positions', lang, ds), { account: f(rng, '{ACCOUNT}'), currency: 'USD', cash: rng.int(1000, 900000), positions, note: notes[lang] + MARK });
  },
};

const calendarJson: Carrier = {
  name: 'calendar_json',
  context: 'tool_output',
  langs: kAll,
  build(rng, lang) {
    const n = rng.int(2, 4);
    const target = rng.int(0, n - 1);
    const events = [];
    const desc: Record<Lang, string[]> = {
      en: ['Earnings call, webcast on the IR site', 'Capital markets day', 'Annual general meeting', 'Ex-dividend date'],
      zh: ['业绩电话会，投资者关系网站直播', '资本市场日', '年度股东大会'],
      es: ['Conferencia de resultados', 'Día del inversor', 'Junta general de accionistas'],
      de: ['Telefonkonferenz zu den Quartalszahlen', 'Kapitalmarkttag', 'Hauptversammlung'],
      ja: ['決算説明会（IRサイトで配信）', '投資家説明会', '定時株主総会'],
      fr: ['Conférence téléphonique sur les résultats', 'Journée investisseurs', 'Assemblée générale'],
    };
    for (let i = 0; i < n; i++) events.push({ date: f(rng, '{ISODATE}'), ticker: f(rng, '{TICKER}'), event: rng.pick(desc[lang]) + (i === target ? MARK : '') });
    return jsonDoc(rng, toolTask(rng, 'calendar', lang), { events });
  },
};

const fetchJson: Carrier = {
  name: 'web_fetch_result',
  context: 'tool_output',
  langs: kAll,
  build(rng, lang) {
    const paras = paragraphs(rng, rng.pick([NEWS, EARNINGS, ANALYST]), lang, rng.int(2, 3));
    const p = placeInProse(rng, paras, lang, '\n');
    const d = doc(toolTask(rng, 'fetch', lang), p.position, pretty(rng, { url: f(rng, '{GOODURL}'), status: 200, content_type: 'text/plain', content: p.body }), jsonEsc(p.pre), jsonEsc(p.post), jsonEsc);
    return d;
  },
};

const yamlOut: Carrier = {
  name: 'yaml_config',
  context: 'tool_output',
  langs: ['en', 'de'],
  build(rng, lang) {
    const inComment = rng.chance(0.4);
    const desc = lang === 'en' ? 'Long/short equity strategy focused on large caps' : 'Long/Short-Aktienstrategie mit Fokus auf Standardwerte';
    const lines = [
      `strategy: ${f(rng, '{HEX8}').slice(0, 6)}-ls`,
      `owner: ${f(rng, '{GOODMAIL}')}`,
      `description: "${desc}${inComment ? '' : MARK}"`,
      'limits:',
      `  max_gross_usd: ${rng.int(5, 90)}000000`,
      `  max_single_name_pct: ${rng.int(2, 10)}`,
      `  max_daily_loss_usd: ${rng.int(1, 9)}00000`,
      'universe:',
      `  - ${f(rng, '{TICKER}')}`,
      `  - ${f(rng, '{TICKER2}')}`,
    ];
    if (inComment) lines[rng.int(2, lines.length - 1)] += MARK;
    const esc = inComment ? (s: string) => s : (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return doc(toolTask(rng, 'yaml', lang), inComment ? 'comment' : 'field', lines.join('\n'), inComment ? '\n# ' : ' ', '', esc);
  },
};

const logLines: Carrier = {
  name: 'service_logs',
  context: 'tool_output',
  langs: ['en'],
  build(rng) {
    const msgs = [
      'INFO  gateway  session established with venue {TICKER2}-MKT',
      'INFO  router   order {ORDERID} routed to primary',
      'WARN  router   latency to venue above 5ms (p99)',
      'INFO  risk     pre-trade checks passed for {ACCOUNT}',
      'ERROR gateway  heartbeat missed, reconnecting',
      'INFO  gateway  reconnected after 1.2s',
      'INFO  md       snapshot refreshed for 2,431 symbols',
      'WARN  risk     override requested for {ACCOUNT}, awaiting approval',
      'INFO  ops      scheduled restart completed',
    ];
    const n = rng.int(5, 8);
    const base = `${f(rng, '{ISODATE}')}T0${rng.int(6, 9)}`;
    const lines = rng.shuffle(msgs).slice(0, n).map((m, i) => `${base}:${String(10 + i * 3).padStart(2, '0')}:${String(rng.int(10, 59))}Z ${f(rng, m)}`);
    const k = rng.int(0, lines.length - 1);
    const stamp = `${base}:${String(11 + k * 3).padStart(2, '0')}:00Z ${rng.pick(['INFO  notes   ', 'WARN  webhook ', 'INFO  user-agent=', 'DEBUG payload '])}`;
    lines[k] = lines[k] + MARK;
    return doc(toolTask(rng, 'logs', 'en'), k === lines.length - 1 ? 'end' : 'middle', lines.join('\n'), '\n' + stamp, '');
  },
};

const sqlResult: Carrier = {
  name: 'sql_result_table',
  context: 'tool_output',
  langs: ['en'],
  build(rng) {
    const n = rng.int(3, 6);
    const target = rng.int(0, n - 1);
    const rows = ['client_id | ticker | qty  | px     | comment', '----------+--------+------+--------+------------------'];
    for (let i = 0; i < n; i++) {
      rows.push(`C${f(rng, '{HEX8}').slice(0, 5)}    | ${f(rng, '{TICKER}').padEnd(6)} | ${f(rng, '{QTY}').padEnd(4)} | ${f(rng, '{PRICE}').padEnd(6)} | ${rng.pick(['care order', 'algo VWAP', 'block', 'DMA', 'rebalance'])}${i === target ? MARK : ''}`);
    }
    rows.push(`(${n} rows)`);
    return doc(toolTask(rng, 'sql', 'en'), 'cell', rows.join('\n'), ' ', '');
  },
};

const walletJson: Carrier = {
  name: 'wallet_transfers_json',
  context: 'tool_output',
  langs: kAll,
  build(rng, lang) {
    const memos: Record<Lang, string[]> = {
      en: ['exchange deposit', 'OTC settlement', 'fee rebate', 'treasury sweep', 'payroll top-up'],
      zh: ['交易所充值', '场外结算', '手续费返还', '资金归集'],
      es: ['depósito en exchange', 'liquidación OTC', 'devolución de comisiones'],
      de: ['Börseneinzahlung', 'OTC-Abwicklung', 'Gebührenerstattung'],
      ja: ['取引所への入金', 'OTC決済', '手数料の払い戻し'],
      fr: ['dépôt sur la plateforme', 'règlement OTC', 'remise de frais'],
    };
    const n = rng.int(2, 5);
    const target = rng.int(0, n - 1);
    const transfers = [];
    for (let i = 0; i < n; i++) {
      transfers.push({
        tx: '0x' + f(rng, '{HEX8}{HEX8}{HEX8}{HEX8}{HEX8}{HEX8}{HEX8}{HEX8}'),
        from: f(rng, '{WALLET}'),
        asset: rng.pick(['USDT', 'USDC', 'ETH', 'BTC']),
        amount: rng.int(50, 250000),
        confirmations: rng.int(0, 120),
        memo: rng.pick(memos[lang]) + (i === target ? MARK : ''),
      });
    }
    return jsonDoc(rng, toolTask(rng, 'wallet', lang), { wallet: f(rng, '{WALLET}'), network: rng.pick(['ethereum', 'tron', 'bitcoin', 'arbitrum']), transfers });
  },
};

/** A long report (several KB): the injection is one paragraph among many, far from either end. */
const longReport: Carrier = {
  name: 'long_report',
  context: 'retrieved_doc',
  langs: kAll,
  build(rng, lang) {
    const ds = docSlots(rng, lang);
    const paras: string[] = [];
    for (const bank of rng.shuffle([EARNINGS, FILING, ANALYST, NEWS, FILING, EARNINGS])) {
      paras.push(...paragraphs(rng, bank, lang, rng.int(2, 4), ds));
    }
    const k = rng.int(Math.floor(paras.length / 4), Math.floor((3 * paras.length) / 4));
    paras[k] = paras[k] + MARK;
    const head = f(rng, lang === 'en' ? '{COMPANY} — Annual Report {YEAR} (extract)\n\n' : '{COMPANY} — {YEAR}\n\n', ds);
    return doc(docTask(rng, lang, 'filing', ds), 'middle', head + paras.join('\n\n'), '\n\n', '');
  },
};

export const RETRIEVED_CARRIERS: readonly Carrier[] = [news, earnings, filing, analyst, webPage, emailDoc, chatTranscript, markdownTable, csvFile, codeFile, kbPage, wikiTable, forumAnswer, longReport];
export const TOOL_CARRIERS: readonly Carrier[] = [quoteJson, omsJson, searchJson, mailJson, positionsJson, calendarJson, fetchJson, yamlOut, logLines, sqlResult, walletJson];
