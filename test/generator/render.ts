/**
 * Model → document (tables + narrative with every number as a slot) → HTML for printing.
 * All figures come from deriveFigures(); the narrative's shares and year-over-year changes are
 * computed here with decimal.js and rounded half-up to 2 decimals.
 */
import { EXPENDITURE_CLASSES, economicName, functionName } from './catalog';
import type { Block, Cell, DisclosureDocument, Inline, NumberSlot, ParagraphBlock, SlotKind, TableBlock } from './document';
import { Decimal, ZERO, decimalsOf, groupThousands, percent, round, sum, wanText, yuanText } from './money';
import { deriveFigures, functionTree, isPersonnel, basicEconomicNames, type DisclosureModel, type Figures } from './model';
import { Rng } from './prng';
import { LAYOUT_CSS, tableHtml } from './layouts';
import { phrasedNarrative, staffSentence } from './phrasing';

const CN_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUM[n];
  if (n < 20) return '十' + CN_NUM[n - 10];
  const tens = Math.floor(n / 10);
  return CN_NUM[tens] + '十' + CN_NUM[n % 10];
}
const CN_DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseYear(y: number): string {
  return String(y)
    .split('')
    .map((d) => CN_DIGIT[Number(d)])
    .join('');
}

/** The titles of the tables, in order (目录 lists them without the year). */
export const TABLE_TITLES: Array<[string, string]> = [
  ['income-expenditure', '部门收支总表'],
  ['income', '部门收入总表'],
  ['expenditure', '部门支出总表'],
  ['fiscal', '财政拨款收支总表'],
  ['gp-expenditure', '一般公共预算支出表'],
  ['gp-basic', '一般公共预算基本支出表'],
  ['three-public', '一般公共预算“三公”经费支出表'],
  ['gov-fund', '政府性基金预算支出表'],
  ['state-capital', '国有资本经营预算支出表'],
  ['projects', '项目支出表'],
  ['operating', '机关运行经费预算表'],
];

export class DocBuilder {
  readonly blocks: Block[] = [];
  readonly slots: Record<string, NumberSlot> = {};
  readonly order: string[] = [];
  private n = 0;
  section = '';

  constructor(readonly model: DisclosureModel) {}

  slot(text: string, kind: SlotKind, checkable: boolean, meta: Partial<NumberSlot>): string {
    const id = `s${++this.n}`;
    this.slots[id] = { id, text, kind, checkable, where: meta.where ?? 'text', ...meta };
    this.order.push(id);
    return id;
  }

  /** Table amount text in the table unit. */
  tableAmount(v: Decimal): string {
    const text = this.model.unit === '万元' ? wanText(v) : this.model.layout === 'whole-yuan' ? round(v, 0).toFixed(0) : yuanText(v);
    return this.model.thousands ? groupThousands(text) : text;
  }

  /** Narrative amount text, always in 万元. */
  wan(v: Decimal): string {
    return wanText(v, this.model.trimNarrative);
  }

  para(parts: Inline[], cls?: string): void {
    const p: ParagraphBlock = { type: 'p', parts, cls };
    this.blocks.push(p);
    // Attach each slot's sentence (split at 。and ；).
    const texts = parts.map((x) => (typeof x === 'string' ? x : this.slots[x.slot].text));
    const full = texts.join('');
    let offset = 0;
    parts.forEach((x, i) => {
      if (typeof x !== 'string') {
        const start = Math.max(full.lastIndexOf('。', offset - 1), full.lastIndexOf('；', offset - 1)) + 1;
        const ends = ['。', '；'].map((c) => full.indexOf(c, offset)).filter((k) => k >= 0);
        const end = ends.length ? Math.min(...ends) + 1 : full.length;
        this.slots[x.slot].sentence = full.slice(start, end);
        this.slots[x.slot].section = this.section;
      }
      offset += texts[i].length;
    });
  }

  /** The narrative's unit word: 万元, or 万 when the writer has that habit (phrasing 2, drawn). */
  get w(): string {
    return this.model.bareWan ? '万' : '万元';
  }

  /** A narrative number nothing may link or check (vague subject, a rate without its base): never mutated for recall. */
  vague(v: Decimal, kind: SlotKind = 'amount'): Inline {
    const text = kind === 'percent' ? v.toFixed(2) : kind === 'count' ? v.toFixed(0) : this.wan(v);
    return { slot: this.slot(text, kind, false, { where: 'text', unlinkable: true }) };
  }

  /**
   * A year-over-year change in the document's phrasing: 比上年增加x万元，增长y% (0), 较上年… (1),
   * 与上年相比，… (2); `rateOnly` states the rate alone (增长y%, nothing to check it against in a
   * 预算's tables: unlinkable), `rateFirst` gives 增长y%（增加x万元）.
   */
  changeP(current: Decimal, prior: Decimal, opts: { rateOnly?: boolean; rateFirst?: boolean } = {}): Inline[] {
    const p = this.model.phrasing;
    if (p === 0) return this.change(current, prior);
    const lead = p === 1 ? '较上年' : '与上年相比，';
    const w = this.w;
    const delta = current.minus(prior);
    if (delta.isZero()) return ['与上年持平'];
    if (prior.isZero()) return [`${lead}增加`, this.amount(delta, false), `${w}（上年无此项预算）`];
    const rate = percent(delta.abs(), prior);
    const up = delta.gt(0);
    const rateSlot = (linkable: boolean): Inline => (linkable ? { slot: this.slot(rate.toFixed(2), 'percent', true, { where: 'text', tolerance: this.changeSlack(current, delta) }) } : this.vague(rate, 'percent'));
    if (opts.rateOnly) return [`${lead}${up ? '增长' : '下降'}`, rateSlot(false), '%'];
    if (opts.rateFirst) return [`${lead}${up ? '增长' : '下降'}`, rateSlot(true), `%（${up ? '增加' : '减少'}`, this.amount(delta.abs()), `${w}）`];
    return [`${lead}${up ? '增加' : '减少'}`, this.amount(delta.abs()), `${w}，${up ? '增长' : '下降'}`, rateSlot(true), '%'];
  }

