/**
 * The narrative as statements (issue 8): every figure of the 说明 with what it is about, explicitly —
 * its subject (收入合计, 财政拨款收入, 一般公共预算支出, a 类/款/项, a project, “三公” and its parts,
 * 机关运行经费, 政府采购, staff counts), its measure (本年数, 上年数, 增减额, 增减率, 占比, 完成率)
 * with its basis (预算 | 执行 | 决算), its value and unit, and its scope (the 单位 part of the
 * document, the section and the project it stands in). Built from the reader's statements
 * (./narrative), so the rules read one model instead of each rebuilding what a figure is about.
 */
import type Decimal from 'decimal.js';
import type { DocumentLayout, Paragraph, Table } from '../layout/types';
import { documentInfo } from './document';
import { joinParagraphs, piecesOf, type NarrativeAmount, type NarrativeStatement } from './narrative';
import type { NarrativeNumber, NumberUnit } from './narrative-numbers';
import { classPathIn, officialName, QUANTITY_NAMES, type FundScope, type Quantity, type QuantityKey } from './narrative-quantity';
import { parseNumbering } from './codes';
import type { RecognizedTable } from './tables';

/** 本年数, 上年数, 增减额, 增减率, 占比, 完成率, or a count (人, 个 …). */
export type Measure = 'current' | 'last-year' | 'change' | 'change-rate' | 'share' | 'completion' | 'count';
/** 预算, 执行 (a 预算's 上年执行数), 决算. */
export type Basis = 'budget' | 'execution' | 'final';

export interface Subject {
  /**
   * aggregate: a standard total (收支总计, 收入合计, 财政拨款收入, 一般公共预算支出, 基本支出, “三公”,
   * 机关运行经费, 政府采购 …); classification: a 类/款/项 or an economic 科目; project: a project by
   * its name; staff: a head count; tally: how many projects, units …; unknown: not identified (compared with nothing).
   */
  kind: 'aggregate' | 'classification' | 'project' | 'staff' | 'tally' | 'unknown';
  /** What it is, named: 财政拨款收入, 一般公共预算支出, 行政运行（2010101）, 编制人数 … */
  name: string;
  /** Which money it counts. */
  fund: FundScope;
  /** 科目 codes (classification). */
  codes: string[];
  /** The most specific 科目 level named. */
  level: '类' | '款' | '项' | null;
  /** The reader's quantity once its list is known (items take their total's role, fund and column). */
  quantity: Quantity;
}

export interface DocumentPart {
  index: number;
  /** The heading that opens the part, as printed. */
  heading: string;
  /** The 部门's own part or one 单位's. */
  kind: 'department' | 'unit';
  /** Where the part starts: its heading's page and top. */
  page: number;
  top: number;
}

export interface StatementScope {
  /** The 单位 part of a 部门 document the statement stands in; null when the document has no parts. */
  part: DocumentPart | null;
  /** The heading of the 说明 section (一、收支预算总体情况 …), when there is one. */
  section: string | null;
  /** The project the paragraph is about (一个项目的说明), when it names one. */
  project: string | null;
}

export interface Statement {
  subject: Subject;
  measure: Measure;
  /** The figure's basis; null when neither the text nor the document says. */
  basis: Basis | null;
  /** For a change: what it is told against (比上年预算 / 比上年执行数 / 比上年决算), when the text says. */
  against?: Basis | null;
  value: Decimal;
  unit: NumberUnit;
  number: NarrativeNumber;
  scope: StatementScope;
  /** Where it stands: paragraph (joined, as the reader saw it), the number's offsets and the sentence. */
  anchor: { index: number; paragraph: Paragraph; start: number; end: number; sentence: string };
  /** The reader's statement it was made from. */
  source: NarrativeStatement;
  /** For a list's item: the statement of the list's head (其中/包括/分别为 attach items to it). */
  head?: Statement;
  /** For a share: the statement of the whole it is of, when the text prints it. */
  whole?: Statement;
}

