/**
 * The bundled sample (public/sample.pdf): a consistent 城关区文化和旅游局2024年部门预算 with six
 * planted errors of different kinds, one of them a 尾差 that must be reported as info only.
 */
import type { DisclosureDocument, NumberSlot } from './document';
import { buildModel, type GenerateOptions } from './model';
import { Decimal, parseNumber } from './money';
import { buildDocument, renderHtml } from './render';
import type { GeneratedDisclosure } from './index';

export type PlantedKind = 'total-not-sum' | 'section-subtotal' | 'cross-table' | 'narrative-vs-table' | 'share' | 'rounding';

export interface PlantedError {
  id: string;
  kind: PlantedKind;
  /** What the checker should report: error, or info for a 尾差 within rounding tolerance. */
  severity: 'error' | 'info';
  where: 'table' | 'text';
  table?: string;
  tableId?: string;
  row?: string;
  code?: string;
  column?: string;
  section?: string;
  sentence?: string;
  /** Filled in once the PDF exists. */
  page?: number | null;
  expected: string;
  found: string;
  slotId: string;
  /** Further cells changed together with this one (e.g. a table kept internally consistent). */
  also?: Array<{ table?: string; row?: string; column?: string; expected: string; found: string; slotId: string }>;
  description: { zh: string; en: string };
}

export const SAMPLE_OPTIONS: GenerateOptions = { bureau: '文化和旅游局', region: '城关区', year: 2024, unit: '万元', carryOver: false, otherIncome: true, thousands: false };

/** The first seed whose document has what the planted errors need. */
export function sampleSeed(): string {
  for (let i = 1; i < 500; i++) {
    const seed = `gouji-sample-${i}`;
    const m = buildModel(seed, SAMPLE_OPTIONS);
    const okThreePublic = m.threePublic.reception.gte(1) && m.threePublic.vehicleOperation.gt(0) && m.threePublic.vehiclePurchase.isZero() && m.threePublic.abroad.isZero();
    if (m.units.length >= 2 && okThreePublic && m.projects.length >= 6 && m.projects.length <= 9 && !m.trimNarrative && m.blankZeros) return seed;
  }
  throw new Error('no sample seed');
}

function findSlot(doc: DisclosureDocument, pred: (s: NumberSlot) => boolean, what: string): NumberSlot {
  const s = doc.order.map((id) => doc.slots[id]).find(pred);
  if (!s) throw new Error(`sample: no slot for ${what}`);
  return s;
}

/** Swap the first pair of distinct adjacent digits of the integer part (a transposition typo). */
function transposeInteger(text: string): string {
  const int = text.split('.')[0];
  for (let i = 0; i + 1 < int.length; i++) {
    if (int[i] !== int[i + 1] && !(i === 0 && int[i + 1] === '0')) return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  }
  throw new Error(`cannot transpose ${text}`);
}

/** Change the tens (or units) digit of the integer part by +3 mod 10 (a one-digit typo). */
function changeDigit(text: string): string {
  const int = text.split('.')[0];
  const i = int.length >= 2 ? int.length - 2 : int.length - 1;
  const d = (Number(int[i]) + 3) % 10;
  if (i === 0 && d === 0) return text.slice(0, i) + '1' + text.slice(i + 1);
  return text.slice(0, i) + String(d) + text.slice(i + 1);
}

export interface Sample {
  generated: GeneratedDisclosure;
  overrides: Record<string, string>;
  html: string;
  planted: PlantedError[];
}

