// The acceptance document for print: one HTML page holding one or several records, laid out as
// the official document on A4 landscape. Used by the app's 打印预览, its print and PDF, the web
// mode's PDF and `yanshou pdf` alike.
import { basicParagraph, chineseDate, disbursementSummary, documentTitle, WORDING } from './document';
import { displayDecimal, FINER_MARK, showRate } from './money';
import type { CountyRecord } from './record';
import { toTraditional, type Script } from './text';
import { chineseDay } from './ledger';
import { statusDay, statusLabel, type StatusInfo } from './status';
import { performanceSection } from './performance-print';

export type PrintOptions = {
  script: Script;
  signature: boolean;
  /** Each record's review status (in the order of the records): shown under the title, with the acceptance date. */
  statuses?: StatusInfo[];
  /** An appendix after table 三: the record's payments (拨付台账) as of its day, those after the day marked. */
  ledger?: boolean;
  /** 四、绩效自评 after table 三, for records that keep one (optional, like the signature block). */
  performance?: boolean;
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** An amount as every table shows it (two decimals; finer ones in full, marked). */
const money = (m: string | null) => {
  if (m === null) return '';
  const shown = displayDecimal(m);
  return shown.finer ? `${shown.text}<span class="finer">${FINER_MARK}</span>` : shown.text;
};
const text = (s: string) => escape(s).replace(/\n/g, '<br>');

/** The page style; its footer ("第 1 页 共 3 页" / "第 1 頁 共 3 頁") in the document's script. */
export function printCss(script: Script): string {
  const unit = WORDING[script].pageUnit;
  const footer = `"第 " counter(page) " ${unit} 共 " counter(pages) " ${unit}"`;
  return `
@page {
  size: A4 landscape;
  margin: 12mm 12mm 14mm 12mm;
  @bottom-center { content: ${footer}; font-family: "Noto Serif CJK SC", "SimSun", "宋体", serif; font-size: 10pt; }
}${PAGE_CSS}`;
}

const PAGE_CSS = `
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif; font-size: 10pt; line-height: 1.4; }
.doc + .doc { break-before: page; }
h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 17pt; text-align: center; margin: 0 0 8pt; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 12.5pt; margin: 9pt 0 4pt; break-after: avoid; }
p { margin: 0 0 6pt; text-indent: 2em; text-align: justify; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: middle; word-break: break-all; }
th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: bold; text-align: center; background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; }
td.seq { text-align: center; }
tr.total td { font-weight: bold; }
.finer { font-size: 75%; vertical-align: super; margin-left: 1pt; }
p.note { text-indent: 0; font-size: 9pt; margin-top: 3pt; }
p.status-line { text-indent: 0; text-align: center; font-size: 10.5pt; margin: -4pt 0 6pt; }
tr.after-as-of td { color: #777; font-style: italic; }
.stated-note { font-size: 8pt; font-style: italic; }
.signature { break-inside: avoid; display: flex; gap: 40mm; margin-top: 18pt; font-size: 12pt; }
.signature span { display: inline-block; min-width: 60mm; border-bottom: 0.6pt solid #000; }
@media screen {
  body { background: #e9ecf0; }
  .doc { background: #fff; width: 273mm; margin: 12px auto; padding: 12mm; box-shadow: 0 2px 10px rgba(0,0,0,.2); box-sizing: content-box; }
}
`;

/** "审核状态:已验收(赵处长,2026年11月29日) 验收日期:2023年5月20日" in the document's script. */
export function statusLine(status: StatusInfo, acceptedOn: string | null, script: Script): string {
  // The fixed words in the document's script; the name as the person wrote it.
  const t = (text: string) => (script === 'hant' ? toTraditional(text) : text);
  const day = statusDay(status);
  const who = [status.by, day ? chineseDay(day) : null].filter(Boolean).join(',');
  return `${t(`审核状态:${statusLabel(status.status, 'zh')}`)}${who ? `(${who})` : ''}${acceptedOn ? ` ${t('验收日期')}:${chineseDate(acceptedOn)}` : ''}`;
}

function countyDocument(record: CountyRecord, o: PrintOptions, status?: StatusInfo): string {
  const w = WORDING[o.script];
  const [seqH, nameH, targetH, completionH, rateH] = w.itemHeaders;
  const [dSeqH, dNameH, plannedH, actualH, dRateH] = w.disbursementHeaders;
  const items = record.items
    .map(
      (i) =>
        `<tr><td class="seq">${i.seq}</td><td>${text(i.name)}</td><td>${text(i.target)}</td><td>${text(i.completion)}</td><td class="num">${i.completionRate === null ? '' : `${escape(i.completionRate)}%`}</td></tr>`,
    )
    .join('');
  const rows = record.disbursements
    .map(
      (d) =>
        `<tr><td class="seq">${d.seq}</td><td>${text(d.name)}</td><td class="num">${money(d.planned)}</td><td class="num">${money(d.actual)}</td><td class="num">${d.rate === null ? '—' : `${d.rate}%`}</td></tr>`,
    )
    .join('');
  const t = record.totals;
  const finer = [...record.disbursements.flatMap((d) => [d.planned, d.actual]), t.planned, t.actual].some(
    (m) => m !== null && displayDecimal(m).finer,
  );
  const signature = o.signature
    ? `<div class="signature"><div>${w.signature[0]} <span></span></div><div>${w.signature[1]} <span></span></div></div>`
    : '';
  return `<section class="doc">
<h1>${escape(documentTitle(record.county.name, o.script))}</h1>
${status ? `<p class="status-line">${escape(statusLine(status, record.county.acceptedOn, o.script))}</p>\n` : ''}<h2>${w.basic}</h2>
<p>${text(basicParagraph(record.county, o.script))}</p>
<h2>${w.items}</h2>
<table class="items"><colgroup><col style="width:5%"><col style="width:14%"><col style="width:30%"><col style="width:43%"><col style="width:8%"></colgroup>
<thead><tr><th>${seqH}</th><th>${nameH}</th><th>${targetH}</th><th>${completionH}</th><th>${rateH}</th></tr></thead>
<tbody>${items}</tbody></table>
<h2>${w.disbursements}</h2>
<p>${escape(disbursementSummary(record, o.script))}</p>
<table class="disbursements"><colgroup><col style="width:8%"><col style="width:44%"><col style="width:17%"><col style="width:17%"><col style="width:14%"></colgroup>
<thead><tr><th>${dSeqH}</th><th>${dNameH}</th><th>${plannedH}</th><th>${actualH}</th><th>${dRateH}</th></tr></thead>
<tbody>${rows}<tr class="total"><td class="seq" colspan="2">${w.total}</td><td class="num">${money(t.planned)}</td><td class="num">${money(t.actual)}</td><td class="num">${showRate(t.rate)}${t.rate === null ? '' : '%'}</td></tr></tbody></table>
${finer ? `<p class="note">${escape(w.finerNote)}</p>` : ''}
${o.ledger ? ledgerAppendix(record, o.script) : ''}
${o.performance && record.performance ? performanceSection(record.performance, o.script) : ''}
${signature}
</section>`;
}

/** 附:拨付台账(截至…): every payment by line and day; those after the as-of day greyed and said not counted. */
export function ledgerAppendix(record: CountyRecord, script: Script): string {
  const payments = record.payments ?? [];
  if (!payments.length || !record.asOf) return '';
  const w = WORDING[script];
  const names = new Map(record.disbursements.map((d) => [d.seq, d.name]));
  const day = record.asOf;
  const rows = payments
    .map((p) => {
      const after = p.date > day;
      return `<tr${after ? ' class="after-as-of"' : ''}><td class="seq">${p.line}</td><td>${text(names.get(p.line) ?? '')}</td><td class="seq">${escape(p.date)}${after ? `<br><span class="note">${escape(w.ledgerNotCounted)}</span>` : ''}</td><td class="num">${money(p.amount)}</td><td>${text(p.payee)}</td><td>${text(p.voucher)}</td><td>${text(p.stage)}</td><td>${text(p.note)}</td></tr>`;
    })
    .join('');
  return `<h2 class="appendix">${escape(w.ledgerAppendix(day))}</h2>
<table class="ledger"><colgroup><col style="width:6%"><col style="width:22%"><col style="width:12%"><col style="width:10%"><col style="width:18%"><col style="width:11%"><col style="width:9%"><col style="width:12%"></colgroup>
<thead><tr>${w.ledgerHeaders.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** The whole printable page. */
export function printHtml(records: CountyRecord[], options: PrintOptions): string {
  const title =
    records.length === 1 ? documentTitle(records[0].county.name, options.script) : `${WORDING[options.script].title}(${records.length})`;
  return `<!doctype html><html lang="${options.script === 'hant' ? 'zh-Hant' : 'zh-CN'}"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${printCss(options.script)}</style></head><body>${records.map((r, i) => countyDocument(r, options, options.statuses?.[i])).join('\n')}</body></html>`;
}
