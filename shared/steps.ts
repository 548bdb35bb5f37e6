// Undo steps in words: what a step did, named as a person would ("编辑 樟树市 三 第1行 实际拨付额度").
import { fieldLabel, type Lang } from './i18n';
import { statusLabel } from './status';
import { performanceFieldLabel } from './performance-fields';

/** What a step names, kept with it in the change log. */
export type StepDetail = {
  county?: string;
  batch?: number;
  table?: 'county' | 'items' | 'disbursements' | 'payments' | 'performance';
  /** 1-based row number in its table, when the step touched one row. */
  row?: number;
  field?: string;
  rows?: number;
  columns?: number;
  files?: string[];
  counties?: string[];
  /** An import: the doubts a person confirmed before it wrote. */
  confirmed?: string[];
  /** A status change: the new status, who set it, the remark or reason. */
  status?: 'draft' | 'submitted' | 'reviewed' | 'accepted';
  by?: string;
  remark?: string;
  /** A replace within a record: what was replaced by what, how many times. */
  replaced?: { find: string; with: string; count: number };
};

/** How a step of cell edits came about: typed, pasted, cleared (Delete), or filled (Ctrl+D / Ctrl+R). */
export type EditAction = 'edit' | 'paste' | 'clear' | 'fill down' | 'fill right';
/** A Ctrl+D (down) or Ctrl+R (right) fill, as the contract carries it. */
export const FILLS = ['down', 'right'] as const;
export type Fill = (typeof FILLS)[number];

/** How a step of cell edits is named: a fill or a clear as such, else a paste (several cells or new rows) or an edit. */
export function editAction(how: { fill?: Fill; clear?: boolean; edits: number; append: number }): EditAction {
  if (how.fill) return `fill ${how.fill}`;
  if (how.clear) return 'clear';
  return how.append || how.edits > 1 ? 'paste' : 'edit';
}

const ACTIONS: Record<string, [string, string]> = {
  edit: ['编辑', 'Edit'],
  paste: ['粘贴', 'Paste'],
  'fill down': ['向下填充', 'Fill down'],
  'fill right': ['向右填充', 'Fill right'],
  clear: ['清除', 'Clear'],
  'insert rows': ['插入行', 'Insert rows'],
  'delete rows': ['删除行', 'Delete rows'],
  'move row': ['移动行', 'Move row'],
  create: ['新建记录', 'New record'],
  duplicate: ['复制记录', 'Duplicate record'],
  'delete record': ['删除记录', 'Delete record'],
  demo: ['添加示例', 'Add demo'],
  import: ['导入', 'Import'],
  status: ['状态', 'Status'],
  'add payments': ['添加拨付', 'Add payments'],
  'draft performance': ['起草绩效自评', 'Draft performance'],
  replace: ['替换', 'Replace'],
};

const TABLES: Record<NonNullable<StepDetail['table']>, [string, string]> = {
  county: ['基本情况', 'basic facts'],
  items: ['二', 'table 2'],
  disbursements: ['三', 'table 3'],
  payments: ['拨付台账', 'ledger'],
  performance: ['绩效自评', 'performance'],
};

/** "编辑 樟树市 三 第1行 实际拨付额度" / "Edit 樟树市, table 3, row 1, disbursed (10k yuan)". */
export function stepLabel(step: { action: string; detail: StepDetail }, lang: Lang): string {
  const zh = lang === 'zh';
  const d = step.detail;
  const parts: string[] = [(ACTIONS[step.action] ?? [step.action, step.action])[zh ? 0 : 1]];
  if (d.county)
    parts.push(
      d.batch !== undefined &&
        (step.action === 'create' ||
          step.action === 'duplicate' ||
          step.action === 'delete record' ||
          step.action === 'demo' ||
          step.action === 'status')
        ? zh
          ? `${d.county} 第${d.batch}批`
          : `${d.county} (batch ${d.batch})`
        : d.county,
    );
  if (d.table) parts.push(TABLES[d.table][zh ? 0 : 1]);
  // The ledger counts payments (笔), the tables rows.
  const payments = d.table === 'payments';
  if (d.row !== undefined) parts.push(zh ? `第${d.row}${payments ? '笔' : '行'}` : `${payments ? 'payment' : 'row'} ${d.row}`);
  if (d.field) parts.push(d.field.startsWith('performance.') ? performanceFieldLabel(d.field.slice(12), lang) : fieldLabel(d.field, lang));
  if (d.rows !== undefined && d.row === undefined)
    parts.push(
      d.columns !== undefined
        ? zh
          ? `${d.rows} 行 × ${d.columns} 列`
          : `${d.rows} × ${d.columns} cells`
        : payments
          ? zh
            ? `${d.rows} 笔`
            : `${d.rows} payments`
          : zh
            ? `${d.rows} 行`
            : `${d.rows} rows`,
    );
  if (d.files?.length) parts.push(d.files.join('、'));
  if (d.counties?.length) parts.push(`(${d.counties.join('、')})`);
  if (d.replaced) {
    const { find, with: by, count } = d.replaced;
    parts.push(zh ? `“${find}”→“${by}”(${count} 处)` : `“${find}” → “${by}” (${count} ${count === 1 ? 'place' : 'places'})`);
  }
  if (d.status) parts.push(`→ ${statusLabel(d.status, lang)}${d.by ? ` (${d.by})` : ''}`);
  return zh ? parts.join(' ') : parts.join(', ').replace(/^([^,]+), /, '$1 ');
}