  /** Half a unit of the last printed digit of a narrative amount (4.2万元 trimmed: ±0.05). */
  half(v: Decimal): Decimal {
    return HALF.times(new Decimal(10).pow(2 - decimalsOf(this.wan(v))));
  }

  /** The slack of 增长y% told beside this year's figure X and the change D (last year = X ∓ D, both printed), around the printed y. */
  changeSlack(current: Decimal, delta: Decimal): string | undefined {
    const x = printed(current);
    const dd = printed(delta);
    const prior = current.minus(delta);
    if (prior.isZero()) return undefined;
    return rateSlack(dd, x.minus(delta.gt(0) ? dd : dd.neg()).abs(), this.half(delta), this.half(current).plus(this.half(delta)), percent(delta.abs(), prior));
  }

  /** A narrative amount in 万元. */
  amount(v: Decimal, checkable = true): Inline {
    return { slot: this.slot(this.wan(v), 'amount', checkable && !v.isZero(), { where: 'text' }) };
  }

  pct(part: Decimal, whole: Decimal): Inline {
    return { slot: this.slot(percent(part, whole).toFixed(2), 'percent', true, { where: 'text', tolerance: rateSlack(printed(part), printed(whole), this.half(part), this.half(whole), percent(part, whole)) }) };
  }

  count(n: number, checkable: boolean): Inline {
    return { slot: this.slot(String(n), 'count', checkable, { where: 'text' }) };
  }

  /** 比上年增加x万元，增长y% / 减少x万元，下降y% / 与上年持平 / 增加x万元（上年无此项） */
  change(current: Decimal, prior: Decimal, lead = '比上年'): Inline[] {
    const delta = current.minus(prior);
    if (delta.isZero()) return ['与上年持平'];
    if (prior.isZero()) return [`${lead}增加`, this.amount(delta, false), '万元（上年无此项预算）'];
    const rate = percent(delta.abs(), prior);
    const up = delta.gt(0);
    return [`${lead}${up ? '增加' : '减少'}`, this.amount(delta.abs()), `万元，${up ? '增长' : '下降'}`, { slot: this.slot(rate.toFixed(2), 'percent', true, { where: 'text', tolerance: this.changeSlack(current, delta) }) }, '%'];
  }
}

const HALF = new Decimal('0.005');
/** A 元 amount as the narrative prints it, in 万元 (2 decimals). */
const printed = (yuan: Decimal) => round(yuan.div(10000).abs(), 2);

/** How far num/den·100 may move when num and den are each off by up to hn, hd (plus the rate's own rounding). */
function rateSlack(num: Decimal, den: Decimal, hn: Decimal, hd: Decimal, shown: Decimal): string | undefined {
  if (den.minus(hd).lte(0)) return undefined;
  // the interval the printed figures allow, measured from the rate as printed (computed from the
  // exact figures, it need not be the printed figures' own rate)
  const hi = num.plus(hn).div(den.minus(hd)).times(100);
  const lo = Decimal.max(0, num.minus(hn)).div(den.plus(hd)).times(100);
  return Decimal.max(hi.minus(shown).abs(), shown.minus(lo).abs()).plus(HALF).toDecimalPlaces(4, Decimal.ROUND_UP).toString();
}


export interface CellSpec {
  text?: string;
  amount?: Decimal;
  /** Show 0.00 even when the model leaves zeros blank. */
  force?: boolean;
  row?: string;
  code?: string;
  cls?: string;
}

export class TableBuilder {
  readonly block: TableBlock;

  constructor(
    private doc: DocBuilder,
    id: string,
    number: string,
    title: string,
    wide: boolean,
    header: Cell[][],
    columns: string[],
  ) {
    this.block = { type: 'table', id, number, title, wide, department: doc.model.department, unit: doc.model.unit, header, body: [], columns, rows: [] };
  }

  row(label: string, code: string | undefined, specs: Array<CellSpec | string | Decimal | null>, cls?: string): void {
    const rowIndex = this.block.body.length;
    const cells: Cell[] = specs.map((raw, colIndex) => {
      const spec: CellSpec = raw === null ? { text: '' } : typeof raw === 'string' ? { text: raw } : raw instanceof Decimal ? { amount: raw } : raw;
      if (spec.amount === undefined) return { text: spec.text ?? '', cls: spec.cls };
      const blank = spec.amount.isZero() && !spec.force && this.doc.model.blankZeros;
      if (blank) return { text: '', cls: 'num' };
      const text = this.doc.tableAmount(spec.amount);
      const slot = this.doc.slot(text, 'amount', !spec.amount.isZero(), {
        where: 'table',
        tableId: this.block.id,
        table: this.block.title,
        row: spec.row ?? label,
        code: spec.code ?? code,
        column: this.block.columns[colIndex],
        rowIndex,
        colIndex,
      });
      return { slot, cls: 'num' };
    });
    this.block.body.push(cells.map((c) => (cls ? { ...c, cls: `${c.cls ?? ''} ${cls}`.trim() } : c)));
    this.block.rows.push({ label, code });
  }

  done(note?: string): void {
    this.block.note = note;
    this.uncheckBlankSurrounded();
    this.doc.blocks.push(this.block);
  }

  /**
   * A figure whose row and column both hold two or more blank amounts (zeros left blank) is in no
   * identity Gouji may judge: a blank item counts as 0 only when the total and every other item
   * of that identity are printed (issue 7). Such a figure is not offered to the typo generator.
   */
  private uncheckBlankSurrounded(): void {
    const body = this.block.body;
    const isBlank = (c: Cell | undefined) => !!c && c.cls === 'num' && c.slot === undefined && (c.text ?? '') === '';
    body.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (!cell.slot) return;
        const rowBlanks = cells.filter((x, k) => k !== c && isBlank(x)).length;
        const colBlanks = body.filter((row, k) => k !== r && isBlank(row[c])).length;
        if (rowBlanks >= 2 && colBlanks >= 2) this.doc.slots[cell.slot].checkable = false;
      }),
    );
  }
}