export function buildSample(): Sample {
  const seed = sampleSeed();
  const model = buildModel(seed, SAMPLE_OPTIONS);
  const document = buildDocument(model);
  const generated: GeneratedDisclosure = { seed, options: SAMPLE_OPTIONS, model, document, html: renderHtml(document) };
  const doc = document;
  const y = model.year;
  const overrides: Record<string, string> = {};
  const planted: PlantedError[] = [];
  const tableLoc = (s: NumberSlot) => ({ where: 'table' as const, table: s.table, tableId: s.tableId, row: s.row, code: s.code, column: s.column, slotId: s.id });
  const textLoc = (s: NumberSlot) => ({ where: 'text' as const, section: s.section, sentence: s.sentence, slotId: s.id });
  const set = (s: NumberSlot, text: string) => {
    if (text === s.text) throw new Error(`sample: ${s.id} unchanged`);
    overrides[s.id] = text;
    return text;
  };

  // P1 a total that is not the sum of its items: 项目支出表 合计 row, 合计 column (digits transposed).
  {
    const s = findSlot(doc, (x) => x.tableId === 'projects' && x.row === '合计' && x.column === '合计', 'projects total');
    const found = set(s, transposeInteger(s.text));
    planted.push({
      id: 'P1',
      kind: 'total-not-sum',
      severity: 'error',
      ...tableLoc(s),
      expected: s.text,
      found,
      description: {
        zh: `项目支出表“合计”行合计数${found}与各项目之和${s.text}不符（相邻数字颠倒），且与部门支出总表项目支出${s.text}不一致。`,
        en: `Project expenditure table: the total ${found} is not the sum of the projects ${s.text} (adjacent digits transposed); it also disagrees with the expenditure summary's project expenditure.`,
      },
    });
  }

  // P2 a 款 subtotal off: 一般公共预算支出表, a 款 with several 项, 合计 column (one digit changed).
  {
    const sections = doc.order
      .map((id) => doc.slots[id])
      .filter((x) => x.tableId === 'gp-expenditure' && x.column === '合计' && x.code?.length === 5);
    const s =
      sections.find((x) => x.code === '20805') ??
      sections.find((x) => doc.order.map((id) => doc.slots[id]).filter((c) => c.tableId === 'gp-expenditure' && c.column === '合计' && c.code?.startsWith(x.code!) && c.code.length === 7).length >= 2) ??
      sections[0];
    const found = set(s, changeDigit(s.text));
    planted.push({
      id: 'P2',
      kind: 'section-subtotal',
      severity: 'error',
      ...tableLoc(s),
      expected: s.text,
      found,
      description: {
        zh: `一般公共预算支出表${s.code} ${s.row}（款）合计${found}不等于所属各项之和${s.text}（一位数字错误），类级合计也随之不符。`,
        en: `General public budget expenditure table: section ${s.code} ${s.row} shows ${found}, but its items add up to ${s.text} (one digit wrong); the class total no longer matches either.`,
      },
    });
  }

  // P3 a figure differing between two tables: the “三公” table carries a stale 公务接待费 (its own 合计 adjusted),
  // while 基本支出表 30217 and the narrative keep the right amount.
  {
    const row = `${y}年预算数`;
    const s = findSlot(doc, (x) => x.tableId === 'three-public' && x.row === row && x.column === '公务接待费', 'reception');
    const t = findSlot(doc, (x) => x.tableId === 'three-public' && x.row === row && x.column === '合计', 'three-public total');
    const found = set(s, changeDigit(s.text));
    const delta = parseNumber(found)!.minus(parseNumber(s.text)!);
    const totalFound = set(t, parseNumber(t.text)!.plus(delta).toFixed(2));
    planted.push({
      id: 'P3',
      kind: 'cross-table',
      severity: 'error',
      ...tableLoc(s),
      expected: s.text,
      found,
      also: [{ table: t.table, row: t.row, column: t.column, expected: t.text, found: totalFound, slotId: t.id }],
      description: {
        zh: `“三公”经费支出表公务接待费${found}与一般公共预算基本支出表30217公务接待费${s.text}及说明中的${s.text}万元不一致（表内合计随之改为${totalFound}，表内自洽）。`,
        en: `“Three public” table: official reception ${found} differs from economic code 30217 in the basic expenditure table (${s.text}) and from the narrative; the table's own total was changed to ${totalFound} so the table itself adds up.`,
      },
    });
  }

  // P4 a narrative amount contradicting a table: 机关运行经费 in the narrative (digits transposed).
  {
    const s = findSlot(doc, (x) => x.where === 'text' && x.section === '机关运行经费' && x.kind === 'amount', 'operating narrative');
    const found = set(s, transposeInteger(s.text));
    planted.push({
      id: 'P4',
      kind: 'narrative-vs-table',
      severity: 'error',
      ...textLoc(s),
      table: `${y}年机关运行经费预算表`,
      tableId: 'operating',
      row: '合计',
      column: '预算数',
      expected: s.text,
      found,
      description: {
        zh: `说明中机关运行经费预算${found}万元与机关运行经费预算表合计${s.text}不一致（相邻数字颠倒）；同句的增长率因此也与“比上年增加/减少”金额不再相符。`,
        en: `The narrative gives 机关运行经费 as ${found} 万元 but its table totals ${s.text} (adjacent digits transposed); the sentence's growth rate no longer fits either.`,
      },
    });
  }

  // P5 a wrong share: 支出预算总体情况, 基本支出 占x%.
  {
    const s = findSlot(doc, (x) => x.where === 'text' && x.section === '支出预算总体情况' && x.kind === 'percent', 'basic share');
    const found = set(s, changeDigit(s.text));
    planted.push({
      id: 'P5',
      kind: 'share',
      severity: 'error',
      ...textLoc(s),
      expected: s.text,
      found,
      description: {
        zh: `说明中基本支出“占${found}%”与基本支出÷支出合计=${s.text}%不符（与项目支出占比之和也不再是100%）。`,
        en: `The narrative says basic expenditure is ${found}% of the total; basic ÷ total is ${s.text}%.`,
      },
    });
  }

  // P6 a 尾差: 基本支出表 301 工资福利支出 合计 off by 0.01 — within rounding tolerance, info only.
  {
    const s = findSlot(doc, (x) => x.tableId === 'gp-basic' && x.code === '301' && x.column === '合计', '301 subtotal');
    const found = set(s, new Decimal(s.text).plus('0.01').toFixed(2));
    planted.push({
      id: 'P6',
      kind: 'rounding',
      severity: 'info',
      ...tableLoc(s),
      expected: s.text,
      found,
      description: {
        zh: `一般公共预算基本支出表301工资福利支出${found}与明细之和${s.text}差0.01，在四舍五入容差内，属尾差（应为提示，不是错误）。`,
        en: `Basic expenditure table: 301 shows ${found} against ${s.text} for its lines — a 0.01 difference within rounding tolerance (尾差): info, not an error.`,
      },
    });
  }

  return { generated, overrides, html: renderHtml(doc, overrides), planted };
}
