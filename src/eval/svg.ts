/**
 * Hand-written SVG charts for the evaluation report: ROC curves and a latency histogram.
 * No dependencies; the output is a self-contained <svg> document a browser or GitHub renders inline.
 */
import type { RocPoint } from './metrics.ts';

export interface RocCurveInput {
  label: string;
  auc: number | null;
  points: readonly RocPoint[];
}

const kPalette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

/** Escapes text for use inside SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/**
 * ROC curves (true-positive rate over false-positive rate), one coloured line per curve, in two panels:
 * the full curve with the chance diagonal, and a zoom on FPR 0–10% where an inline gate operates
 * (the 1% FPR budget is dashed). The legend gives each curve's AUC.
 */
export function rocSvg(title: string, curves: readonly RocCurveInput[]): string {
  const plot = 320;
  const top = 40;
  const panels = [
    { left: 60, maxFpr: 1, caption: 'full range' },
    { left: 60 + plot + 70, maxFpr: 0.1, caption: 'zoom: FPR 0–10%' },
  ];
  const legendTop = top + plot + 60;
  const longest = Math.max(20, ...curves.map((c) => c.label.length + 12));
  const width = Math.max(panels[1]!.left + plot + 30, 60 + longest * 7 + 40);
  const height = legendTop + 20 * curves.length + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="60" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const panel of panels) {
    const { left, maxFpr } = panel;
    const x = (fpr: number): number => left + (Math.min(fpr, maxFpr) / maxFpr) * plot;
    const y = (tpr: number): number => top + (1 - tpr) * plot;
    for (let i = 0; i <= 10; i++) {
      const t = i / 10;
      parts.push(
        `<line x1="${fmt(x(t * maxFpr))}" y1="${top}" x2="${fmt(x(t * maxFpr))}" y2="${top + plot}" stroke="#eeeeee"/>`,
        `<line x1="${left}" y1="${fmt(y(t))}" x2="${left + plot}" y2="${fmt(y(t))}" stroke="#eeeeee"/>`,
      );
      if (i % 2 === 0) {
        const xl = maxFpr === 1 ? t.toFixed(1) : `${Math.round(t * maxFpr * 100)}%`;
        parts.push(
          `<text x="${fmt(x(t * maxFpr))}" y="${top + plot + 16}" text-anchor="middle">${xl}</text>`,
          `<text x="${left - 6}" y="${fmt(y(t) + 4)}" text-anchor="end">${t.toFixed(1)}</text>`,
        );
      }
    }
    parts.push(
      `<rect x="${left}" y="${top}" width="${plot}" height="${plot}" fill="none" stroke="#333333"/>`,
      `<line x1="${x(0)}" y1="${y(0)}" x2="${fmt(x(maxFpr))}" y2="${fmt(y(maxFpr))}" stroke="#999999" stroke-dasharray="4 4"/>`,
      `<line x1="${fmt(x(0.01))}" y1="${top}" x2="${fmt(x(0.01))}" y2="${top + plot}" stroke="#d62728" stroke-dasharray="2 3"/>`,
      maxFpr < 1 ? `<text x="${fmt(x(0.01) + 3)}" y="${top + 14}" fill="#d62728">1% FPR</text>` : '',
      `<text x="${left + plot / 2}" y="${top + plot + 34}" text-anchor="middle">false-positive rate (${panel.caption})</text>`,
      `<text transform="translate(${left - 42} ${top + plot / 2}) rotate(-90)" text-anchor="middle">catch rate (TPR)</text>`,
    );
    curves.forEach((curve, i) => {
      const colour = kPalette[i % kPalette.length]!;
      // Clip to the panel: keep points up to the first one beyond maxFpr, interpolated onto the edge.
      const pts: string[] = [];
      for (let k = 0; k < curve.points.length; k++) {
        const p = curve.points[k]!;
        if (p.fpr <= maxFpr) {
          pts.push(`${fmt(x(p.fpr))},${fmt(y(p.tpr))}`);
          continue;
        }
        const prev = curve.points[k - 1];
        if (prev) {
          const f = (maxFpr - prev.fpr) / (p.fpr - prev.fpr);
          pts.push(`${fmt(x(maxFpr))},${fmt(y(prev.tpr + f * (p.tpr - prev.tpr)))}`);
        }
        break;
      }
      parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    });
  }
  curves.forEach((curve, i) => {
    const colour = kPalette[i % kPalette.length]!;
    const ly = legendTop + i * 20;
    const auc = curve.auc === null ? 'n/a' : curve.auc.toFixed(3);
    parts.push(
      `<line x1="60" y1="${ly}" x2="78" y2="${ly}" stroke="${colour}" stroke-width="3"/>`,
      `<text x="84" y="${ly + 4}">${escapeXml(curve.label)} (AUC ${auc})</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

export interface HistogramBin {
  /** Inclusive lower edge in microseconds. */
  fromUs: number;
  /** Exclusive upper edge in microseconds. */
  toUs: number;
  count: number;
}

/** Bins latencies on a log scale (`binsPerDecade` bins per factor of ten) from the smallest to the largest value. */
export function logHistogram(valuesUs: readonly number[], binsPerDecade = 8): HistogramBin[] {
  if (valuesUs.length === 0) return [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const v of valuesUs) {
    const c = Math.max(v, 0.1);
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  const start = Math.floor(Math.log10(lo) * binsPerDecade);
  const end = Math.floor(Math.log10(hi) * binsPerDecade) + 1;
  const bins: HistogramBin[] = [];
  for (let b = start; b < end; b++) {
    bins.push({ fromUs: 10 ** (b / binsPerDecade), toUs: 10 ** ((b + 1) / binsPerDecade), count: 0 });
  }
  for (const v of valuesUs) {
    const idx = Math.floor(Math.log10(Math.max(v, 0.1)) * binsPerDecade) - start;
    bins[Math.min(Math.max(idx, 0), bins.length - 1)]!.count++;
  }
  return bins;
}

function formatUs(us: number): string {
  if (us >= 1000) return `${(us / 1000).toPrecision(3)} ms`;
  return `${us.toPrecision(3)} µs`;
}

/** Latency histogram on a log time axis, with the p50 and p99 marked. */
export function latencyHistogramSvg(title: string, valuesUs: readonly number[], markers: { label: string; us: number }[]): string {
  const bins = logHistogram(valuesUs);
  const width = 720;
  const height = 330 + 14 * markers.length;
  const left = 60;
  const top = 40 + 14 * markers.length;
  const plotW = 620;
  const plotH = 240;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  if (bins.length === 0) {
    parts.push(`<text x="${left}" y="${top + 20}">no samples</text>`, '</svg>');
    return parts.join('\n') + '\n';
  }
  const maxCount = Math.max(...bins.map((b) => b.count));
  const logLo = Math.log10(bins[0]!.fromUs);
  const logHi = Math.log10(bins[bins.length - 1]!.toUs);
  const x = (us: number): number => left + ((Math.log10(Math.max(us, 0.1)) - logLo) / (logHi - logLo)) * plotW;
  const y = (count: number): number => top + plotH - (count / maxCount) * plotH;
  for (const b of bins) {
    const x0 = x(b.fromUs);
    const x1 = x(b.toUs);
    parts.push(
      `<rect x="${fmt(x0 + 0.5)}" y="${fmt(y(b.count))}" width="${fmt(Math.max(x1 - x0 - 1, 0.5))}" height="${fmt(top + plotH - y(b.count))}" fill="#1f77b4"><title>${escapeXml(`${formatUs(b.fromUs)}–${formatUs(b.toUs)}: ${b.count}`)}</title></rect>`,
    );
  }
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#333333"/>`);
  for (let d = Math.ceil(logLo); d <= Math.floor(logHi); d++) {
    const xv = x(10 ** d);
    parts.push(
      `<line x1="${fmt(xv)}" y1="${top + plotH}" x2="${fmt(xv)}" y2="${top + plotH + 5}" stroke="#333333"/>`,
      `<text x="${fmt(xv)}" y="${top + plotH + 18}" text-anchor="middle">${escapeXml(formatUs(10 ** d))}</text>`,
    );
  }
  parts.push(
    `<text x="${left + plotW / 2}" y="${top + plotH + 40}" text-anchor="middle">scan latency (log scale), ${valuesUs.length} scans</text>`,
    `<text x="${left - 8}" y="${top + 8}" text-anchor="end">${maxCount}</text>`,
    `<text transform="translate(18 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">scans</text>`,
    `<text x="${left - 8}" y="${top + plotH}" text-anchor="end">0</text>`,
  );
  markers.forEach((m, i) => {
    const xv = x(m.us);
    parts.push(
      `<line x1="${fmt(xv)}" y1="${top}" x2="${fmt(xv)}" y2="${top + plotH}" stroke="#d62728" stroke-dasharray="4 3"/>`,
      `<text x="${fmt(xv)}" y="${top - 6 - (markers.length - 1 - i) * 14}" text-anchor="middle" fill="#d62728">${escapeXml(`${m.label} ${formatUs(m.us)}`)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