export function h(text: string, rowspan = 1, colspan = 1): Cell {
  return { text, rowspan: rowspan > 1 ? rowspan : undefined, colspan: colspan > 1 ? colspan : undefined };
}

export function buildDocument(model: DisclosureModel): DisclosureDocument {
  const f = deriveFigures(model);
  const d = new DocBuilder(model);
  const y = model.year;
  const dept = model.department;
  const rng = new Rng(`${model.seed}/narrative`);
  const reason = (up: boolean) => rng.pick(up ? model.reasons.up : model.reasons.down);
  const title = `${dept}${y}年部门预算`;

  // Cover and 目录.
  d.blocks.push({ type: 'cover', title, date: `${chineseYear(y)}年${rng.pick(['一', '二', '三'])}月` });
  d.blocks.push({
    type: 'toc',
    entries: [
      { text: '第一部分 部门概况', level: 0 },
      { text: '一、主要职能', level: 1 },
      { text: '二、部门预算单位构成', level: 1 },
      { text: `第二部分 ${dept}${y}年部门预算情况说明`, level: 0 },
      { text: '第三部分 名词解释', level: 0 },
      { text: `第四部分 ${dept}${y}年部门预算公开表`, level: 0 },
      ...TABLE_TITLES.map(([, t], i) => ({ text: `${chineseNumber(i + 1)}、${t}`, level: 1 })),
      ...(model.unitCopies
        ? [
            { text: `第五部分 ${dept}（本级）${y}年单位预算公开表`, level: 0 },
            ...TABLE_TITLES.map(([, t], i) => ({ text: `${chineseNumber(i + 1)}、${unitTitle(t)}`, level: 1 })),
          ]
        : []),
    ],
  });

  // 第一部分 概况.
  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: '第一部分 部门概况' });
  d.blocks.push({ type: 'h2', text: '一、主要职能' });
  model.duties.forEach((t, i) => d.para([`${chineseNumber(i + 1)}、${t}`]));
  d.blocks.push({ type: 'h2', text: '二、部门预算单位构成' });
  d.section = '部门预算单位构成';
  d.para([
    `纳入本部门${y}年部门预算编制范围的单位共`,
    d.count(model.units.length, false),
    `个，包括：${model.units.map((u, i) => `${dept === u ? `${u}本级` : u}`).join('、')}。`,
  ]);

  if (model.phrasing !== 0) staffSentence(d);

  narrative(d, f, reason);
  glossary(d);
  buildTables(d, f);
  if (model.unitCopies) {
    // A one-unit department also publishes its 本级 unit's tables: the same figures, titled 单位….
    const unitName = `${dept}（本级）`;
    buildTables(d, f, {
      idPrefix: 'unit:',
      title: (name) => `${y}年${unitTitle(name)}`,
      entity: unitName,
      entityLabel: '单位名称',
      heading: `第五部分 ${unitName}${y}年单位预算公开表`,
      firstNumber: TABLE_TITLES.length + 1,
    });
  }

  return { title, department: dept, year: y, blocks: d.blocks, slots: d.slots, order: d.order, layout: model.layout, codesOncePerGroup: model.codesOncePerGroup };
}