export interface StatementOptions {
  kind?: 'budget' | 'final' | 'unknown';
  /** The report's year (an earlier year's 决算数 is last year's figure); read from the paragraphs when absent. */
  year?: number | null;
  /** The document's parts (`documentParts`); none: no scoping by part. */
  parts?: DocumentPart[];
  /** The names the document's 项目支出表 give their projects (spaces and numbering left out). */
  projects?: string[];
}

const AGGREGATE_KEYS: QuantityKey[] = ['total', 'income-total', 'expenditure-total', 'income', 'expenditure', 'basic', 'project', 'personnel', 'public', 'three-public', 'abroad', 'vehicle', 'vehicle-purchase', 'vehicle-operation', 'reception', 'operation-cost', 'procurement', 'carry-over'];
const FUND_NAMES: Record<FundScope, string> = { all: '', fiscal: '财政拨款', general: '一般公共预算', fund: '政府性基金预算', capital: '国有资本经营预算' };

/** A name for an aggregate with its fund: 财政拨款收入, 一般公共预算支出, 基本支出 …. */
function aggregateName(q: Quantity): string {
  const base = QUANTITY_NAMES[q.key];
  if (q.scope === 'all') return base;
  if (q.key === 'income' || q.key === 'expenditure') return `${FUND_NAMES[q.scope]}${base}`;
  return `${FUND_NAMES[q.scope]}${base}`;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

const LEVEL: Record<number, Subject['level']> = { 3: '类', 5: '款', 7: '项' };

// a project by its name: “智慧司法建设项目预算120.00万元”, never 项目支出 (an aggregate)
const PROJECT_NAME = /([^，,。；;：:、（）()“”\d\s]{2,30}?项目)(?:经费|资金)?(?:预算|支出|决算)?(?:数|为|是|安排|共计|合计)*$/;
const STAFF_NAME = /(行政编制|事业编制|编制人数|编制|实有人员|在职人员|行政人员|事业人员|离退休人员|退休人员|职工)/;
const UNKNOWN_QUANTITY: Quantity = { key: 'unknown', label: '', codes: [], codeFromText: false, scope: 'all', role: 'plain' };

export function subjectOf(q: Quantity, label = q.label): Subject {
  const fund = q.scope;
  if (q.key === 'function' || q.key === 'economic') {
    const code = q.codes.length === 1 ? q.codes[0] : null;
    const official = code ? officialName(code) : null;
    const path = q.path ?? classPathIn(norm(label));
    const leaf = path ? (path.itemText ?? path.sectionText ?? path.classText) : null;
    const level = code ? LEVEL[code.length] ?? null : path ? (path.itemText ? '项' : path.sectionText ? '款' : '类') : null;
    // the official name of the code, else the name the text prints before it (行政运行（2040601）)
    const printed = code ? new RegExp(`([^（(，,。；;：:、\\d\\s“”]{2,30})[（(]\\s*${code}\\s*[）)]`).exec(norm(label))?.[1] : undefined;
    const name = code ? `${official ?? leaf ?? printed ?? ''}（${code}）` : q.codes.length ? q.codes.join('+') : (leaf ?? '');
    return { kind: name ? 'classification' : 'unknown', name, fund, codes: q.codes, level, quantity: q };
  }
  const words = norm(label);
  if (q.key !== 'unknown' && AGGREGATE_KEYS.includes(q.key)) {
    // a bare 收入 / 支出 names no aggregate unless its fund does (一般公共预算支出, 财政拨款收入) or it is
    // the year's whole (2025年收入预算X: 收入, which the tables print as 收入合计 or 收入总计)
    const bareWords = words.replace(/^(其中|包括|分别为)[：:]?/, '');
    const before = bareWords.replace(/(收入|支出)(预算|决算)?(数|总额)?(为|是)?$/, '');
    // (what precedes names the department or the year, never another money: 事业收入, 其他收入 …)
    const whole = before !== bareWords && before.length <= 30 && !/拨款|经营|事业|其他|基金|预算|决算|财政|经费|资金|项目|基本|费|性|类|款|项|结转|结余|专户|附属|上级|补助|上缴|用于|[、，,和及]/.test(before);
    const identified = !((q.key === 'income' || q.key === 'expenditure') && q.scope === 'all' && !whole);
    let name = aggregateName(q);
    // 政府采购 and its parts: 货物 / 工程 / 服务
    const part = q.key === 'procurement' ? /货物|工程|服务/.exec(words)?.[0] : undefined;
    if (part) name = `${name}（${part}）`;
    return { kind: identified ? 'aggregate' : 'unknown', name, fund, codes: [], level: null, quantity: q };
  }
  // 政府采购's 中小企业 / 小微企业 part (预留给中小企业, 授予中小企业合同金额)
  const sme = /(中小企业|小微企业)/.exec(words);
  if (sme && !/[、和及]/.test(words)) return { kind: 'aggregate', name: `政府采购（${sme[1]}）`, fund, codes: [], level: null, quantity: q };
  const project = PROJECT_NAME.exec(words);
  // (a named one: not 编报绩效目标的项目, 涉及一级预算项目, 2024年度项目 …)
  if (project && !/^(项目|其他项目|本项目|该项目|各项目|重点项目)$/.test(project[1]) && !/项目支出|的|涉及|年度项目$|^(一级|二级)?预算项目$/.test(project[1])) {
    return { kind: 'project', name: project[1].replace(/^(其中|包括|主要用于|用于|安排)[：:]?/, ''), fund, codes: [], level: null, quantity: q };
  }
  return { kind: 'unknown', name: '', fund, codes: [], level: null, quantity: q };
}

function basisOf(q: Quantity, kind: StatementOptions['kind'], label: string): Basis | null {
  const l = label.replace(/\s+/g, '');
  switch (q.role) {
    case 'actual':
      return 'final';
    case 'budget':
      return 'budget';
    case 'last-year':
      if (/执行/.test(l)) return 'execution';
      if (/决算/.test(l)) return 'final';
      if (/预算/.test(l)) return 'budget';
      return kind === 'final' ? 'final' : kind === 'budget' ? 'budget' : null;
    default:
      return kind === 'final' ? 'final' : kind === 'budget' ? 'budget' : null;
  }
}

/** The label dates its figure before the report's year (上年, 上一年度, 2023年 in a 2024 report; not 上年结转). */
function earlierYear(label: string, year: number | null): boolean {
  const l = label.replace(/\s+/g, '').replace(/(上年|上一年度?|以前年度)(结转|结余)/g, '');
  if (/上年|上一年|去年/.test(l)) return true;
  const years = [...l.matchAll(/(20\d{2})年/g)];
  const y = years[years.length - 1];
  return !!y && year !== null && Number(y[1]) < year;
}

/** What a change is told against: 比上年预算 / 比2023年预算执行数 / 较上年决算. */
function againstOf(sentence: string): Basis | null {
  const s = sentence.replace(/\s+/g, '');
  if (/(比|较|与)(上年|上一年度?|去年|20\d{2}年度?)[^，,。；;]{0,8}执行/.test(s)) return 'execution';
  if (/(比|较|与)(上年|上一年度?|去年|20\d{2}年度?)(度)?决算/.test(s)) return 'final';
  if (/(比|较|与)(上年|上一年度?|去年|20\d{2}年度?)(度)?(年初)?预算/.test(s)) return 'budget';
  return null;
}

/** A narrative amount's quantity once the list it belongs to is known (items take a total's role, fund, column). */
export function listQuantity(a: NarrativeAmount, total: NarrativeAmount | undefined): Quantity {
  let q = a.quantity;
  if (total && q.role === 'plain' && (total.quantity.role === 'budget' || total.quantity.role === 'last-year')) q = { ...q, role: total.quantity.role };
  // (a bare 支出/收入 item names no subject: it never becomes its total's fund total)
  const bare = (q.key === 'expenditure' || q.key === 'income') && q.codes.length === 0;
  if (total && q.scope === 'all' && total.quantity.scope !== 'all' && !bare) q = { ...q, scope: total.quantity.scope };
  if (total && (total.quantity.key === 'project' || total.quantity.key === 'basic') && q.key === 'function') q = { ...q, measure: total.quantity.key };
  return q;
}

// a 说明 section heading: 一、收支预算总体情况 / （三）“三公”经费 / 第三部分 …
const SECTION_HEADING = /^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;
// a paragraph about one project: （1）XX项目：… / 项目名称：XX项目
const PROJECT_HEAD = /^\s*(?:[（(]?\s*\d{1,2}\s*[)）.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)?\s*(?:项目名称[：:])?\s*([^，,。；;：:\d（）()]{2,30}?项目)\s*(?:[：:]|$)/;

/**
 * The 单位 parts of a 部门 document: a heading of its own line naming a 部门 or 单位's 预算/决算
 * (第五部分 XX（本级）2024年单位预算公开表, XX中心2024年单位预算). Headings on a 目录 page are entries,
 * not parts; headings with nothing between them are one start. Fewer than two parts: none (the
 * document is read as one, as before).
 */
export function documentParts(layout: Pick<DocumentLayout, 'paragraphs' | 'tables'>): DocumentPart[] {
  const tocPages = new Set(layout.paragraphs.filter((p) => /^目\s*录$/.test(p.text.trim())).map((p) => p.page));
  const heads: { p: Paragraph; kind: DocumentPart['kind'] }[] = [];
  for (const p of layout.paragraphs) {
    const t = norm(p.text);
    if (t.length > 60 || tocPages.has(p.page) || /[，,。；;]/.test(t)) continue;
    const m = /(单位|部门)(?:预算|决算)(?:公开表?|情况说明|说明|报告)?$/.exec(t);
    if (!m) continue;
    // the part names whose budget it is: a 单位 of its own (not the document's generic 区级单位预算 cover)
    const kind = m[1] === '单位' ? 'unit' : 'department';
    heads.push({ p, kind });
  }
  if (heads.length < 2) return [];
  // a part holds something: a table or a paragraph of figures between its heading and the next
  const at = (page: number, top: number) => page * 1e5 + top;
  const tableAt = (t: Table) => {
    const c = firstCell(t);
    return at(c?.page ?? t.pages[0], c?.bbox[1] ?? 0);
  };
  const keyed = heads.map((h) => ({ ...h, key: at(h.p.page, h.p.bbox[1]) }));
  // (placed once: a long document has many headings and many tables)
  const contents = [...layout.tables.map(tableAt), ...layout.paragraphs.filter((p) => /\d/.test(p.text) && p.text.length > 20).map((p) => at(p.page, p.bbox[1]))];
  const parts: DocumentPart[] = [];
  for (let i = 0; i < keyed.length; i++) {
    const h = keyed[i];
    const next = keyed[i + 1]?.key ?? Infinity;
    const holds = contents.some((key) => key > h.key && key < next);
    if (!holds) continue;
    parts.push({ index: parts.length, heading: h.p.text.trim(), kind: h.kind, page: h.p.page, top: h.p.bbox[1] });
  }
  // one part per 单位: the department's headings (cover, 说明, 公开表) are one part, and so are a
  // unit's 说明 and its 公开表 when they follow each other under one name
  const entity = (h: string) => norm(h).replace(/^(附件\d*[：:]?)?(第[一二三四五六七八九十]+部分)?/, '').replace(/(20\d{2})年度?/g, '').replace(/(单位|部门)(预算|决算).*$/, '');
  const merged: DocumentPart[] = [];
  for (const p of parts) {
    const prev = merged[merged.length - 1];
    // (a heading naming no one — 第三部分 2024年度单位决算情况说明 — is the current part's own section)
    if (prev && prev.kind === p.kind && (p.kind === 'department' || entity(prev.heading) === entity(p.heading) || entity(p.heading) === '')) continue;
    merged.push({ ...p, index: merged.length });
  }
  // the first part runs from the document's start (cover, 目录 and 概况 are the department's)
  if (merged.length < 2 || !merged.some((p) => p.kind === 'unit')) return [];
  return merged;
}

/** The part a place in the document (page, top) belongs to: the last one starting at or before it. */
export function partAt(parts: DocumentPart[], page: number, top: number): DocumentPart | null {
  if (parts.length === 0) return null;
  let found = parts[0];
  for (const p of parts) if (p.page < page || (p.page === page && p.top <= top)) found = p;
  return found;
}

/** The table's first cell, in reading order (without flattening every row to find it). */
function firstCell(t: Table) {
  for (const row of t.rows) for (const c of row) if (c) return c;
  return undefined;
}

/** The part a table stands in (its first cell's place), or null when the document has no parts. */
export function partOfTable(parts: DocumentPart[], t: Table): DocumentPart | null {
  if (parts.length === 0) return null;
  const c = firstCell(t);
  return partAt(parts, c?.page ?? t.pages[0], c?.bbox[1] ?? 0);
}

/**
 * Every figure of the narrative as a statement: amounts (本年数 / 上年数), changes (增减额, 增减率),
 * shares, completion rates and counts, each with its subject, basis and scope.
 */
export function buildStatements(narrative: NarrativeStatement[], paragraphs: Paragraph[], options: StatementOptions = {}): Statement[] {
  const kind = options.kind ?? 'unknown';
  const parts = options.parts ?? [];
  const year = options.year !== undefined ? options.year : documentInfo({ pages: [], tables: [], paragraphs }).year;
  const joined = joinParagraphs(paragraphs);
  // section and project of each joined paragraph
  const sections: (string | null)[] = [];
  const projects: (string | null)[] = [];
  let section: string | null = null;
  let project: string | null = null;
  // a 目录 page's entries are not the sections the text stands in
  const tocPages = new Set(paragraphs.filter((p) => /^目\s*录$/.test(p.text.trim())).map((p) => p.page));
  for (const p of joined) {
    if (tocPages.has(p.page)) {
      sections.push(null);
      projects.push(null);
      continue;
    }
    // a heading joined with the sentence after it (二、机关运行经费预算 2026年…) is still a heading
    // (a first line that breaks mid-sentence — （二）事业收入：指事业单位开 — is not one)
    const first = piecesOf(p)[0].paragraph.text.trim();
    const t = first === p.text.trim() || !/[，,：:。；;]/.test(first) ? first : p.text.trim();
    // (a numbered glossary entry — （二）事业收入：指…。 — is a sentence, not a heading)
    // (an unnumbered title of its own line counts too: 2026年单位预算编制说明)
    if ((SECTION_HEADING.test(t) || (t.length <= 30 && /(说明|情况|概况)$/.test(t))) && !/[。，,；;]|[：:]指/.test(t) && t.length <= 40 && !/\d+(\.\d+)?\s*(万元|元|%)/.test(t)) {
      section = t;
      project = null;
    }
    const ph = PROJECT_HEAD.exec(t);
    if (ph && !/项目支出/.test(ph[1])) project = ph[1];
    else if (/^\s*([（(]?\s*\d{1,2}\s*[)）.．、]|[（(][一二三四五六七八九十]+[）)])/.test(t)) project = null;
    sections.push(section);
    projects.push(project);
  }
  const totalOf = new Map<NarrativeAmount, NarrativeAmount>();
  for (const s of narrative) if (s.kind === 'components') for (const i of s.items) totalOf.set(i, s.total);

  const out: Statement[] = [];
  // the part of the printed line that holds the number (a joined paragraph may run over a page)
  const scopeOf = (index: number, p: Paragraph, at: number): StatementScope => {
    let piece = p;
    for (const q of piecesOf(p)) if (q.offset <= at) piece = q.paragraph;
    return { part: partAt(parts, piece.page, piece.bbox[1]), section: sections[index] ?? null, project: projects[index] ?? null };
  };
  const make = (source: NarrativeStatement, a: NarrativeAmount | null, measure: Measure, n: NarrativeNumber, extra: Partial<Statement> = {}): Statement => {
    let q = a ? listQuantity(a, totalOf.get(a)) : UNKNOWN_QUANTITY;
    // an earlier year's 决算数 (上年决算数A, 2023年度决算数A in a 2024 决算) is last year's figure,
    // never this year's 决算 column
    if (a && q.role === 'actual' && earlierYear(q.label, year)) q = { ...q, role: 'last-year' };
    // a list's item of a last-year head (2023年支出预算X，其中：基本支出a) is last year's too
    if (measure === 'current' && q.role === 'last-year') measure = 'last-year';
    let subject = subjectOf(q, a?.quantity.label ?? '');
    // “该项目预算X” in a paragraph about one project: that project
    const scope = scopeOf(source.index, source.paragraph, n.start);
    if (a && subject.kind === 'unknown' && scope.project && n.wan !== null && /^(该|本)?项目(总)?(预算|经费|资金|支出)/.test(norm(a.quantity.label).replace(/^[：:，,]/, ''))) subject = { ...subject, kind: 'project', name: scope.project };
    // a project the text names exactly as one row of a 项目支出表 does (信访局临聘人员经费15.56万元)
    if (a && subject.kind === 'unknown' && n.wan !== null && options.projects?.length) {
      const named = norm(a.quantity.label).replace(/^(其中|包括|主要用于|用于|安排)[：:]?/, '');
      if (named.length >= 4 && options.projects.filter((p) => p === named).length === 1) subject = { ...subject, kind: 'project', name: named };
    }
    // a project is named with its money, never a count (编报绩效目标的项目50个)
    if (subject.kind === 'project' && n.wan === null) subject = { ...subject, kind: 'unknown', name: '' };
    // a list's item named by its part only (政府采购预算X，分别为：货物类a、工程类b、服务类c)
    const head = a ? totalOf.get(a) : undefined;
    // a bare 收入 / 支出 listed under a head (…收支总预算X，其中：收入a，支出b) is that head's side,
    // never the document's whole 收入 / 支出
    // (nor is one opened by 其中 — 其中：收入X，支出Y — a part of something told before)
    const bareSide = subject.kind === 'aggregate' && (q.key === 'income' || q.key === 'expenditure') && q.scope === 'all' && q.codes.length === 0;
    const labelAt = a ? source.paragraph.text.lastIndexOf(a.quantity.label.trim(), n.start) : -1;
    const opened = labelAt >= 0 && /(其中|包括)[：:，,]?\s*$/.test(source.paragraph.text.slice(Math.max(0, labelAt - 4), labelAt));
    if (bareSide && (head || opened)) subject = { ...subject, kind: 'unknown', name: '' };
    const part = a && subject.kind === 'unknown' && head?.quantity.key === 'procurement' ? /货物|工程|服务/.exec(a.quantity.label)?.[0] : undefined;
    if (part) subject = { ...subject, kind: 'aggregate', name: `政府采购（${part}）` };
    // 编制人数共49人，包括行政编制29人…: a head count, named by its own words or its list's head
    if (a && n.unit === 'count' && /^[人名]$/.test(n.unitText)) {
      const words = (x: NarrativeAmount) => norm(x.quantity.label);
      const own = STAFF_NAME.exec(words(a))?.[1];
      if (own || (head && STAFF_NAME.test(words(head)))) subject = { ...subject, kind: 'staff', name: own ?? `${STAFF_NAME.exec(words(head!))![1]}·${words(a).replace(/^(其中|包括|分别为)[：:]?|[和及、，,：:]/g, '')}` };
    }
    const basis = a ? basisOf(q, kind, q.label) : null;
    return {
      subject,
      measure,
      basis,
      value: n.value,
      unit: n.unit,
      number: n,
      scope,
      anchor: { index: source.index, paragraph: source.paragraph, start: n.start, end: n.unitEnd, sentence: source.text },
      source,
      ...extra,
    };
  };
  for (const s of narrative) {
    // a statement that cannot be made is left out, never the whole list
    try {
      pushStatements(s);
    } catch {
      /* skip */
    }
  }
  function pushStatements(s: NarrativeStatement): void {
    switch (s.kind) {
      case 'amount':
        out.push(make(s, s, s.quantity.role === 'last-year' ? 'last-year' : 'current', s.number));
        break;
      case 'change': {
        const against = againstOf(s.text);
        if (s.delta) out.push(make(s, s.subject, 'change', s.delta, { against }));
        if (s.rate) out.push(make(s, s.subject, 'change-rate', s.rate, { against }));
        break;
      }
      case 'share':
        out.push(make(s, s.part, 'share', s.percent));
        break;
      case 'completion':
        out.push(make(s, s.actual ?? s.budget, 'completion', s.rate));
        break;
      case 'count':
        // 涉及项目15个, 二级预算单位3个: how many of a thing
        out.push({ ...make(s, null, 'count', s.number), subject: { kind: 'tally', name: `${s.noun}个数`, fund: 'all', codes: [], level: null, quantity: UNKNOWN_QUANTITY } });
        break;
      default:
        break;
    }
  }
  // lists and shares point at the statements of their head and whole
  const ofAmount = new Map<NarrativeAmount, Statement>();
  for (const s of out) if (s.source.kind === 'amount') ofAmount.set(s.source, s);
  for (const s of out) {
    const head = s.source.kind === 'amount' ? totalOf.get(s.source) : undefined;
    if (head) s.head = ofAmount.get(head);
    if (s.source.kind === 'share' && s.source.whole) s.whole = ofAmount.get(s.source.whole);
  }
  // a figure that took its 科目 from the path before it (2025年当年预算执行数为 …) takes its name too
  const named = new Map<string, string>();
  for (const s of out) if (s.subject.kind === 'classification' && !s.subject.name.startsWith('（')) named.set(s.subject.codes.join('+'), s.subject.name);
  for (const s of out) if (s.subject.kind === 'classification' && s.subject.name.startsWith('（')) s.subject = { ...s.subject, name: named.get(s.subject.codes.join('+')) ?? s.subject.name };
  return out;
}

/**
 * The names a 项目支出表's data row gives its project, as a sentence would print them: each of its
 * name cells (项目名称, not a whole label that runs on into the 项目单位 beside it), spaces and
 * numbering left out.
 */
export function projectNameCells(rt: RecognizedTable, pane: RecognizedTable['panes'][number], row: RecognizedTable['panes'][number]['rows'][number]): string[] {
  return pane.labelCols
    .map((c) => {
      const t = (rt.table.rows[row.row]?.[c]?.text ?? '').normalize('NFKC').replace(/\s+/g, '');
      return t.slice(parseNumbering(t)?.length ?? 0);
    })
    .filter((name) => name.length >= 4);
}

/** The names of the projects the 项目支出表 list (`projectNameCells` of their data rows). */
export function projectNames(tables: RecognizedTable[]): string[] {
  return tables
    .filter((t) => t.type === 'ProjectExpenditure')
    .flatMap((t) => t.panes.flatMap((p) => p.rows.filter((r) => r.kind === 'data').flatMap((r) => projectNameCells(t, p, r))));
}