function narrative(d: DocBuilder, f: Figures, reason: (up: boolean) => string): void {
  if (d.model.phrasing !== 0) return phrasedNarrative(d, f, reason);
  const m = d.model;
  const y = m.year;
  const py = y - 1;
  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: `第二部分 ${m.department}${y}年部门预算情况说明` });

  d.blocks.push({ type: 'h2', text: '一、收支预算总体情况' });
  d.section = '收支预算总体情况';
  const totalUp = f.total.gte(f.priorTotal);
  d.para([
    `按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。${y}年收入总计`,
    d.amount(f.total),
    '万元，支出总计',
    d.amount(f.total),
    `万元。与${py}年相比，收、支总计各`,
    ...d.change(f.total, f.priorTotal, '').map((x) => (x === '与上年持平' ? '持平' : x)),
    `，主要原因是${reason(totalUp)}。`,
  ]);

  d.blocks.push({ type: 'h2', text: '二、收入预算总体情况' });
  d.section = '收入预算总体情况';
  const income: Inline[] = [`${y}年收入预算总计`, d.amount(f.total), '万元，其中：一般公共预算拨款收入', d.amount(f.gp), '万元，占', d.pct(f.gp, f.total), '%；政府性基金预算拨款收入', d.amount(f.fund), '万元'];
  if (!f.fund.isZero()) income.push('，占', d.pct(f.fund, f.total), '%');
  if (!f.other.isZero()) income.push(`；${m.otherIncomeLabel}`, d.amount(f.other), '万元，占', d.pct(f.other, f.total), '%');
  if (!f.carry.isZero()) income.push('；上年结转', d.amount(f.carry), '万元，占', d.pct(f.carry, f.total), '%');
  income.push('。');
  d.para(income);

  d.blocks.push({ type: 'h2', text: '三、支出预算总体情况' });
  d.section = '支出预算总体情况';
  d.para([`${y}年支出预算合计`, d.amount(f.total), '万元，其中：基本支出', d.amount(f.basic), '万元，占', d.pct(f.basic, f.total), '%；项目支出', d.amount(f.project), '万元，占', d.pct(f.project, f.total), '%。']);

  d.blocks.push({ type: 'h2', text: '四、财政拨款收支预算总体情况' });
  d.section = '财政拨款收支预算总体情况';
  const fiscalParts: Inline[] = [`${y}年财政拨款收支总预算`, d.amount(f.appropriation), '万元。收入包括：一般公共预算当年拨款收入', d.amount(f.gp), '万元'];
  if (!f.fund.isZero()) fiscalParts.push('，政府性基金预算当年拨款收入', d.amount(f.fund), '万元');
  if (!f.carry.isZero()) fiscalParts.push('，上年结转', d.amount(f.carry), '万元');
  fiscalParts.push('；支出包括：一般公共预算支出', d.amount(f.fiscal), '万元');
  if (!f.fund.isZero()) fiscalParts.push('，政府性基金预算支出', d.amount(f.fund), '万元');
  fiscalParts.push('。财政拨款收支总预算', ...d.change(f.appropriation, f.priorAppropriation), `，主要原因是${reason(f.appropriation.gte(f.priorAppropriation))}。`);
  d.para(fiscalParts);

  d.blocks.push({ type: 'h2', text: '五、一般公共预算支出预算情况' });
  d.section = '一般公共预算支出预算情况';
  d.blocks.push({ type: 'h3', text: '（一）总体情况' });
  const tree = functionTree(f.items.filter((i) => !i.fiscal.isZero()).map((i) => i.code));
  const byCode = new Map(f.items.map((i) => [i.code, i]));
  const classParts: Inline[] = [`${y}年一般公共预算支出`, d.amount(f.fiscal), '万元，主要用于以下方面：'];
  tree.forEach((c, k) => {
    const v = sum(c.sections.flatMap((s) => s.items.map((i) => byCode.get(i)!.fiscal)));
    classParts.push(`${functionName(c.cls)}（类）`, d.amount(v), '万元，占', d.pct(v, f.fiscal), k === tree.length - 1 ? '%。' : '%；');
  });
  d.para(classParts);
  d.blocks.push({ type: 'h3', text: '（二）具体情况' });
  let k = 0;
  for (const c of tree) {
    for (const s of c.sections) {
      for (const code of s.items) {
        const it = byCode.get(code)!;
        const prior = m.prior.items[code] ?? ZERO;
        const ch = d.change(it.fiscal, prior);
        const tail = ch[0] === '与上年持平' ? '。' : `，主要原因是${reason(it.fiscal.gte(prior))}。`;
        d.para([`${++k}. ${functionName(c.cls)}（类）${functionName(s.section)}（款）${functionName(code)}（项）`, d.amount(it.fiscal), '万元，', ...ch, tail]);
      }
    }
  }

  d.blocks.push({ type: 'h2', text: '六、一般公共预算基本支出预算情况' });
  d.section = '一般公共预算基本支出预算情况';
  const names = (pred: (econ: string) => boolean) => basicEconomicNames(f, pred);
  d.para([
    `${y}年一般公共预算基本支出`,
    d.amount(f.basic),
    '万元，其中：人员经费',
    d.amount(f.personnel),
    `万元，主要包括：${names(isPersonnel)}；公用经费`,
    d.amount(f.publicFunds),
    `万元，主要包括：${names((e) => !isPersonnel(e))}。`,
  ]);

  d.blocks.push({ type: 'h2', text: '七、政府性基金预算支出预算情况' });
  d.section = '政府性基金预算支出预算情况';
  if (f.fund.isZero()) d.para([`本部门${y}年无政府性基金预算拨款安排的支出，政府性基金预算支出表为空表。`]);
  else {
    const fundProjects = m.projects.filter((p) => p.source === 'fund');
    d.para([
      `${y}年政府性基金预算支出`,
      d.amount(f.fund),
      `万元，`,
      ...d.change(f.fund, m.prior.fund),
      `，全部为项目支出，用于${fundProjects.map((p) => p.name).join('、')}。`,
    ]);
  }
  d.blocks.push({ type: 'h2', text: '八、国有资本经营预算支出预算情况' });
  d.para([`本部门${y}年无国有资本经营预算拨款安排的支出，国有资本经营预算支出表为空表。`]);

  d.blocks.push({ type: 'h2', text: '九、一般公共预算“三公”经费预算情况' });
  d.section = '“三公”经费预算情况';
  const tp = m.threePublic;
  const ptp = m.prior.threePublic;
  const vehicle = tp.vehiclePurchase.plus(tp.vehicleOperation);
  const pvehicle = ptp.vehiclePurchase.plus(ptp.vehicleOperation);
  if (f.threePublicTotal.isZero() && f.priorThreePublicTotal.isZero()) {
    d.para([`本部门${y}年无一般公共预算“三公”经费预算，与上年持平。`]);
  } else {
    d.para([
      `${y}年一般公共预算“三公”经费预算`,
      d.amount(f.threePublicTotal),
      '万元，',
      ...d.change(f.threePublicTotal, f.priorThreePublicTotal),
      '。其中：因公出国（境）费',
      d.amount(tp.abroad),
      '万元，',
      ...d.change(tp.abroad, ptp.abroad),
      '；公务用车购置及运行费',
      d.amount(vehicle),
      '万元（其中：公务用车购置费',
      d.amount(tp.vehiclePurchase),
      '万元，公务用车运行维护费',
      d.amount(tp.vehicleOperation),
      '万元），',
      ...d.change(vehicle, pvehicle),
      '；公务接待费',
      d.amount(tp.reception),
      '万元，',
      ...d.change(tp.reception, ptp.reception),
      `。主要原因是${f.threePublicTotal.gt(f.priorThreePublicTotal) ? '公务用车更新' : '厉行节约，严格控制“三公”经费支出'}。`,
    ]);
  }

  d.blocks.push({ type: 'h2', text: '十、其他重要事项的情况说明' });
  d.blocks.push({ type: 'h3', text: '（一）机关运行经费' });
  d.section = '机关运行经费';
  d.para([`${y}年本部门机关运行经费预算`, d.amount(f.operatingTotal), '万元，', ...d.change(f.operatingTotal, m.prior.operating), `，主要原因是${reason(f.operatingTotal.gte(m.prior.operating))}。`]);
  d.blocks.push({ type: 'h3', text: '（二）政府采购情况' });
  d.section = '政府采购情况';
  const pr = m.procurement;
  const prTotal = pr.goods.plus(pr.works).plus(pr.services);
  if (prTotal.isZero()) {
    d.para([`本部门${y}年无政府采购预算。`]);
  } else {
    d.para([`${y}年本部门政府采购预算`, d.amount(prTotal), '万元，其中：政府采购货物预算', d.amount(pr.goods), '万元、政府采购工程预算', d.amount(pr.works), '万元、政府采购服务预算', d.amount(pr.services), '万元。']);
  }
  d.blocks.push({ type: 'h3', text: '（三）国有资产占用情况' });
  d.section = '国有资产占用情况';
  d.para([
    `截至${py}年12月31日，本部门共有车辆`,
    d.count(m.staff.vehicles, false),
    '辆，其中一般公务用车',
    d.count(m.staff.vehicles, false),
    `辆。${y}年部门预算安排购置车辆`,
    d.count(tp.vehiclePurchase.isZero() ? 0 : 1, false),
    '辆。',
  ]);
  d.blocks.push({ type: 'h3', text: '（四）预算绩效目标情况' });
  d.section = '预算绩效目标情况';
  d.para([`${y}年本部门项目支出全部实行绩效目标管理，纳入绩效目标管理的项目支出`, d.amount(f.project), '万元，涉及项目', d.count(m.projects.length, true), '个。']);
}

export function glossary(d: DocBuilder): void {
  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: '第三部分 名词解释' });
  const terms = [
    '财政拨款收入：指本级财政当年拨付的资金。',
    '事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。',
    '上年结转：指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。',
    '基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。',
    '项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。',
    '“三公”经费：指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。',
    '机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行，用于购买货物和服务等的各项公用经费。',
  ];
  terms.forEach((t, i) => d.para([`${chineseNumber(i + 1)}、${t}`]));
}

/** Where a set of tables belongs: the department (部门预算) or the 本级 unit's copy (单位预算). */
interface TableScope {
  idPrefix: string;
  /** Title for a table id, e.g. 2024年部门收支总表 / 2024年单位预算部门收支总表. */
  title: (name: string) => string;
  /** Name in the 部门名称/单位名称 line. */
  entity: string;
  entityLabel: '部门名称' | '单位名称';
  heading: string;
  firstNumber: number;
}

/** The unit-level title of a table: 部门收支总表 → 单位收支总表, others prefixed 单位预算. */
export function unitTitle(name: string): string {
  return name.startsWith('部门') ? `单位${name.slice(2)}` : `单位预算${name}`;
}

function buildTables(d: DocBuilder, f: Figures, scope?: TableScope): void {
  const m = d.model;
  const y = m.year;
  const titles = new Map(TABLE_TITLES);
  const sc: TableScope = scope ?? {
    idPrefix: '',
    title: (name) => `${y}年${name}`,
    entity: m.department,
    entityLabel: '部门名称',
    heading: `第四部分 ${m.department}${y}年部门预算公开表`,
    firstNumber: 1,
  };
  let no = sc.firstNumber - 1;
  const start = (id: string, wide: boolean, header: Cell[][], columns: string[]) => {
    const t = new TableBuilder(d, sc.idPrefix + id, `表${++no}`, sc.title(titles.get(id)!), wide, header, columns);
    t.block.department = sc.entity;
    if (sc.entityLabel === '单位名称') t.block.entityLabel = '单位名称';
    return t;
  };
  const tree = functionTree(f.items.map((i) => i.code));
  const byCode = new Map(f.items.map((i) => [i.code, i]));
  const agg = (codes: string[], pick: (i: (typeof f.items)[number]) => Decimal) => sum(codes.map((c) => pick(byCode.get(c)!)));
  const hierarchy = (codesOf: (c: (typeof tree)[number]) => string[]) =>
    tree.flatMap((c) => [
      { level: 0, code: c.cls, codes: codesOf(c) },
      ...c.sections.flatMap((s) => [{ level: 1, code: s.section, codes: s.items }, ...s.items.map((i) => ({ level: 2, code: i, codes: [i] }))]),
    ]);
  const hier = hierarchy((c) => c.sections.flatMap((s) => s.items));
  const other = m.otherIncomeLabel;

  d.blocks.push({ type: 'break' });
  d.blocks.push({ type: 'h1', text: sc.heading });

  // 1 部门收支总表 (two-sided).
  {
    const t = start('income-expenditure', false, [[h('收入', 1, 2), h('支出', 1, 2)], [h('项目'), h('预算数'), h('项目'), h('预算数')]], ['收入 › 项目', '收入 › 预算数', '支出 › 项目', '支出 › 预算数']);
    const left: Array<[string, Decimal]> = [
      ['一、一般公共预算拨款收入', f.gp],
      ['二、政府性基金预算拨款收入', f.fund],
      ['三、国有资本经营预算拨款收入', ZERO],
      ['四、财政专户管理资金收入', ZERO],
      ['五、事业收入', other === '事业收入' ? f.other : ZERO],
      ['六、事业单位经营收入', ZERO],
      ['七、上级补助收入', ZERO],
      ['八、附属单位上缴收入', ZERO],
      ['九、其他收入', other === '其他收入' ? f.other : ZERO],
    ];
    const classTotals = new Map(tree.map((c) => [c.cls, agg(c.sections.flatMap((s) => s.items), (i) => i.total)]));
    EXPENDITURE_CLASSES.forEach(([code, name], i) => {
      const l = left[i];
      const rightLabel = `${chineseNumber(i + 1)}、${name}`;
      t.row(l ? l[0] : '', undefined, [l ? l[0] : '', l ? { amount: l[1] } : null, rightLabel, { amount: classTotals.get(code) ?? ZERO, row: rightLabel, code }]);
    });
    t.row('本年收入合计', undefined, ['本年收入合计', { amount: f.currentIncome, force: true }, '本年支出合计', { amount: f.total, force: true, row: '本年支出合计' }], 'total');
    t.row('上年结转', undefined, ['上年结转', { amount: f.carry, force: true }, '结转下年', { amount: ZERO, force: true, row: '结转下年' }]);
    t.row('收入总计', undefined, ['收入总计', { amount: f.total, force: true }, '支出总计', { amount: f.total, force: true, row: '支出总计' }], 'total');
    t.done();
  }

  // 2 部门收入总表.
  {
    const t = start(
      'income',
      true,
      [
        [h('科目编码', 2), h('科目名称', 2), h('合计', 2), h('上年结转', 2), h('本年收入', 1, 4)],
        [h('一般公共预算拨款'), h('政府性基金预算拨款'), h('事业收入'), h('其他收入')],
      ],
      ['科目编码', '科目名称', '合计', '上年结转', '本年收入 › 一般公共预算拨款', '本年收入 › 政府性基金预算拨款', '本年收入 › 事业收入', '本年收入 › 其他收入'],
    );
    const vals = (codes: string[]) => {
      const o = agg(codes, (i) => i.projectOther);
      return [agg(codes, (i) => i.total), agg(codes, (i) => i.projectCarry), agg(codes, (i) => i.gp), agg(codes, (i) => i.projectFund), other === '事业收入' ? o : ZERO, other === '其他收入' ? o : ZERO];
    };
    t.row('合计', undefined, ['', '合计', ...vals(f.items.map((i) => i.code)).map((v) => ({ amount: v, force: true }))], 'total');
    for (const r of hier) t.row(functionName(r.code), r.code, [r.code, functionName(r.code), ...vals(r.codes)], r.level < 2 ? `lvl${r.level}` : undefined);
    t.done();
  }

  // 3 部门支出总表.
  {
    const t = start('expenditure', false, [[h('科目编码'), h('科目名称'), h('合计'), h('基本支出'), h('项目支出')]], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    const vals = (codes: string[]) => [agg(codes, (i) => i.total), agg(codes, (i) => i.basic), agg(codes, (i) => i.projectGp.plus(i.projectCarry).plus(i.projectOther).plus(i.projectFund))];
    t.row('合计', undefined, ['', '合计', ...vals(f.items.map((i) => i.code)).map((v) => ({ amount: v, force: true }))], 'total');
    for (const r of hier) t.row(functionName(r.code), r.code, [r.code, functionName(r.code), ...vals(r.codes)], r.level < 2 ? `lvl${r.level}` : undefined);
    t.done();
  }

  // 4 财政拨款收支总表.
  {
    const t = start(
      'fiscal',
      true,
      [
        [h('收入', 1, 2), h('支出', 1, 5)],
        [h('项目'), h('预算数'), h('项目'), h('合计'), h('一般公共预算'), h('政府性基金预算'), h('国有资本经营预算')],
      ],
      ['收入 › 项目', '收入 › 预算数', '支出 › 项目', '支出 › 合计', '支出 › 一般公共预算', '支出 › 政府性基金预算', '支出 › 国有资本经营预算'],
    );
    const fiscalTree = functionTree(f.items.filter((i) => !i.fiscal.isZero() || !i.projectFund.isZero()).map((i) => i.code));
    const left: Array<[string, Decimal, boolean]> = [
      ['一、本年收入', f.gp.plus(f.fund), true],
      ['（一）一般公共预算拨款', f.gp, false],
      ['（二）政府性基金预算拨款', f.fund, false],
      ['（三）国有资本经营预算拨款', ZERO, false],
      ['二、上年结转', f.carry, true],
      ['（一）一般公共预算拨款', f.carry, false],
      ['（二）政府性基金预算拨款', ZERO, false],
      ['（三）国有资本经营预算拨款', ZERO, false],
    ];
    const right: Array<[string, string | undefined, Decimal, Decimal, boolean]> = [
      ['一、本年支出', undefined, f.fiscal, f.fund, true],
      ...fiscalTree.map((c, i): [string, string, Decimal, Decimal, boolean] => {
        const codes = c.sections.flatMap((s) => s.items);
        return [`（${chineseNumber(i + 1)}）${functionName(c.cls)}`, c.cls, agg(codes, (x) => x.fiscal), agg(codes, (x) => x.projectFund), false];
      }),
      ['二、结转下年', undefined, ZERO, ZERO, true],
    ];
    const n = Math.max(left.length, right.length);
    for (let i = 0; i < n; i++) {
      const l = left[i];
      const r = right[i];
      const rv = (v: Decimal, force: boolean): CellSpec => ({ amount: v, force, row: r![0], code: r![1] });
      t.row(l ? l[0] : '', undefined, [
        l ? l[0] : '',
        l ? { amount: l[1], force: l[2] } : null,
        r ? r[0] : '',
        r ? rv(r[2].plus(r[3]), r[4]) : null,
        r ? rv(r[2], r[4]) : null,
        r ? rv(r[3], false) : null,
        r ? rv(ZERO, false) : null,
      ]);
    }
    const tot = (v: Decimal): CellSpec => ({ amount: v, force: true, row: '支出总计' });
    t.row('收入总计', undefined, ['收入总计', { amount: f.appropriation, force: true }, '支出总计', tot(f.appropriation), tot(f.fiscal), { amount: f.fund, row: '支出总计' }, { amount: ZERO, row: '支出总计' }], 'total');
    t.done();
  }

  // 5 一般公共预算支出表 (类/款/项 split columns).
  {
    const t = start(
      'gp-expenditure',
      true,
      [
        [h('科目编码', 1, 3), h('科目名称', 2), h('合计', 2), h('基本支出', 1, 3), h('项目支出', 2)],
        [h('类'), h('款'), h('项'), h('小计'), h('人员经费'), h('公用经费')],
      ],
      ['科目编码 › 类', '科目编码 › 款', '科目编码 › 项', '科目名称', '合计', '基本支出 › 小计', '基本支出 › 人员经费', '基本支出 › 公用经费', '项目支出'],
    );
    const fiscalCodes = f.items.filter((i) => !i.fiscal.isZero()).map((i) => i.code);
    const vals = (codes: string[]) => [agg(codes, (i) => i.fiscal), agg(codes, (i) => i.basic), agg(codes, (i) => i.personnel), agg(codes, (i) => i.publicFunds), agg(codes, (i) => i.projectGp.plus(i.projectCarry))];
    t.row('合计', undefined, ['', '', '', '合计', ...vals(fiscalCodes).map((v) => ({ amount: v, force: true }))], 'total');
    const ftree = functionTree(fiscalCodes);
    for (const c of ftree) {
      const all = c.sections.flatMap((s) => s.items);
      t.row(functionName(c.cls), c.cls, [c.cls, '', '', functionName(c.cls), ...vals(all)], 'lvl0');
      for (const s of c.sections) {
        t.row(functionName(s.section), s.section, [c.cls, s.section.slice(3), '', functionName(s.section), ...vals(s.items)], 'lvl1');
        for (const i of s.items) t.row(functionName(i), i, [c.cls, s.section.slice(3), i.slice(5), functionName(i), ...vals([i])]);
      }
    }
    t.done();
  }

  // 6 一般公共预算基本支出表 (economic codes).
  {
    const t = start('gp-basic', false, [[h('科目编码'), h('科目名称'), h('合计'), h('人员经费'), h('公用经费')]], ['科目编码', '科目名称', '合计', '人员经费', '公用经费']);
    t.row('合计', undefined, ['', '合计', { amount: f.basic, force: true }, { amount: f.personnel, force: true }, { amount: f.publicFunds, force: true }], 'total');
    const classes = [...new Set(f.basicByEcon.map((e) => e.econ.slice(0, 3)))];
    for (const cls of classes) {
      const lines = f.basicByEcon.filter((e) => e.econ.startsWith(cls));
      const total = sum(lines.map((l) => l.amount));
      const pers = isPersonnel(cls);
      t.row(economicName(cls), cls, [cls, economicName(cls), total, pers ? total : ZERO, pers ? ZERO : total], 'lvl0');
      for (const l of lines) t.row(economicName(l.econ), l.econ, [l.econ, economicName(l.econ), l.amount, pers ? l.amount : ZERO, pers ? ZERO : l.amount]);
    }
    t.done();
  }

  // 7 “三公”经费.
  {
    const t = start(
      'three-public',
      true,
      [
        [h('项目', 2), h('合计', 2), h('因公出国（境）费', 2), h('公务用车购置及运行费', 1, 3), h('公务接待费', 2)],
        [h('小计'), h('公务用车购置费'), h('公务用车运行维护费')],
      ],
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费 › 小计', '公务用车购置及运行费 › 公务用车购置费', '公务用车购置及运行费 › 公务用车运行维护费', '公务接待费'],
    );
    const row = (label: string, tp: typeof m.threePublic) => {
      const total = tp.abroad.plus(tp.vehiclePurchase).plus(tp.vehicleOperation).plus(tp.reception);
      t.row(label, undefined, [label, { amount: total, force: true }, tp.abroad, tp.vehiclePurchase.plus(tp.vehicleOperation), tp.vehiclePurchase, tp.vehicleOperation, tp.reception]);
    };
    row(`${y - 1}年预算数`, m.prior.threePublic);
    row(`${y}年预算数`, m.threePublic);
    t.done('注：“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费，均为一般公共预算财政拨款安排。');
  }

  // 8 政府性基金预算支出表: filled when the department has 彩票公益金 projects, else empty with its note.
  if (!f.fund.isZero()) {
    const t = start('gov-fund', false, [[h('科目编码'), h('科目名称'), h('合计'), h('基本支出'), h('项目支出')]], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    const codes = f.items.filter((i) => !i.projectFund.isZero()).map((i) => i.code);
    const fundHier = functionTree(codes).flatMap((c) => [
      { code: c.cls, codes: c.sections.flatMap((s) => s.items) },
      ...c.sections.flatMap((s) => [{ code: s.section, codes: s.items }, ...s.items.map((i) => ({ code: i, codes: [i] }))]),
    ]);
    t.row('合计', undefined, ['', '合计', { amount: f.fund, force: true }, { amount: ZERO, force: true }, { amount: f.fund, force: true }], 'total');
    for (const r of fundHier) {
      const v = agg(r.codes, (i) => i.projectFund);
      t.row(functionName(r.code), r.code, [r.code, functionName(r.code), v, ZERO, v]);
    }
    t.done();
  }
  // 9 (and 8 when empty) empty tables with their own notes.
  for (const [id, name] of [
    ...(f.fund.isZero() ? [['gov-fund', '政府性基金预算'] as const] : []),
    ['state-capital', '国有资本经营预算'] as const,
  ]) {
    const t = start(id, false, [[h('科目编码'), h('科目名称'), h('合计'), h('基本支出'), h('项目支出')]], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    t.row('合计', undefined, ['', '合计', '', '', ''], 'total');
    t.row('', undefined, ['', '', '', '', '']);
    t.done(`注：本部门${y}年无${name}拨款安排的支出，本表无数据。`);
  }

  // 10 项目支出表.
  {
    const t = start(
      'projects',
      true,
      [[h('项目名称'), h('项目单位'), h('项目类型'), h('功能科目编码'), h('功能科目名称'), h('合计'), h('一般公共预算拨款'), h('政府性基金预算拨款'), h('上年结转'), h(other)]],
      ['项目名称', '项目单位', '项目类型', '功能科目编码', '功能科目名称', '合计', '一般公共预算拨款', '政府性基金预算拨款', '上年结转', other],
    );
    const col = (src: string) => (p: (typeof m.projects)[number]) => (p.source === src ? p.amount : ZERO);
    const tot = (src: string) => sum(m.projects.map(col(src)));
    t.row('合计', undefined, ['合计', '', '', '', '', { amount: f.project, force: true }, { amount: tot('gp'), force: true }, { amount: tot('fund'), force: true }, { amount: tot('carry'), force: true }, { amount: tot('other'), force: true }], 'total');
    for (const p of m.projects) t.row(p.name, p.item, [p.name, p.unitName, p.kind, p.item, functionName(p.item), p.amount, col('gp')(p), col('fund')(p), col('carry')(p), col('other')(p)]);
    t.done();
  }

  // 11 机关运行经费.
  {
    const t = start('operating', false, [[h('科目编码'), h('科目名称'), h('预算数')]], ['科目编码', '科目名称', '预算数']);
    t.row('合计', undefined, ['', '合计', { amount: f.operatingTotal, force: true }], 'total');
    for (const o of f.operating) t.row(economicName(o.econ), o.econ, [o.econ, economicName(o.econ), o.amount]);
    t.done(`注：机关运行经费为行政单位一般公共预算基本支出中的公用经费。`);
  }
}

// ---------------------------------------------------------------------------------------------
// HTML.

const CSS = `
@page { size: A4 portrait; margin: 18mm 18mm 18mm 18mm; }
@page wide { size: A4 landscape; margin: 16mm 16mm 18mm 16mm; }
html { font-family: "Noto Serif CJK SC", serif; font-size: 12pt; color: #000; }
body { margin: 0; }
.page { break-before: page; }
.wide { page: wide; }
.cover { height: 230mm; display: flex; flex-direction: column; justify-content: center; align-items: center; }
.cover h1 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 26pt; font-weight: bold; margin: 0 0 80mm 0; text-align: center; }
.cover .date { font-size: 16pt; }
.toc h1 { text-align: center; font-size: 18pt; }
.toc p { margin: 4pt 0; font-size: 13pt; }
.toc p.l1 { padding-left: 2em; }
h1 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 17pt; text-align: center; margin: 0 0 14pt 0; }
h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 13.5pt; margin: 12pt 0 6pt 0; }
h3 { font-size: 12.5pt; margin: 8pt 0 4pt 0; }
p { text-indent: 2em; line-height: 1.75; margin: 0 0 4pt 0; text-align: justify; }
.tno { font-size: 10pt; text-align: left; }
.tno.right { text-align: right; }
.ttitle { font-family: "Noto Sans CJK SC", sans-serif; font-size: 15pt; text-align: center; margin: 2pt 0 6pt 0; }
.tmeta { display: flex; justify-content: space-between; font-size: 10pt; margin-bottom: 3pt; }
table { border-collapse: collapse; border: 1px solid #000; width: 100%; font-size: 9pt; font-family: "Noto Sans CJK SC", sans-serif; }
th, td { border: 1px solid #000; padding: 1.6pt 4pt; line-height: 1.3; }
th { font-weight: normal; text-align: center; vertical-align: middle; }
td { vertical-align: middle; }
td.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
tr.lvl0 td, tr.lvl1 td { }
.note { text-indent: 0; font-size: 10pt; margin-top: 6pt; line-height: 1.5; }
`;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderHtml(doc: DisclosureDocument, overrides: Record<string, string> = {}): string {
  const text = (slot: string) => esc(overrides[slot] ?? doc.slots[slot].text);
  const out: string[] = [];
  let inFlow = false;
  const openFlow = (first: boolean) => {
    if (inFlow) out.push('</section>');
    out.push(`<section class="${first ? '' : 'page'}">`);
    inFlow = true;
  };
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'cover':
        out.push(`<section class="cover"><h1>${esc(b.title)}</h1><div class="date">${esc(b.date)}</div></section>`);
        break;
      case 'toc':
        out.push(`<section class="page toc"><h1>目　录</h1>${b.entries.map((e) => `<p class="l${e.level}">${esc(e.text)}</p>`).join('')}</section>`);
        break;
      case 'break':
        openFlow(false);
        break;
      case 'h1':
      case 'h2':
      case 'h3':
        if (!inFlow) openFlow(false);
        out.push(`<${b.type}>${esc(b.text)}</${b.type}>`);
        break;
      case 'p':
        if (!inFlow) openFlow(false);
        out.push(`<p${b.cls ? ` class="${b.cls}"` : ''}>${b.parts.map((x) => (typeof x === 'string' ? esc(x) : text(x.slot))).join('')}</p>`);
        break;
      case 'table': {
        if (inFlow) out.push('</section>');
        inFlow = false;
        const table = tableHtml(b, { layout: doc.layout ?? 'ruled', codesOncePerGroup: doc.codesOncePerGroup ?? false }, (c) => (c.slot ? text(c.slot) : esc(c.text ?? '')));
        out.push(
          `<section class="page${b.wide ? ' wide' : ''}">` +
            (b.period ? `<div class="ttitle">${esc(b.title)}</div><div class="tno right">${esc(b.number)}</div>` : `<div class="tno">${esc(b.number)}</div><div class="ttitle">${esc(b.title)}</div>`) +
            (b.period
              ? `<div class="tmeta"><span>部门：${esc(b.department)}</span><span>${esc(b.period)}</span><span>金额单位：${esc(b.unit)}</span></div>`
              : `<div class="tmeta"><span>${b.entityLabel ?? '部门名称'}：${esc(b.department)}</span><span>单位：${esc(b.unit)}</span></div>`) +
            `${table}${b.note ? `<p class="note">${esc(b.note)}</p>` : ''}</section>`,
        );
        break;
      }
    }
  }
  if (inFlow) out.push('</section>');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${CSS}${LAYOUT_CSS}</style></head><body>${out.join('\n')}</body></html>`;
}

export { round };
