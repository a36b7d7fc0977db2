/**
 * Narrative statements read from the text outside tables (the 说明): amounts, shares (占x%),
 * changes (比上年增加/减少x万元，增长/下降y%, 与上年持平), completion rates (完成年初预算的y%),
 * 决算数大于/小于预算数, component lists (其中：A x万元，B y万元), counts (涉及项目15个),
 * classification paths (X（类）Y（款）Z（项）) and codes with names (住房公积金（2210201）).
 * Every number keeps its character offsets in its paragraph so a finding can point at it.
 */
import type { Paragraph } from '../layout/types';
import { documentInfo } from './document';
import { findNumbers, type NarrativeNumber } from './narrative-numbers';
import { classPathIn, labelCore, quantityOf, scopeOf, subjectKey, type ClassPath, type FundScope, type Quantity, type QuantityKey } from './narrative-quantity';

export type { NarrativeNumber } from './narrative-numbers';
export type { Quantity, QuantityKey, FundScope, AmountRole } from './narrative-quantity';

interface StatementBase {
  /** Index of the paragraph in the list given to `readNarrative`. */
  index: number;
  paragraph: Paragraph;
  /** The sentence the statement was read from. */
  text: string;
}

export interface NarrativeAmount extends StatementBase {
  kind: 'amount';
  number: NarrativeNumber;
  quantity: Quantity;
  /** Inside a bracketed aside such as （含外宾接待支出0.00万元）. */
  aside?: boolean;
}

export interface NarrativeShare extends StatementBase {
  kind: 'share';
  part: NarrativeAmount;
  percent: NarrativeNumber;
  /** The amount the share is of, when the text gives it (the list total or a named total). */
  whole: NarrativeAmount | null;
  /** Words naming the whole (占本年支出合计的…), when printed. */
  wholeLabel: string | null;
  /** Shares read from one list share a group (used when no whole is printed: Σ parts). */
  group: number;
  /** The rate was printed without a % sign. */
  percentMissing: boolean;
  /** Shares paired with a list of parts (A、B和C分别为a、b和c，占…的x%、y%和z%): the list, one per sentence's list. */
  pairedList?: number;
}

export type Direction = 'increase' | 'decrease' | 'flat';

export interface Word {
  text: string;
  start: number;
  end: number;
}

export interface NarrativeChange extends StatementBase {
  kind: 'change';
  /** The amount that changed (the current year's figure), when found. */
  subject: NarrativeAmount | null;
  direction: Direction;
  word: Word;
  delta: NarrativeNumber | null;
  rate: NarrativeNumber | null;
  rateWord: Word | null;
  percentMissing: boolean;
  /**
   * Last year's figure of the same subject, when the text states it (2023年执行数 60.13，2024年预算
   * 安排 25.77，比2023年执行数减少 57.14%): the change is then current − base.
   */
  base?: NarrativeAmount | null;
}

export interface NarrativeCompletion extends StatementBase {
  kind: 'completion';
  budget: NarrativeAmount | null;
  actual: NarrativeAmount | null;
  rate: NarrativeNumber;
  percentMissing: boolean;
  /** “完成年初预算100%，决算数大于预算数55.93万元”: the difference the sentence states, and its side. */
  gap?: { amount: NarrativeAmount; relation: 'greater' | 'less' };
}

export interface NarrativeComparison extends StatementBase {
  kind: 'comparison';
  budget: NarrativeAmount | null;
  actual: NarrativeAmount | null;
  relation: 'greater' | 'less' | 'equal';
  word: Word;
}

export interface NarrativeComponents extends StatementBase {
  kind: 'components';
  total: NarrativeAmount;
  items: NarrativeAmount[];
  /** 其中 / 主要用于 / 包括 … */
  opener: Word;
  /** The list went on over following paragraphs. */
  continued: boolean;
  /**
   * The list claims to be complete (分别为, 包括A、B和C, a closing 合计), so its items must add up to the
   * total; otherwise (其中, 主要用于, …等) they must only not exceed it.
   */
  complete: boolean;
  /**
   * Every item names its 科目 by code (其中：行政运行（2010101）…；住房公积金（2210201）…), and no word says
   * the list is partial: whether it is complete is for the tables to say (do they print other codes?).
   */
  coded?: boolean;
  /** A closing 合计 / 共计 of the items (not an item). */
  closing?: NarrativeAmount;
}

export interface NarrativeCount extends StatementBase {
  kind: 'count';
  number: NarrativeNumber;
  noun: string;
}

export interface NarrativeClassPath extends StatementBase {
  kind: 'class-path';
  path: ClassPath;
  /** Offset of the path in the paragraph text. */
  offset: number;
}

export interface NarrativeCodeName extends StatementBase {
  kind: 'code-name';
  code: string;
  name: string;
  codeStart: number;
  nameStart: number;
}

/**
 * What a figure is for or why it changed, when the clause names a subject: 主要用于X / 主要原因是
 * X经费增加. `phrase` is X (words only: no figures, no commas); `direction` the clause's own change
 * word, if it ends with one.
 */
export interface NarrativeReason extends StatementBase {
  kind: 'reason';
  role: 'purpose' | 'reason';
  phrase: string;
  /** Where `phrase` stands in the paragraph text. */
  start: number;
  end: number;
  /** The end of the whole clause (its change word included). */
  clauseEnd: number;
  direction: Direction | null;
  /** The paragraph's 类（）款（）项（） path, when it states one before the clause. */
  path: ClassPath | null;
}

export type NarrativeStatement =
  | NarrativeReason
  | NarrativeAmount
  | NarrativeShare
  | NarrativeChange
  | NarrativeCompletion
  | NarrativeComparison
  | NarrativeComponents
  | NarrativeCount
  | NarrativeClassPath
  | NarrativeCodeName;

export interface NarrativeOptions {
  /** The report's year (for telling 上年 figures apart); null when unknown. */
  year?: number | null;
  /** 预算 documents: “预算” in a label is the plain figure, not a budget-vs-actual role. */
  kind?: 'budget' | 'final' | 'unknown';
}

const CLAUSE_BREAK = /[，,；;。：:\n]/;
const SENTENCE_BREAK = /[。；;\n]/;
// (a template's both words left in — 增加(减少)0万元 — still mark an amount of change)
const DELTA_WORD = /(增加|减少|增长|下降|降低|上升|增收|减收|增支|减支|减|增|节约|压减|缩减)(?:[（(](?:增加|减少|增长|下降)[）)])?了?\s*$/;
const RATE_WORD = /(负增长|增长|下降|降低|上升|减少|增加|增幅|降幅|减幅|增长率|下降率)(（增长）|\(增长\)|（下降）|\(下降\))?(了|为|约)?\s*$/;
/** A share told inside a clause (，占基本支出预算81.45%; its figure left blank: 占基本支出预算%): its words name the whole, not the clause's subject. */
const SHARE_ASIDE = /[，,]?\s*占[^，,。；;%％]{0,30}?[\d.]*\s*[%％]/g;
// (占,88.19%: a stray comma after 占 is still the share's word)
const SHARE_WORD = /占(比)?(?:([^，,。；;%]{0,30}?)(?:的|(?=比重|比例)))?(比重|比例)?(为|约)?\s*[，,]?\s*$/;
const COMPLETION_WORD = /(完成|达到)(了)?(年初|全年|调整后)?(预算|计划)(数)?的?\s*$|(预算)?(执行率|完成率)(为|达到|是)?\s*$/;
const OPENER = /其中[：:，,]?|主要用于以下(几个)?方面[：:]?|主要用于[：:]|主要为|包括[：:]?|分别(?:为|是)[：:]?|具体(?:是|为|包括)[：:]?/g;
/** Openers of a list nested in the item before them (包括…, 主要为…, 具体是…): the list around goes on after it. */
const NESTED_OPENER = /^(包括|主要为|具体)/;
/** A breakdown's words: 按支出功能分类科目： / 按支出项目类别: / 按功能分类科目, */
const BREAKDOWN_MARK = /按[^，,。；;：:\d]{1,16}?(?:分类|类别)(?:科目)?\s*[：:，,]/g;
/** What a list's words say before “包括” when it breaks a total down one way: (1.)按支出功能分类 */
const BREAKDOWN_LEAD = /^(\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)])?按[^，,。；;：:\d]{1,14}分类(科目)?$/;
const FLAT = /(与|同|较|比)(上年|上一年度|去年|20\d{2}\s*年度?)(预算数?|决算数?|同期)?(相比)?(基本)?持平|，?(基本)?持平/g;
const COMPARISON = /决算数?\s*(大于|小于|高于|低于|多于|少于|等于|同|与)\s*(年初)?预算数?\s*(持平|一致|相同)?/g;
const HEADING = /^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;

interface Token {
  n: NarrativeNumber;
  label: string;
  labelStart: number;
  delta: boolean;
  threshold: boolean;
  inAside: boolean;
}

/** A label core naming only income or spending, of no class: 支出预算, 收入决算数, 年初预算支出. */
const GENERIC_CORE = /^(年初)?(预算|决算)?(收入|支出)(预算|决算)?数?$/;
const INCOME_KEYS = new Set<QuantityKey>(['income', 'income-total']);
// (not a bare 'expenditure': 一般公共预算拨款 is read as one, and is an income's item)
const SPENDING_KEYS = new Set<QuantityKey>(['expenditure-total', 'basic', 'project', 'personnel', 'public', 'function', 'economic']);

/** Items numbered inside one sentence: “…预算持平：一、…，二、…” (一、 （一） 1. after a colon, comma or semicolon). */
const ITEM_MARK = /[：:，,；;]\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．](?!\d))/g;

/**
 * Where the part of a sentence holding `pos` starts: a numbered item in it, or a bracket still open
 * at `pos` (…增长13%（其中：公务用车购置费209万元，…较预算数62万元…）); else `floor` (the sentence's start).
 */
function itemStart(text: string, pos: number, floor: number): number {
  let start = floor;
  for (const m of text.slice(floor, pos).matchAll(ITEM_MARK)) start = floor + m.index! + 1;
  const open: number[] = [];
  for (let i = floor; i < pos; i++) {
    if (text[i] === '（' || text[i] === '(') open.push(i);
    else if ((text[i] === '）' || text[i] === ')') && open.length) open.pop();
  }
  return open.length ? Math.max(start, open[open.length - 1] + 1) : start;
}

function clauseStart(text: string, pos: number, floor: number): number {
  for (let i = pos - 1; i >= floor; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1;
  return floor;
}

// 主要用于X。 / 主要原因是：X经费增加。 — X a name: no figures, no commas (a free-text reason is not one)
const REASON_CLAUSE = /(主要用于|(?:主要)?原因(?:是|为)[：:]?)\s*([^，,。；;：:\d%％]{2,60}?)\s*(?=[。；;]|$)/g;
const REASON_DIRECTION = /(?:的)?(?:经费|支出|资金|预算)?(增加|增长|上升|减少|下降|保持不变|不变|持平)$/;

function reasonClauses(text: string): Omit<NarrativeReason, 'kind' | 'index' | 'paragraph' | 'text' | 'path'>[] {
  const out: Omit<NarrativeReason, 'kind' | 'index' | 'paragraph' | 'text' | 'path'>[] = [];
  for (const m of text.matchAll(REASON_CLAUSE)) {
    const role = m[1].startsWith('主要用于') ? 'purpose' : 'reason';
    let phrase = m[2];
    const start = m.index! + m[0].indexOf(m[2]);
    let direction: Direction | null = null;
    const d = REASON_DIRECTION.exec(phrase);
    if (d) {
      direction = /增加|增长|上升/.test(d[1]) ? 'increase' : /减少|下降/.test(d[1]) ? 'decrease' : 'flat';
      phrase = phrase.slice(0, d.index);
    }
    phrase = phrase.replace(/[“”"‘’「」]/g, '').trim();
    if (phrase.length < 2 || /[、和及与等]$/.test(phrase)) continue;
    out.push({ role, phrase, start, end: start + phrase.length, clauseEnd: m.index! + m[0].length, direction });
  }
  return out;
}

/**
 * Totals made of fixed parts by definition: 政府采购 = 货物 + 工程 + 服务, “三公” = 因公出国（境）+
 * 公务用车购置及运行 + 公务接待, 公务用车 = 购置 + 运行, 基本支出 = 人员经费 + 公用经费.
 */
const PARTITIONS: Partial<Record<Quantity['key'], RegExp[]>> = {
  procurement: [/货物/, /工程/, /服务/],
  'three-public': [/因公出国|出国/, /公务用车|车辆/, /公务接待|接待/],
  vehicle: [/购置/, /运行/],
  basic: [/人员经费/, /公用经费/],
};

/**
 * The list of such a total ends at the first figure that is none of its parts (公务用车购置及运行费
 * 237万元。其中：运行维护费237万元…。3．公务接待费101.26万元: the 接待费 starts another subject).
 */
function partsOnly(total: NarrativeAmount, items: NarrativeAmount[]): NarrativeAmount[] {
  const parts = PARTITIONS[total.quantity.key];
  // (a list that does not start with a part is about something else: 预留给中小企业的… of 政府采购)
  if (!parts || !items.length || !parts.some((re) => re.test(items[0].quantity.label))) return items;
  const stray = items.findIndex((a) => !parts.some((re) => re.test(a.quantity.label)));
  return stray < 0 ? items : items.slice(0, stray);
}

/** A 其中 list naming each part of such a total once, and nothing else, is the whole of it. */
function namesEveryPart(total: NarrativeAmount, items: NarrativeAmount[]): boolean {
  const parts = PARTITIONS[total.quantity.key];
  if (!parts || items.length !== parts.length) return false;
  const matched = items.map((a) => parts.filter((re) => re.test(a.quantity.label)));
  if (matched.some((m) => m.length !== 1)) return false;
  return new Set(matched.map((m) => m[0])).size === parts.length;
}

/** A listed part's bare name: “（其中计容面积为” → 计容面积. */
function partName(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^[（(，,、；;：:]*(其中|包括|含)?[：:，,]?/, '')
    .replace(/^(\d{1,2}[．.、]|[（(]\d{1,2}[）)])/, '')
    .replace(/[“”"]/g, '')
    .replace(/(约为|约|为|是|达|计|共)$/, '');
}

/**
 * Two parts whose names cover the whole between them by their wording — X and 不X / 非X (计容面积 /
 * 不计容面积), 地上 and 地下 of one thing: a 其中 list of just these two is the whole, so it is summed.
 */
function complementary(items: NarrativeAmount[]): boolean {
  if (items.length !== 2) return false;
  const [a, b] = items.map((i) => partName(i.quantity.label));
  if (a.length < 2 || b.length < 2) return false;
  const negated = (x: string, y: string) => y === `不${x}` || y === `非${x}`;
  const sided = (x: string, y: string) => x.includes('地上') && x.replace('地上', '地下') === y;
  return negated(a, b) || negated(b, a) || sided(a, b) || sided(b, a);
}

function sentenceBounds(text: string, pos: number): [number, number] {
  let s = pos;
  while (s > 0 && !SENTENCE_BREAK.test(text[s - 1])) s--;
  let e = pos;
  while (e < text.length && !SENTENCE_BREAK.test(text[e])) e++;
  return [s, Math.min(text.length, e + 1)];
}

function isMoney(n: NarrativeNumber): boolean {
  return n.wan !== null;
}

/** Quantities that add up: money in any unit, or counts / measures of one unit (平方米 with 平方米). */
function sameUnitClass(a: NarrativeNumber, b: NarrativeNumber): boolean {
  if (isMoney(a) && isMoney(b)) return true;
  return (a.unit === 'count' || a.unit === 'measure') && a.unit === b.unit && a.unitText.replace(/[（(].*$/, '') === b.unitText.replace(/[（(].*$/, '');
}

/** Rates printed without %: “增长 13.95。” */
function bareRates(text: string, numbers: NarrativeNumber[]): NarrativeNumber[] {
  return numbers.filter((n) => {
    if (n.unit !== 'none') return false;
    const before = text.slice(Math.max(0, n.start - 12), n.start);
    const after = text.slice(n.end, n.end + 1);
    return (RATE_WORD.test(before) || SHARE_WORD.test(before) || COMPLETION_WORD.test(before)) && (after === '' || /[，,。；;\s]/.test(after));
  });
}

function tokenize(text: string): { tokens: Token[]; percents: NarrativeNumber[]; counts: NarrativeNumber[]; bare: Set<NarrativeNumber> } {
  const numbers = findNumbers(text);
  const tokens: Token[] = [];
  let floor = 0;
  const bare = new Set(bareRates(text, numbers));
  const percents: NarrativeNumber[] = [];
  const counts: NarrativeNumber[] = [];
  for (const n of numbers) {
    if (n.unit === '%' || bare.has(n)) percents.push(n);
    else if (n.unit === 'count') counts.push(n);
    if (!isMoney(n) && n.unit !== 'count' && n.unit !== 'measure') {
      if (n.unit === '%' || bare.has(n)) floor = n.unitEnd;
      continue;
    }
    const ls = clauseStart(text, n.start, floor);
    const label = text.slice(ls, n.start);
    const after = text.slice(n.unitEnd, n.unitEnd + 6);
    // a bound, not a figure: 50万元以上, 单价…, 收支预算超过10亿元
    const threshold = /^\s*(（含）|\(含\))?\s*(以上|以下|以内|及以上)/.test(after) || /(单价|单位价值|价值|超过|不足|不到|将近|接近)\s*$/.test(label);
    const open = Math.max(text.lastIndexOf('（', n.start), text.lastIndexOf('(', n.start));
    const close = Math.max(text.lastIndexOf('）', n.start), text.lastIndexOf(')', n.start));
    // (含…/其中…) — or a bracket opened right after an amount: its breakdown (拨款3300.69万元(经费拨款3266.69万元，非税收入拨款34万元))
    const inAside = open > close && (/^[（(]\s*(含|其中|不含|包括)/.test(text.slice(open, open + 4)) || numbers.some((m) => isMoney(m) && m.unitEnd <= open && /^\s*$/.test(text.slice(m.unitEnd, open))));
    // a change word ends a name (支持商销稳增长 30.00万) unless something is compared: 比/较/相比/上年 in
    // the sentence, or the word stands alone in its clause (…，增加 36万元)
    const dm = DELTA_WORD.exec(label);
    const [sentenceStart] = fullSentence(text, n.start);
    // (增加/减少/下降 before a figure are verbs; 增长 may end a name: 稳增长)
    const compared = dm !== null && (dm[1] !== '增长' || label.slice(0, dm.index).replace(/[\s，,、：:（(]/g, '').length <= 2 || /比|较|相比|同比|上年|去年|上一年/.test(text.slice(sentenceStart, n.start)));
    tokens.push({ n, label, labelStart: ls, delta: dm !== null && compared, threshold, inAside });
    floor = n.unitEnd;
  }
  return { tokens, percents, counts, bare };
}

/** For a paragraph joined from several layout paragraphs: where each piece starts in its text. */
const PIECES = new WeakMap<Paragraph, { paragraph: Paragraph; offset: number }[]>();

/** The layout paragraphs a (possibly joined) narrative paragraph was made of. */
export function piecesOf(p: Paragraph): { paragraph: Paragraph; offset: number }[] {
  return PIECES.get(p) ?? [{ paragraph: p, offset: 0 }];
}

const ENDS_SENTENCE = /[。！？]\s*$/;
// a 单位 part's heading (上海市某某中心2024年单位预算): a title of its own, never the start of a sentence
const PART_HEADING = /(单位|部门)(预算|决算)(公开表?|情况说明|说明|报告)?\s*$/;
const HEADING_LINE = /^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d))/;

/**
 * Sentences broken over lines (a layout paragraph per printed line, or a page break inside a
 * sentence) are joined: a paragraph that does not end a sentence runs on into the next one,
 * unless that one starts a heading or a numbered item.
 */
export function joinParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  let group: Paragraph[] = [];
  const flush = () => {
    if (group.length === 0) return;
    if (group.length === 1) out.push(group[0]);
    else {
      let text = '';
      const pieces: { paragraph: Paragraph; offset: number }[] = [];
      const lines: Paragraph['lines'] = [];
      const starts: number[] = [];
      for (const g of group) {
        pieces.push({ paragraph: g, offset: text.length });
        g.lines.forEach((l, i) => {
          lines.push(l);
          starts.push(text.length + (g.starts?.[i] ?? 0));
        });
        text += g.text;
      }
      const first = group[0];
      const samePage = group.filter((g) => g.page === first.page);
      const bbox: Paragraph['bbox'] = [
        Math.min(...samePage.map((g) => g.bbox[0])),
        Math.min(...samePage.map((g) => g.bbox[1])),
        Math.max(...samePage.map((g) => g.bbox[2])),
        Math.max(...samePage.map((g) => g.bbox[3])),
      ];
      const joined: Paragraph = { page: first.page, bbox, text, lines, starts };
      PIECES.set(joined, pieces);
      out.push(joined);
    }
    group = [];
  };
  for (const p of paragraphs) {
    const prev = group[group.length - 1];
    const isHeading = HEADING_LINE.test(p.text) || /^\s*注[：:]/.test(p.text);
    const prevIsHeading = prev
      ? group.length === 1 && prev.text.length <= 40 && !/[，,。]/.test(prev.text) && (/(说明|情况|概况|职能|职责|构成|解释|目录|表|部分|事项|汇总|设置)\s*$/.test(prev.text) || PART_HEADING.test(prev.text) || (HEADING_LINE.test(prev.text) && /[）)]\s*$/.test(prev.text)))
      : false;
    if (prev && !ENDS_SENTENCE.test(prev.text) && !isHeading && !prevIsHeading && group.length < 30) group.push(p);
    else {
      flush();
      group = [p];
    }
  }
  flush();
  return out;
}

/**
 * Reads every statement from the paragraphs, in order. Never throws: text it cannot read yields
 * no statement.
 */
export function readNarrative(paragraphs: Paragraph[], options: NarrativeOptions = {}): NarrativeStatement[] {
  try {
    let { year, kind } = options;
    if (year === undefined || kind === undefined) {
      const info = documentInfo({ pages: [], tables: [], paragraphs });
      year = year === undefined ? info.year : year;
      kind = kind ?? info.kind;
    }
    return new NarrativeReader(joinParagraphs(paragraphs), year ?? null, kind ?? 'unknown').read();
  } catch {
    return [];
  }
}

class NarrativeReader {
  private out: NarrativeStatement[] = [];
  private amounts: NarrativeAmount[] = [];
  private group = 0;
  private pairedLists = 0;

  constructor(
    private paragraphs: Paragraph[],
    private year: number | null,
    private docKind: 'budget' | 'final' | 'unknown',
  ) {}

  /**
   * The quantity a label names, with its basis: in a 预算 a 执行数 (预算执行数, 预计执行) is last
   * year's, and a figure dated before another year of its sentence (2023年…执行数 60.13，2024年预算
   * 安排 25.77) is last year's even when the document's year is not known.
   */
  private quantity(label: string, sentence = ''): Quantity {
    const q = quantityOf(label, this.year);
    if (this.docKind !== 'final' && /执行数|预计执行/.test(label) && !/决算/.test(label) && q.role !== 'actual') q.role = 'last-year';
    const own = /(20\d{2})\s*年/.exec(label);
    if (own && q.role !== 'last-year' && q.role !== 'actual') {
      const later = [...sentence.matchAll(/(20\d{2})\s*年/g)].some((m) => Number(m[1]) > Number(own[1]));
      if (later && this.year === null) q.role = 'last-year';
    }
    if (this.docKind === 'budget' && q.role === 'budget') q.role = 'plain';
    return q;
  }

  read(): NarrativeStatement[] {
    const perParagraph: { amounts: NarrativeAmount[]; tokens: Token[] }[] = [];
    this.paragraphs.forEach((p, index) => {
      try {
        perParagraph.push(this.readParagraph(p, index));
      } catch {
        perParagraph.push({ amounts: [], tokens: [] });
      }
    });
    this.readLists(perParagraph);
    this.resolveDeferred();
    return this.out;
  }

  private deferred: (() => void)[] = [];

  /** The fund a section heading names (五、一般公共预算支出预算情况): its 科目 figures are that fund's. */
  private sectionScope: FundScope = 'all';

  private readParagraph(p: Paragraph, index: number): { amounts: NarrativeAmount[]; tokens: Token[] } {
    const text = p.text;
    if (HEADING.test(text) && text.length <= 40 && !/\d+(\.\d+)?\s*(万元|元|%)/.test(text)) {
      const named = scopeOf(text);
      // a top heading (第X部分, 五、) sets the fund or clears it; a sub-heading ((二)具体情况) keeps it
      if (!/^\s*[（(]/.test(text) || named !== 'all') this.sectionScope = named;
    }
    const { tokens, percents, counts, bare } = tokenize(text);
    const local: NarrativeAmount[] = [];
    const byToken = new Map<Token, NarrativeAmount>();
    // class path of the paragraph (1．X（类）Y（款）Z（项）。年初预算为 …): amounts after it inherit it
    const path = classPathIn(text);
    const head = /^\s*(?:[（(]?\s*\d{1,2}\s*[)）.．、]|[（(]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+、)?\s*([^，,。；;：:\d（）()]{2,40}?\s*[（(]\s*(?:\d{3}|\d{5}|\d{7})\s*[）)])\s*[：:]/.exec(text);
    const codeHead = head ? { label: head[1], end: head[0].length } : null;
    // a path begun on the line before, printed as a heading of its own (1、X（类）Y（款） / Z（项）。年初预算为 …)
    const before = index > 0 ? this.paragraphs[index - 1].text : '';
    const split = !path && /[（(]\s*(款|项)\s*[）)]/.test(text) && before.length <= 40 && !/\d+(\.\d+)?\s*(万元|元|%)/.test(before) ? classPathIn(before + text) : null;
    const inherited = path ? { label: text.slice(path.classStart, path.end), end: path.end } : split && split.end > before.length && split.classStart < before.length ? { label: (before + text).slice(split.classStart, split.end), end: split.end - before.length } : null;
    if (path) {
      const [s, e] = sentenceBounds(text, path.classStart);
      this.out.push({ kind: 'class-path', index, paragraph: p, text: text.slice(s, e), path, offset: 0 });
    }
    for (const r of reasonClauses(text)) {
      const [s, e] = sentenceBounds(text, r.start);
      this.out.push({ kind: 'reason', index, paragraph: p, text: text.slice(s, e), ...r, path: path && path.end <= r.start ? path : null });
    }
    for (const m of text.matchAll(/[（(]\s*(\d{3}|\d{5}|\d{7})\s*[）)]/g)) {
      const codeStart = m.index! + m[0].indexOf(m[1]);
      const ls = clauseStart(text, m.index!, 0);
      let name = text.slice(ls, m.index!).replace(/^\s*([(（]?\d+[)）.．、]|[（(][一二三四五六七八九十]+[)）])\s*/, '').trim();
      name = name.replace(/^(其中|主要为|包括)/, '').trim();
      if (name.length >= 2 && !/^(和|及|与|或)$/.test(name) && !/\d/.test(name)) {
        const [s, e] = sentenceBounds(text, m.index!);
        this.out.push({ kind: 'code-name', index, paragraph: p, text: text.slice(s, e), code: m[1], name, codeStart, nameStart: ls + text.slice(ls, m.index!).indexOf(name) });
      }
    }
    for (const t of tokens) {
      if (t.delta || t.threshold) continue;
      let label = t.label;
      const [s0, e0] = sentenceBounds(text, t.n.start);
      const sentence = text.slice(s0, e0);
      // a bare “年初预算为 / 支出决算为” takes the paragraph's subject (its class path)
      let q = this.quantity(label, sentence);
      // (a bare “支出决算为X” after the path too: the 项's figure, not the document's 支出)
      const bareLabel = (q.key === 'expenditure' || q.key === 'income') && q.scope === 'all' && q.codes.length === 0 && /^[\s\d年度]*(年初)?(支出|收入)?(预算|决算)(数)?(为|是)?[\s：:，,]*$/.test(label);
      if ((q.key === 'unknown' || bareLabel) && inherited && t.n.start > inherited.end) {
        q = { ...this.quantity(inherited.label), role: q.role, label: label.trim() };
      }
      // … or the code and name that head the paragraph: “（1）行政运行（2010101）：预算数为 X”
      if ((q.key === 'unknown' || (bareLabel && q.key !== 'function')) && codeHead && t.n.start > codeHead.end && /^[\s\d年度预算决算执行数为是安排年初支出：:，,]*$/.test(label)) {
        const named = this.quantity(codeHead.label);
        if (named.key !== 'unknown') q = { ...named, role: q.role, label: label.trim() };
      }
      if (q.key === 'unknown' || (q.key === 'expenditure' && q.codes.length === 0)) {
        // “其中：人员经费…” inherits nothing; a generic label takes the sentence's (or its bracket's) first label
        const [s] = sentenceBounds(text, t.n.start);
        const lead = text.slice(itemStart(text, t.labelStart, s), t.labelStart);
        const leadWords = lead.replace(/^\s*\d+[．.、]/, '').replace(/[0-9０-９.,，]+\s*(万元|元|亿元)[，,]?/g, '').replace(/(预算|决算)(数)?(为|是)?$/, '');
        const generic = label.replace(/\s+/g, '').replace(/年初|全年|支出|预算|决算|数|为|是|共计|合计|安排|金额|[，,。：:]/g, '').length <= 1;
        if (generic && leadWords) {
          const q2 = this.quantity(leadWords + label);
          if (q2.key !== 'unknown' && q2.key !== q.key && !(q2.key === 'expenditure' && q.key !== 'unknown')) q = { ...q2, role: q.role === 'plain' ? q2.role : q.role, label: label.trim() };
          // “一般公共预算财政拨款支出年初预算为X，支出决算为Y”: the bare 支出 is the fund the sentence named
          else if (bareLabel && q.key === 'expenditure' && q2.key === 'expenditure' && q2.scope !== 'all' && q2.codes.length === 0) q = { ...q, scope: q2.scope };
        }
      }
      // the amount before its subject: “安排X万元用于基本支出”, “X万元用于“A（类）B（款）C（项）””
      if (q.key === 'unknown' && /(安排|预算|支出|决算|^|[，,：:])\s*$/.test(label.replace(/^\s*(\d{1,2}[．.、]|[（(]\d{1,2}[）)])/, ''))) {
        const after = /^\s*(?:用于|安排(?:用于|给|在)?|投入)\s*([^，,。；;]{2,60})/.exec(text.slice(t.n.unitEnd));
        if (after) {
          const named = this.quantity(after[1].replace(/[“”"]/g, '') + (/支出|费|经费|收入|（项）|（款）|（类）/.test(after[1]) ? '' : '支出'), sentence);
          if (named.key !== 'unknown' && named.key !== 'expenditure' && named.key !== 'income') q = { ...named, role: q.role, label: label.trim() + after[1] };
        }
      }
      // “检察（款）：2018年预算支出合计 X”: a total under a 类/款/项 heading is that level's, not the
      // document's — its subject is not identified, so it is compared with nothing
      if ((q.key === 'total' || q.key === 'expenditure-total' || q.key === 'income-total') && /[（(]\s*(类|款|项)\s*[）)]\s*[：:]?\s*$/.test(text.slice(s0, t.labelStart).replace(/[\s，,]+$/, ''))) q = { ...q, key: 'unknown' };
      // a 科目's figure under a heading that names the fund (…一般公共预算支出…情况) is that fund's
      if ((q.key === 'function' || q.key === 'economic') && q.scope === 'all' && this.sectionScope !== 'all') q = { ...q, scope: this.sectionScope };
      const [s, e] = sentenceBounds(text, t.n.start);
      const a: NarrativeAmount = { kind: 'amount', index, paragraph: p, text: text.slice(s, e), number: t.n, quantity: q, aside: t.inAside };
      local.push(a);
      byToken.set(t, a);
      this.out.push(a);
      this.amounts.push(a);
    }
    this.readChanges(p, index, text, tokens, percents, bare, byToken);
    this.readShares(p, index, text, percents, bare, local);
    this.readCompletions(p, index, text, percents, bare, local);
    this.readComparisons(p, index, text, local);
    this.readCounts(p, index, text, counts);
    return { amounts: local, tokens };
  }

  private readChanges(p: Paragraph, index: number, text: string, tokens: Token[], percents: NarrativeNumber[], bare: Set<NarrativeNumber>, byToken: Map<Token, NarrativeAmount>) {
    const used = new Set<NarrativeNumber>();
    // (the whole of a ratio told on the way — 完成年初预算数60999万元的40.4% — is no subject of a change)
    const ratioWhole = (n: NarrativeNumber) => /^\s*的\s*[\d.]+\s*[%％]/.test(text.slice(n.unitEnd, n.unitEnd + 12)) && /(完成|占)[^，,。；;]{0,12}$/.test(text.slice(Math.max(0, n.start - 14), n.start));
    const prevAmount = (pos: number, sentenceStart: number) => {
      let best: NarrativeAmount | null = null;
      // (an aside whose bracket closed before the change — 预算数37813.3万元(含西部计划20168万元),比上年增加… — is not its subject)
      for (const [t, a] of byToken) if (t.n.end <= pos && t.n.start >= sentenceStart && !ratioWhole(t.n) && !asideClosedBefore(a, pos) && (!best || t.n.start > best.number.start)) best = a;
      return best;
    };
    for (const t of tokens) {
      if (!t.delta) continue;
      const wm = DELTA_WORD.exec(t.label)!;
      const wordStart = t.labelStart + wm.index;
      const word: Word = { text: wm[1], start: wordStart, end: wordStart + wm[1].length };
      const direction: Direction = /增|上升/.test(wm[1]) ? 'increase' : 'decrease';
      // the rate: the first percent after the delta, before the next money amount and in the sentence
      const [ss, se] = sentenceBounds(text, t.n.start);
      const next = tokens.find((o) => o.n.start > t.n.start);
      const limit = Math.min(se, next ? next.n.start : text.length);
      const isRate = (r: NarrativeNumber) => !used.has(r) && RATE_WORD.test(text.slice(Math.max(0, r.start - 10), r.start));
      let rate = percents.find((r) => r.start > t.n.end && r.start < limit && isRate(r)) ?? null;
      // “税收收入拟调整为85000万元，调减16000万元，下降9.7%”: an adjustment (调增/调减, against the budget
      // being adjusted) and a rise or fall (against last year) are two comparisons, not one
      if (rate && text[wordStart - 1] === '调' && !/调(增|减)/.test(text.slice(t.n.unitEnd, rate.start))) rate = null;
      // “较上年减少1.5万元(42.86%)”: a percent alone in brackets right after the amount of change is its rate
      let bracketRate = false;
      if (!rate) {
        rate = percents.find((r) => !used.has(r) && /^\s*[（(]\s*$/.test(text.slice(t.n.unitEnd, r.start)) && /^\s*[）)]/.test(text.slice(r.unitEnd))) ?? null;
        bracketRate = rate !== null;
      }
      // “较上年下降10.32%（减少0.90万元）”: the rate told first, the amount of change in brackets after it
      if (!rate && /[（(]\s*$/.test(text.slice(Math.max(ss, t.labelStart - 1), wordStart))) {
        const prior = tokens.filter((o) => o.n.end <= t.n.start && o !== t).pop();
        const from = Math.max(ss, prior ? prior.n.unitEnd : ss);
        rate = percents.filter((r) => r.start >= from && r.end <= t.labelStart && isRate(r)).pop() ?? null;
      }
      let rateWord: Word | null = null;
      if (rate && bracketRate) {
        used.add(rate);
        rateWord = word;
      } else if (rate) {
        used.add(rate);
        const before = text.slice(Math.max(0, rate.start - 10), rate.start);
        const rm = RATE_WORD.exec(before)!;
        const rs = rate.start - before.length + rm.index;
        rateWord = { text: rm[1] + (rm[2] ?? ''), start: rs, end: rs + rm[1].length + (rm[2]?.length ?? 0) };
      }
      // (a share told on the way — 工资福利支出X元，占基本支出预算81.45%，同比增加Δ — names the whole, not the subject)
      // (an item numbered inside the sentence — …持平：一、因公出国费170万元，增加170万元 — starts its own lead)
      let local = prevAmount(t.n.start, ss);
      let leadStart = itemStart(text, t.labelStart, ss);
      // after a 其中/包括 in the sentence, whose change it is:
      // - “A为33.13万元,…减少2.5万元,下降7%,其中:B为17.98万元,…增加0万元,C为15.15万元,…减少2.5万元”: the whole's
      //   change told before the 其中 (or items told with changes of their own), each later one is its item's;
      // - “公务用车购置及运行费17.26万元，包括购置费12.63万元和运行维护费4.62万元，较上年增加12.61万元”: after
      //   the items told in passing, the whole's;
      // - “总计231.24万元,其中年初结转0万元,较2019年增加5.24万元”: after one item, the whole's or the item's —
      //   not known (unless the two are one figure: 支出预算15621.11万元，其中：财政拨款支出预算15621.11万元，比…)
      // (a whole told in an earlier sentence — 支出为468.738万元。其中:基本支出250.7219万元,较上年增加… — has its
      // change there: this one is the item's, as read below)
      let listEnd = false;
      let wholeOf: NarrativeAmount | null = null;
      const opener = [...text.slice(ss, t.labelStart).matchAll(OPENER)].pop();
      if (opener && local && local.number.start > ss + opener.index! && leadStart <= ss + opener.index!) {
        const at = ss + opener.index!;
        const own = local;
        const changeIn = (from: number, to: number) => tokens.some((o) => o.delta && o.n.start >= from && o.n.end <= to);
        const whole = prevAmount(at, ss);
        const items = [...byToken.values()].filter((a) => a.number.start > at && a.number.end <= own.number.end && !ratioWhole(a.number)).length;
        if (changeIn(ss, at) || changeIn(at, own.number.start)) leadStart = Math.max(leadStart, clauseStart(text, own.number.start, at));
        // (…基本支出300万元、项目支出200万元，分别比上年增加20万元和30万元: each item's, told together — not read)
        else if (/分别/.test(text.slice(own.number.end, wordStart))) listEnd = true;
        else if (whole && items >= 2) wholeOf = whole;
        else if (whole) listEnd = !(whole.number.wan !== null && own.number.wan !== null && whole.number.wan.eq(own.number.wan));
      }
      const lead = text.slice(leadStart, t.labelStart).replace(SHARE_ASIDE, '');
      const deltaLabelQ = this.quantity(lead + t.label);
      const change: NarrativeChange = { kind: 'change', index, paragraph: p, text: text.slice(ss, se), subject: null, direction, word, delta: t.n, rate, rateWord, percentMissing: rate ? bare.has(rate) : false };
      // “收入合计321.30万元,…,主要原因是本年度财政拨款收入较上年决算数减少358.94万元”: a change told in a
      // reason is of what the reason names, not of the figure told before it
      const reasonAt = Math.max(...[...text.slice(ss, wordStart).matchAll(/原因|因为|由于/g)].map((m) => ss + m.index!), -1);
      if (local && reasonAt >= 0 && local.number.start < reasonAt) local = null;
      // “收入预算A，比2025年年初预算数B减少Δ”: B is last year's figure, the base of the change; so is
      // the budget a 决算 is compared with (“决算A，较预算数B增加Δ”)
      const comparedWith = (a: NarrativeAmount) =>
        a.quantity.role === 'last-year' || (a.quantity.role === 'budget' && a.paragraph === p && /(较|比|与|同)[^，,。；;：:\d]{0,12}$/.test(text.slice(Math.max(0, a.number.start - 14), a.number.start)));
      if (local && comparedWith(local)) {
        change.base = local;
        const lastYear = local;
        local = [...byToken.values()].filter((a) => a.number.end <= lastYear.number.start && !comparedWith(a)).pop() ?? null;
      }
      const labelQ = this.quantity(t.label);
      const core = labelCore(lead + t.label);
      // “2022年度…较2021年度增加Δ，其中公务接待较上年同期减少δ”: a figure dated the year compared with is the base, not the subject
      const baseYear = [...text.slice(0, t.labelStart + (wm.index ?? 0)).matchAll(/(?:比|较|与|同)\s*(20\d{2})\s*年/g)].pop()?.[1] ?? null;
      this.out.push(change);
      this.deferred.push(() => {
        change.subject = listEnd ? null : wholeOf ?? (change.base && local ? local : this.findSubject(index, t.n.start, labelQ.key !== 'unknown' ? labelQ : deltaLabelQ, local, core, baseYear));
      });
    }
    // a rate told with both figures and no amount of change: “2023年执行数为A，2024年预算安排B，比2023年
    // 执行数减少y%” — the subject is the current figure whose subject matches a last-year figure told
    const amounts = [...byToken.values()];
    for (const r of percents) {
      if (used.has(r)) continue;
      const before = text.slice(Math.max(0, r.start - 10), r.start);
      const rm = RATE_WORD.exec(before);
      if (!rm) continue;
      const [ss, se] = sentenceBounds(text, r.start);
      const clause = text.slice(clauseStart(text, r.start, ss), r.start);
      if (!/(比|较|同比|与)/.test(clause)) continue;
      if (tokens.some((t) => t.delta && t.n.start >= ss && t.n.start < r.start)) continue;
      const earlier = amounts.filter((a) => a.number.end <= r.start && a.number.wan !== null);
      let current = [...earlier].reverse().find((a) => a.quantity.role !== 'last-year' && a.quantity.role !== 'actual');
      let bases = current && current.quantity.key !== 'unknown' ? earlier.filter((a) => a.quantity.role === 'last-year' && subjectKey(a.quantity) === subjectKey(current!.quantity)) : [];
      if (bases.length !== 1) {
        // “(二)培训费2023年预算2万元,较2022年预算1.50万元增长75%”: last year's figure right after 较, this year's
        // just before it in the sentence — one subject, whatever its name
        const inSentence = earlier.filter((a) => a.number.start >= ss);
        const base = inSentence[inSentence.length - 1];
        const cur = inSentence[inSentence.length - 2];
        const told = (a: NarrativeAmount | undefined) => a && /(比|较|与|同)\s*(?:20\d{2}\s*年度?)?[^，,。；;：:\d]{0,14}$/.test(text.slice(Math.max(ss, a.number.start - 16), a.number.start));
        if (!base || !cur || base.quantity.role !== 'last-year' || !told(base) || cur.quantity.role === 'last-year' || told(cur) || !sameUnitClass(cur.number, base.number)) continue;
        current = cur;
        bases = [base];
      }
      if (!current) continue;
      used.add(r);
      const rs = r.start - before.length + rm.index;
      const word: Word = { text: rm[1], start: rs, end: rs + rm[1].length };
      const direction: Direction = /增|上升/.test(rm[1]) && !/负/.test(rm[1]) ? 'increase' : 'decrease';
      this.out.push({ kind: 'change', index, paragraph: p, text: text.slice(ss, se), subject: current, direction, word, delta: null, rate: r, rateWord: word, percentMissing: bare.has(r), base: bases[0] });
    }
    // rates with no amount of change: “增长35.04%” right after a delta is taken; others stand alone only with 持平
    for (const m of text.matchAll(FLAT)) {
      const ms = m.index!;
      const before = text.slice(Math.max(0, ms - 8), ms + m[0].length);
      if (/决算|预算数/.test(before) && /(决算数?|预算数?)\s*(同|与)/.test(text.slice(Math.max(0, ms - 10), ms + 4))) continue;
      const [ss, se] = sentenceBounds(text, ms);
      const wordStart = ms + m[0].indexOf('持平');
      const change: NarrativeChange = {
        kind: 'change',
        index,
        paragraph: p,
        text: text.slice(ss, se),
        subject: prevAmount(ms, ss),
        direction: 'flat',
        word: { text: '持平', start: wordStart, end: wordStart + 2 },
        delta: null,
        rate: null,
        rateWord: null,
        percentMissing: false,
      };
      // “与上年持平” after “较上年减少0.1万元” is the same change told twice: keep both, the rule compares
      const cur = change.subject;
      if (cur && cur.quantity.role !== 'last-year' && cur.quantity.key !== 'unknown') {
        const bases = [...byToken.values()].filter((a) => a.number.end <= ms && a.quantity.role === 'last-year' && subjectKey(a.quantity) === subjectKey(cur.quantity));
        if (bases.length === 1) change.base = bases[0];
      }
      this.out.push(change);
    }
  }

  /** The amount a change is about: same quantity nearby (this paragraph, then the ones before). */
  private findSubject(index: number, pos: number, q: Quantity, local: NarrativeAmount | null, core: string, baseYear: string | null = null): NarrativeAmount | null {
    // (a figure's year: the last one its sentence names before it — 2021年度“三公”经费合计…，其中：公务接待12.39)
    const datedBase = (a: NarrativeAmount) => {
      if (baseYear === null) return false;
      // (its clause's own year, not one it is compared with: 与2019年相比 dates nothing)
      const t = a.paragraph.text;
      const [cs] = sentenceBounds(t, a.number.start);
      return [...t.slice(cs, a.number.start).matchAll(/(比|较|与|同)?\s*(20\d{2})\s*年/g)].filter((m) => !m[1]).pop()?.[2] === baseYear;
    };
    if (local && datedBase(local)) local = null;
    const candidates = this.amounts.filter((a) => a.index <= index && a.index >= index - 6 && (a.index < index || a.number.start < pos) && a.quantity.role !== 'last-year' && !datedBase(a));
    candidates.sort((x, y) => y.index - x.index || y.number.start - x.number.start);
    if (core.length >= 4) {
      const byLabel = candidates.find((a) => {
        const c = labelCore(a.quantity.label);
        // (a bare 支出预算 is no item's name: 住房保障支出预算 ends with it, yet is one class of it)
        return c.length >= 4 && (c === core || (!GENERIC_CORE.test(core) && c.endsWith(core)) || (!GENERIC_CORE.test(c) && core.endsWith(c)));
      });
      if (byLabel && (!local || local === byLabel || labelCore(local.quantity.label) !== core)) return byLabel;
    }
    if (q.key !== 'unknown' && q.key !== 'expenditure' && q.key !== 'income') {
      const wantActual = q.role === 'actual';
      // a subject of one fund (财政拨款收支总预算) is not the document's (收支预算总计) told in another paragraph
      const same = candidates.filter((a) => a.quantity.key === q.key && (q.codes.length === 0 || a.quantity.codes.join() === q.codes.join()) && (a.quantity.scope === q.scope || q.scope === 'all' || (a.quantity.scope === 'all' && a.index === index)));
      const pick = (wantActual ? same.find((a) => a.quantity.role === 'actual') : undefined) ?? same.find((a) => a.quantity.role !== 'budget' || q.role === 'budget');
      if (pick) return pick;
      if (local && local.quantity.key === q.key) return local;
      return null;
    }
    if (!local && q.key === 'unknown' && core.length === 0) {
      // “…基本支出 1817.56 万元。与上年度相比，增加 740.16 万元”: the figure told just before — when
      // that is last year's (or dated the year compared with), the change names no figure of its own
      const told = this.amounts.filter((a) => (a.index === index || a.index === index - 1) && (a.index < index || a.number.start < pos));
      const last = told.sort((x, y) => y.index - x.index || y.number.start - x.number.start)[0];
      const pick = candidates.find((a) => a.index === index || a.index === index - 1) ?? null;
      // (…支出预算3836.27万元，其中：省院本级3442.13万元，西宁铁路检察院394.14万元。比上年增加…: the last
      // item of a list — the change may be the whole's as well as that item's)
      if (pick && pick === last) {
        const t = pick.paragraph.text;
        const [ls] = sentenceBounds(t, pick.number.start);
        const opener = [...t.slice(ls, pick.number.start).matchAll(OPENER)].pop();
        if (opener && told.some((a) => a.paragraph === pick.paragraph && a.number.start >= ls && a.number.end <= ls + opener.index!)) return null;
      }
      return pick && pick === last ? pick : null;
    }
    return local;
  }

  private readShares(p: Paragraph, index: number, text: string, percents: NarrativeNumber[], bare: Set<NarrativeNumber>, local: NarrativeAmount[]) {
    let lastSentence = -1;
    for (const r of percents) {
      const before = text.slice(Math.max(0, r.start - 40), r.start);
      const m = SHARE_WORD.exec(before);
      if (!m) continue;
      const [ss, se] = sentenceBounds(text, r.start);
      // part: the nearest amount before “占”, in the same sentence (or the sentence before, for “…万元。占…”)
      const zhan = r.start - before.length + m.index;
      let part = [...local].reverse().find((a) => a.number.end <= zhan && a.number.start >= ss) ?? null;
      if (!part) {
        // “包括基本支出A和项目支出B。其中：基本支出占x%”: the share names its part, told before
        const words = text.slice(clauseStart(text, zhan, ss), zhan).replace(/^\s*(其中|分别)[：:]?/, '');
        const q = this.quantity(words);
        if (q.key !== 'unknown' && q.key !== 'expenditure' && q.key !== 'income') part = [...local].reverse().find((a) => a.number.end <= zhan && subjectKey(a.quantity) === subjectKey(q) && a.quantity.role === q.role) ?? null;
      }
      if (!part) continue;
      // “A、B和C分别为a、b和c，占…的x%、y%和z%”: the i-th percent is the i-th amount's share; lists
      // that do not pair up are not read
      const joins = (from: number, to: number) => /^\s*(、|，|,|和|及|与|以及)\s*$/.test(text.slice(from, to));
      const rates = [r];
      for (const q of percents) if (q.start > r.start && joins(rates[rates.length - 1].unitEnd, q.start)) rates.push(q);
      const parts = [part];
      if (rates.length > 1) {
        for (const a of [...local].reverse()) if (a.number.end <= parts[0].number.start && a.number.start >= ss && joins(a.number.unitEnd, parts[0].number.start)) parts.unshift(a);
        if (parts.length !== rates.length) continue;
      }
      const [fs] = fullSentence(text, r.start);
      if (fs !== lastSentence) {
        this.group++;
        lastSentence = fs;
      }
      const wholeLabel = m[2] && m[2].trim() ? m[2].trim() : null;
      const pairedList = rates.length > 1 ? ++this.pairedLists : undefined;
      rates.forEach((rate, i) => {
        const share: NarrativeShare = { kind: 'share', index, paragraph: p, text: text.slice(ss, se), part: parts[i], percent: rate, whole: null, wholeLabel, group: this.group, percentMissing: bare.has(rate), pairedList };
        this.out.push(share);
      });
    }
  }

  private readCompletions(p: Paragraph, index: number, text: string, percents: NarrativeNumber[], bare: Set<NarrativeNumber>, local: NarrativeAmount[]) {
    for (const r of percents) {
      const before = text.slice(Math.max(0, r.start - 16), r.start);
      if (!COMPLETION_WORD.test(before)) continue;
      const [ss, se] = sentenceBounds(text, r.start);
      const earlier = local.filter((a) => a.number.end <= r.start).reverse();
      let actual = earlier.find((a) => a.quantity.role === 'actual') ?? null;
      let budget = earlier.find((a) => a.quantity.role === 'budget') ?? null;
      // “因公出国（境）费支出决算 0.00 万元，完成预算的 0.00%”: the budget may be told elsewhere
      if (!actual) actual = earlier.find((a) => a.quantity.role === 'plain' && a.number.start >= ss) ?? null;
      const c: NarrativeCompletion = { kind: 'completion', index, paragraph: p, text: text.slice(ss, se), budget, actual, rate: r, percentMissing: bare.has(r) };
      // “…，决算数大于（小于）预算数X万元” right after the rate, in its sentence: the budget is the 决算 ∓ X
      const [, fe] = fullSentence(text, r.start);
      for (const m of text.slice(r.unitEnd, fe).matchAll(COMPARISON)) {
        const at = r.unitEnd + m.index! + m[0].length;
        const gap = local.find((a) => a.number.start >= at && /^\s*(的)?\s*$/.test(text.slice(at, a.number.start)));
        const relation = /大于|高于|多于/.test(m[1]) ? 'greater' : /小于|低于|少于/.test(m[1]) ? 'less' : null;
        if (gap && relation && /^[，,\s]*$/.test(text.slice(r.unitEnd, r.unitEnd + m.index!))) c.gap = { amount: gap, relation };
        break;
      }
      // (its 决算 may open the sentence before a semicolon: “…支出总计1741.75万元，与上年相比减少…；完成年初预算100%，决算数大于…”)
      if (c.gap && !c.actual) {
        const [fs] = fullSentence(text, r.start);
        c.actual = local.find((a) => a.number.start >= fs && a.number.end <= r.start && a.quantity.role !== 'budget' && a.quantity.role !== 'last-year') ?? null;
      }
      if (budget && actual && budget.number.start > actual.number.start && budget.index === actual.index) {
        // both found; order does not matter
      }
      this.out.push(c);
      if (!budget && actual) {
        const q = actual.quantity;
        this.deferred.push(() => {
          if (q.key === 'unknown' || q.key === 'expenditure') return;
          const found = this.amounts.filter((a) => a.quantity.key === q.key && a.quantity.role === 'budget' && Math.abs(a.index - index) <= 6 && a.quantity.codes.join() === q.codes.join() && a.quantity.scope === q.scope);
          const values = new Set(found.map((a) => a.number.wan!.toString()));
          if (values.size === 1) c.budget = found.sort((x, y) => Math.abs(x.index - index) - Math.abs(y.index - index))[0];
        });
      }
      budget = c.budget;
    }
  }

  private readComparisons(p: Paragraph, index: number, text: string, local: NarrativeAmount[]) {
    for (const m of text.matchAll(COMPARISON)) {
      const ms = m.index!;
      const w = m[1];
      const relation = /大于|高于|多于/.test(w) ? 'greater' : /小于|低于|少于/.test(w) ? 'less' : /等于/.test(w) || m[3] ? 'equal' : null;
      if (!relation) continue;
      const [ss, se] = sentenceBounds(text, ms);
      // the paragraph's subject pair: its first budget and first actual figures before the words
      const earlier = local.filter((a) => a.number.end <= ms);
      const prevParagraph = this.amounts.filter((a) => a.index === index - 1);
      const actual = earlier.find((a) => a.quantity.role === 'actual') ?? null;
      const budget = earlier.find((a) => a.quantity.role === 'budget') ?? (actual ? null : prevParagraph.find((a) => a.quantity.role === 'budget') ?? null);
      const wordStart = ms;
      this.out.push({ kind: 'comparison', index, paragraph: p, text: text.slice(ss, se), budget, actual: actual ?? (budget ? null : prevParagraph.find((a) => a.quantity.role === 'actual') ?? null), relation, word: { text: m[0], start: wordStart, end: wordStart + m[0].length } });
    }
  }

  private readCounts(p: Paragraph, index: number, text: string, counts: NarrativeNumber[]) {
    for (const n of counts) {
      const before = text.slice(Math.max(0, n.start - 12), n.start);
      const m = /(项目|单位|二级预算单位|团组)[^，。；\d]{0,6}$/.exec(before);
      if (!m) continue;
      const [ss, se] = sentenceBounds(text, n.start);
      this.out.push({ kind: 'count', index, paragraph: p, text: text.slice(ss, se), number: n, noun: m[1] });
    }
  }

  /** Component lists: 其中 / 主要用于以下方面 / 包括, in a sentence or over following paragraphs. */
  private readLists(per: { amounts: NarrativeAmount[]; tokens: Token[] }[]) {
    per.forEach(({ amounts }, index) => {
      const p = this.paragraphs[index];
      const text = p.text;
      // an opener inside brackets (（其中：A 0.00万元，B 0.00万元）) is an aside: nested, its items asides
      const openers = [...text.matchAll(OPENER)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: /[（(]\s*$/.test(text.slice(Math.max(0, m.index! - 1), m.index!)) ? '包括' + m[0] : m[0] }));
      openers.forEach((op, k) => {
        const [ss, se] = sentenceBounds(text, op.start);
        const firstItem = amounts.find((a) => a.number.start >= op.end && a.number.start < se);
        // this year's figure told before last year's `t` in t's sentence (本年收入合计A万元,比2023年的B万元,…)
        const thisYearBefore = (t: NarrativeAmount, also: (a: NarrativeAmount) => boolean = () => true) => {
          const [ts] = sentenceBounds(t.paragraph.text, t.number.start);
          return [...amounts].reverse().find((a) => a.number.end <= t.number.start && a.number.start >= ts && a.quantity.role !== 'last-year' && sameUnitClass(a.number, t.number) && also(a));
        };
        const lastYearItems = firstItem?.quantity.role === 'last-year';
        // “1.按支出功能分类，包括A a、B b…” / “2.按支出用途分类，包括…” under “支出预算X万元，比上年…”: each
        // breaks the expenditure told just before down another way, a complete list of its own (its
        // 包括 opens the list, nested in nothing)
        const breakdownLead = ss === 0 && BREAKDOWN_LEAD.test(text.slice(ss, op.start).replace(/[\s。，,]/g, ''));
        const nested = NESTED_OPENER.test(op.text) && !breakdownLead;
        // the total: the last amount before the opener in this sentence; else, when the opener begins
        // its sentence or paragraph, the last amount before it
        // (not an aside whose bracket closed before the opener: 预算数761.21万元(含上年结转5.01万元),其中:…)
        let total = [...amounts].reverse().find((a) => a.number.end <= op.start && a.number.start >= ss && !asideClosedBefore(a, op.start)) ?? null;
        // “公务用车…支出决算1.63万元，年初预算1.78万元，完成预算的91.57%，包括A和B”: of one subject's 决算 and
        // 年初预算, a 决算's list breaks down the 决算
        if (total && this.docKind === 'final' && total.quantity.role === 'budget') {
          const key = subjectKey(total.quantity);
          const actual = amounts.find((a) => a.number.start >= ss && a.number.end <= op.start && a.quantity.role === 'actual' && subjectKey(a.quantity) === key);
          if (actual) total = actual;
        }
        // “本年收入合计252.5万元,较上年231.5万元,增加21万元,其中:财政拨款收入252.5万元…”: last year's figure
        // told in passing is not what this year's items break down
        if (total && total.quantity.role === 'last-year' && firstItem && !lastYearItems) total = thisYearBefore(total) ?? total;
        const lead = text.slice(ss, op.start).replace(/[\s。，,]/g, '');
        if (breakdownLead && !total) total = this.breakdownTotal(per, index);
        if (!total && lead === '') {
          // the figure the list is of: not one told in a reason (主要原因是：新增…13万元)
          const subjectLike = (a: NarrativeAmount) => !/(^|[。；;])\s*(主要)?原因(是|为)?[：:]?[^。；;]*$/.test(a.paragraph.text.slice(0, a.number.start));
          total = [...amounts].reverse().find((a) => a.number.end <= op.start && subjectLike(a)) ?? null;
          // (after a sentence counting several groups — 在编职工47人,非在编职工8人,退休人员28人。其中卫生技术45人 —
          // whose breakdown it is, the text does not say)
          // (its clauses run on with ；: 编制36人,实有职工50人,其中在编31人…；离退休人员23人…；其中大学本科22人…)
          if (total && total.number.unit === 'count') {
            const ps = Math.max(0, text.lastIndexOf('。', total.number.start) + 1);
            if (amounts.filter((a) => a.number.unit === 'count' && a.number.start >= ps && a.number.end <= op.start).length >= 3) total = null;
          }
          // (nor last year's figure told in passing: 本年收入合计A万元,比2023年的B万元,增加Δ。其中:…)
          if (total && total.quantity.role === 'last-year' && !lastYearItems) total = thisYearBefore(total, subjectLike) ?? total;
          // “总额X，包括A、B和C。其中，面向中小企业…”: after a list, 其中 parts the list's head, not its last item
          const before = this.out.filter((o): o is NarrativeComponents => o.kind === 'components' && o.index === index && o.opener.end <= op.start);
          const prevList = before[before.length - 1];
          if (total && prevList && (prevList.items.includes(total) || prevList.closing === total)) total = prevList.total;
          if (!total && ss === 0 && index > 0) total = [...per[index - 1].amounts].reverse().find(subjectLike) ?? null;
        } else if (!total && lead.length <= 8 && !/\d/.test(lead)) {
          // “收入包括：…”: the figure told before for that same word (收入总计 …)
          const before = [...amounts.filter((a) => a.number.end <= op.start), ...(index > 0 ? per[index - 1].amounts : [])].reverse();
          // (a 收支 total is the 收入 total and the 支出 total alike: 财政拨款收支总预算X。收入包括…；支出包括…)
          const named = (a: NarrativeAmount) => {
            const l = a.quantity.label.replace(/\s+/g, '');
            return (l.includes(lead) && /总计|合计|总额|共计/.test(l)) || (/^(收入|支出)$/.test(lead) && /收、?支(总预算|总决算|(预算|决算)?总计)/.test(l));
          };
          total = before.find(named) ?? null;
          // (or the 收支 total read as such: 收入、支出总计 …)
          if (!total && /^(收入|支出)$/.test(lead)) total = before.find((a) => a.quantity.key === 'total' && /收支|收入、?支出/.test(a.quantity.label)) ?? null;
        }
        // “…财政拨款收入1125.76万元,较2024年增加34.42万元。其中:基本支出1183.29万元”: spending is no part of an
        // income (the sentence telling the spending of that income is missing) — the list's whole is not told
        if (total && firstItem && INCOME_KEYS.has(total.quantity.key) && SPENDING_KEYS.has(firstItem.quantity.key)) total = null;
        if (!total) return;
        // “X万元（其中：A a万元，B b万元）”: the bracket holds the list of the figure before it
        if (op.text.startsWith('包括其中')) {
          const close = text.indexOf('）', op.end);
          const open = text.lastIndexOf('（', op.start);
          const whole = [...amounts].reverse().find((a) => a.number.end <= open);
          const inside = amounts.filter((a) => a.number.start > op.end && (close < 0 || a.number.start < close) && sameUnitClass(a.number, (whole ?? total!).number));
          if (whole && inside.length > 0 && text.slice(whole.number.unitEnd, open).trim() === '') {
            this.out.push({ kind: 'components', index, paragraph: p, text: text.slice(ss, se), total: whole, items: inside, opener: { text: op.text.slice(2), start: op.start, end: op.end }, continued: false, complete: complementary(inside) || namesEveryPart(whole, inside) });
          }
          return;
        }
        const nextOpener = openers[k + 1];
        // the list ends at the sentence end (nested: at the next ；), before a new subject that opens
        // a list of its own, or at a clause that starts a new sentence-like subject (2022年…)
        const [fs] = fullSentence(text, op.start);
        const firstInSentence = amounts.find((a) => a.number.start >= fs && sameUnitClass(a.number, total!.number) && a.quantity.role === total!.quantity.role);
        const inner = nested || (firstInSentence !== undefined && firstInSentence !== total && firstInSentence.number.start < op.start);
        let end = inner ? Math.min(se, nextBreak(text, op.end, /[；;。]/)) : se;
        // a semicolon ends the list (实有人员111人，其中行政34人、事业77人；离退休人员7人) unless it is the
        // list's own separator (其中：A a；B b；C c。 — no two items before the first semicolon)
        const beforeSemicolon = amounts.filter((a) => a.number.start >= op.end && a.number.start < se && !a.aside && sameUnitClass(a.number, total!.number)).length;
        if (!inner && /[；;]/.test(text[se - 1] ?? '') && beforeSemicolon <= 1) end = nextBreak(text, op.end, /[。\n]/);
        // (…；此外，年初结转和结余699.04万元: told beside the list, none of it)
        const besides = /此外|另外|另有/.exec(text.slice(op.end, end));
        if (besides) end = op.end + besides.index;
        const restated = /[，,；;]\s*(20\d{2}\s*年)/g;
        restated.lastIndex = op.end;
        const rm = restated.exec(text);
        if (rm && rm.index < end) end = rm.index;
        let items = amounts.filter((a) => a.number.start >= op.end && a.number.start < end && sameUnitClass(a.number, total!.number));
        // a list of posts (编制4人，其中事业编制4人；实有在职人员3人…) ends where the people in them are told
        if (/编制/.test(total.quantity.label)) {
          const staff = items.findIndex((a) => /实有|在职|离退休|退休|离休|实际/.test(a.quantity.label) && !/编制/.test(a.quantity.label));
          if (staff >= 0) items = items.slice(0, staff);
        }
        // (…在编人员67人,其中专业技术人员64人,临聘人员5人: people outside the posts are none of them)
        if (/编/.test(total.quantity.label)) items = items.filter((a) => !/临聘|编外|非在编|聘用|劳务派遣|外聘|临时/.test(a.quantity.label));
        if (!nested) {
          for (const other of openers.slice(k + 1)) {
            if (other.start >= end) break;
            const beforeNext = [...items].reverse().find((a) => a.number.end <= other.start);
            // (the head of that list one of this total's known parts — “三公”10，其中：…公务用车购置及运行费8，
            // 其中：购置0，运行8 — is this list's item, the list after it nested)
            const partHead = beforeNext !== undefined && (PARTITIONS[total.quantity.key] ?? []).some((re) => re.test(beforeNext.quantity.label));
            if (!NESTED_OPENER.test(other.text) && !partHead) {
              // a new subject opens its own list: this one ends before that subject
              items = items.filter((a) => a.number.start < (beforeNext ? beforeNext.number.start : other.start));
              end = Math.min(end, other.start);
              break;
            }
            // drop a nested list's items (up to its end)
            const nestedEnd = Math.min(nextBreak(text, other.end, /[；;。]/), end);
            items = items.filter((a) => !(a.number.start > other.end && a.number.start < nestedEnd));
          }
        }
        void nextOpener;
        // drop items that are figures of another role than the total (预算 vs 决算), and the parts
        // of a subtotal inside the list (下属单位共有编制数53人，事业编制53人)
        items = items.filter((a) => a !== total && !a.aside && roleFits(a, total!));
        // (a 类's only 款 or 项 told after it with the same figure — 文化旅游体育与传媒支出286.85万元,群众文化支出
        // 286.85万元 — restates it: no item of its own)
        items = items.filter((a, i) => {
          const prev = items[i - 1];
          return !(prev && a.quantity.codes.length === 0 && prev.quantity.key === 'function' && prev.quantity.codes[0]?.length === 3 && a.number.wan !== null && prev.number.wan !== null && a.number.wan.eq(prev.number.wan));
        });
        // (a figure told in an item's reason — 项目支出1,529.96万元，…，主要是因为2022年含…金额767万元 — is no item)
        items = items.filter((a) => {
          const from = Math.max(op.end, ...[...text.slice(op.end, a.number.start).matchAll(/[；;。]/g)].map((m) => op.end + m.index! + 1));
          return !/原因|因为|由于/.test(text.slice(from, a.number.start));
        });
        const subtotals = items.filter((a) => /(共有|共计|合计|总额|小计)/.test(a.quantity.label));
        for (const st of subtotals) {
          const stEnd = nextBreak(text, st.number.unitEnd, /[；;。]/);
          items = items.filter((a) => !(a.number.start > st.number.start && a.number.start < stEnd));
        }
        // a closing 合计 / 共计 is the list's total, not an item
        let closing: NarrativeAmount | undefined;
        // (a figure named a 合计 / 总计 of its own — 其中：A a，B b，收入合计为T —
        // is the sum of a wider whole: the list has ended before it)
        const wider = items.findIndex((a) => /合计|总计/.test(a.quantity.label) && !/^[，,、；;\s]*(以上|上述)?(各项)?(合计|总计)/.test(a.quantity.label));
        if (wider > 0) items = items.slice(0, wider);
        const last = items[items.length - 1];
        if (last && items.length >= 2 && /^[，,、；;\s]*(以上|上述)?(各项)?(合计|共计|总计|总额|小计)/.test(last.quantity.label)) {
          closing = last;
          items = items.slice(0, -1);
          // the closing 合计 restates the list's total: it is that figure (以上合计 names nothing of its own)
          closing.quantity = { ...total.quantity, label: closing.quantity.label };
        }
        let continued = false;
        const tail = text.slice(op.end).replace(/[\s：:。]/g, '');
        // a list of last year's figure, or of changes (其中：公务接待费减少0.26万元，…), goes on in no other paragraph
        const goesOn = total.quantity.role !== 'last-year' && !per[index].tokens.some((t) => t.delta && t.n.start >= op.end && t.n.start < end);
        // “支出预算581.72万元…其中:” then “按支出项目类别:…”, “按支出功能分类科目:…”, “按支出经济分类科目:…”:
        // each paragraph breaks the whole total down another way, each a complete list of its own
        const breakdowns = goesOn && !nested ? this.breakdowns(per, index, op.end, total) : [];
        if (breakdowns.length >= 2) {
          for (const b of breakdowns) this.out.push({ kind: 'components', index, paragraph: p, text: b[0].text, total, items: b, opener: { text: op.text, start: op.start, end: op.end }, continued: true, complete: true });
          return;
        }
        if (!goesOn) {
          /* its items are in its sentence or nowhere */
        } else if (items.length === 0 && tail === '' && !nested) {
          items = this.continuedItems(per, index, total);
          continued = true;
        } else if (!nested && !inner && items.length <= 1 && text.slice(ss, op.start).replace(/[\s。，,]/g, '') === '' && text.slice(end).trim() === '' && /[。]\s*$/.test(text) && !/[%％]/.test(text.slice(op.end, end))) {
          // (“其中：基本支出占x%，项目支出占y%。” shares its parts out: no list goes on after it)
          // (a list told in its own sentence with two items or more ends there: the numbered
          // paragraphs after “主要用于以下方面：A；B；C。” are another list)
          // “X万元。其中：A a万元。” and the next items in the paragraphs that follow
          items = [...items, ...this.continuedItems(per, index, total)];
          continued = items.length > 0;
        }
        if (items.length === 0) return;
        // counts of different things (2批次、26人次，其中：0批次、0人次) are not one list
        if (total.number.unit === 'count' || total.number.unit === 'measure') {
          const units = new Set(per[index].tokens.filter((t) => t.n.unit === total!.number.unit && t.n.start >= op.end && t.n.start < end).map((t) => t.n.unitText));
          if (units.size > 1) return;
        }
        // a list of coded items (工资福利支出（301）…；商品和服务支出（302）…) runs on over sentences
        // and paragraphs as long as the figures that open each sentence carry a code of that system
        if (!nested && items.length > 0 && items.every((a) => a.quantity.codeFromText)) {
          const system = items[0].quantity.codes[0]?.[0];
          const more = this.codedItems(per, index, end, system, total);
          items = [...items, ...more.filter((a) => !items.includes(a))];
        }
        items = partsOnly(total, items);
        if (items.length === 0) return;
        const listText = text.slice(op.end, end);
        const coded = items.length >= 2 && items.every((a) => a.quantity.codeFromText);
        // 主要用于 / 主要为 / …等 name a part on purpose: never complete (save a closing 合计)
        const claimsPart = /主要/.test(text.slice(ss, op.end)) || /等\s*[。；;，,]?\s*$/.test(listText);
        const complete =
          closing !== undefined ||
          (breakdownLead && !claimsPart) ||
          (!claimsPart && (namesEveryPart(total, items) || complementary(items))) ||
          (!claimsPart && (/分别(为|是)/.test(text.slice(ss, end)) || (/^包括/.test(op.text) && /(?:[、，,]|^)[^；;。]{1,30}?(和|及|以及)[^、，,；;。]{1,30}$/.test(listText.replace(/[。；;，,\s]+$/, '')))));
        this.out.push({ kind: 'components', index, paragraph: p, text: text.slice(ss, se), total, items, opener: { text: op.text, start: op.start, end: op.end }, continued, complete, coded: coded && !claimsPart, closing });
      });
    });
  }

  /** Coded figures that go on a coded list: the first figure of each sentence, while it has a code. */
  private codedItems(per: { amounts: NarrativeAmount[]; tokens: Token[] }[], index: number, from: number, system: string | undefined, total: NarrativeAmount): NarrativeAmount[] {
    const out: NarrativeAmount[] = [];
    for (let i = index; i < per.length && i <= index + 20; i++) {
      const text = this.paragraphs[i].text;
      if (i > index && HEADING.test(text) && !/^\s*[（(]\d+[）)]/.test(text)) break;
      const seen = new Set<number>();
      for (const a of per[i].amounts) {
        if (i === index && a.number.start < from) continue;
        // (the 年初预算 beside each 决算 of a coded list is not one of its items)
        if (!sameUnitClass(a.number, total.number) || a.aside || !roleFits(a, total)) continue;
        const [ss] = sentenceBounds(text, a.number.start);
        if (seen.has(ss)) continue;
        seen.add(ss);
        if (!a.quantity.codeFromText || a.quantity.codes[0]?.[0] !== system) return out;
        out.push(a);
      }
      if (i > index && /其中/.test(text)) break;
    }
    return out;
  }

  /** The expenditure a “按…分类，包括…” paragraph breaks down: the first figure of the paragraph before it that is not one too. */
  private breakdownTotal(per: { amounts: NarrativeAmount[]; tokens: Token[] }[], index: number): NarrativeAmount | null {
    for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
      const text = this.paragraphs[i].text;
      if (BREAKDOWN_LEAD.test(text.slice(0, 24).split(/[，,：:]/)[0].replace(/\s/g, ''))) continue;
      const first = per[i].amounts[0];
      if (!first) continue;
      return (first.quantity.key === 'expenditure-total' || first.quantity.key === 'expenditure') && first.quantity.role !== 'last-year' ? first : null;
    }
    return null;
  }

  /**
   * The paragraphs after a list's opener that each begin “按…：” (按支出功能分类科目：A a，B b，C c。): one
   * list of items a paragraph — its figures before any list of their own (基本支出X，包括：…) — or none.
   */
  private breakdowns(per: { amounts: NarrativeAmount[]; tokens: Token[] }[], index: number, from: number, total: NarrativeAmount): NarrativeAmount[][] {
    const out: NarrativeAmount[][] = [];
    // (the first may follow the opener in its own paragraph: 其中:按支出项目类别:…)
    const here = this.paragraphs[index].text.slice(from).trim() !== '';
    for (let i = here ? index : index + 1; i < per.length; i++) {
      const start = i === index ? from : 0;
      const text = this.paragraphs[i].text;
      // each “按…分类：” starts a breakdown, also one run on after the last figure of another (…13.21万元按经济分类科目,…)
      const markers = [...text.slice(start).matchAll(BREAKDOWN_MARK)].map((m) => ({ at: start + m.index!, end: start + m.index! + m[0].length }));
      if (!markers.length || text.slice(start, markers[0].at).trim() !== '') break;
      for (const [k, by] of markers.entries()) {
        const stop = markers[k + 1]?.at ?? text.length;
        // (an item's own list — 基本支出173.89万元，包括：人员经费…；2、项目支出… — up to its ；)
        const nested = [...text.slice(by.end, stop).matchAll(OPENER)].map((m) => [by.end + m.index!, nextBreak(text, by.end + m.index! + m[0].length, /[；;。]/)]);
        const items = per[i].amounts.filter((a) => a.number.start > by.end && a.number.start < stop && !nested.some(([f, t]) => a.number.start > f && a.number.start < t) && sameUnitClass(a.number, total.number) && roleFits(a, total) && !a.aside);
        // (主要…, …等: a part on purpose, not a breakdown)
        if (items.length === 0 || /主要|等\s*[。；;]?\s*$/.test(text.slice(by.at, stop))) return [];
        out.push(items);
      }
    }
    return out;
  }

  private continuedItems(per: { amounts: NarrativeAmount[]; tokens: Token[] }[], index: number, total: NarrativeAmount): NarrativeAmount[] {
    const items: NarrativeAmount[] = [];
    let empty = 0;
    // the items' numbering ((1) (2) …): a paragraph numbered otherwise (3．, 二、) starts a new subject
    let style: string | null | undefined;
    for (let i = index + 1; i < per.length && i <= index + 40; i++) {
      const text = this.paragraphs[i].text.trim();
      if (text.replace(/[\s。，,；;.]/g, '') === '') continue;
      if (HEADING.test(text)) break;
      const own = numberingStyle(text);
      if (style === undefined) style = own;
      else if (own !== null && own !== style) break;
      if (/其中[：:]?\s*$|其中[：:]/.test(text) && items.length > 0) break;
      const following = this.paragraphs.slice(i + 1).find((q) => q.text.replace(/[\s。，,；;.]/g, '') !== '');
      if (following && /^\s*其中/.test(following.text) && items.length > 0) break;
      // one item per sentence: the first figure of the total's kind and role
      const fits: NarrativeAmount[] = [];
      const seen = new Set<number>();
      for (const a of per[i].amounts) {
        if (!sameUnitClass(a.number, total.number) || !roleFits(a, total) || a.aside) continue;
        // a numbered item paragraph is one item (its later figures are its own parts)
        const [ss] = own !== null ? [0] : sentenceBounds(a.paragraph.text, a.number.start);
        if (seen.has(ss)) continue;
        seen.add(ss);
        fits.push(a);
      }
      if (fits.length === 0) {
        if (++empty > 2 || /(情况|说明)\s*$/.test(text)) break;
        continue;
      }
      empty = 0;
      items.push(...fits);
    }
    return items;
  }

  private resolveDeferred() {
    for (const f of this.deferred) {
      try {
        f();
      } catch {
        /* skip */
      }
    }
    // shares: the whole is the list total when the part is one of its items
    const lists = this.out.filter((s): s is NarrativeComponents => s.kind === 'components');
    for (const s of this.out) {
      if (s.kind !== 'share') continue;
      if (s.wholeLabel) {
        const q = this.quantity(s.wholeLabel);
        if (q.key !== 'unknown') {
          // (never a sibling: the part of another share told with this one)
          const siblings = new Set(this.out.filter((o): o is NarrativeShare => o.kind === 'share' && o.group === s.group).map((o) => o.part));
          // (a whole of one fund — 占一般公共预算财政拨款总支出的 — is that fund's figure, not the document's 总支出)
          const cands = this.amounts.filter((a) => a.quantity.key === q.key && (q.scope === 'all' || a.quantity.scope === q.scope) && a.index <= s.index && a.index >= s.index - 8 && !siblings.has(a) && (a.index < s.index || a.number.start < s.part.number.start));
          // the amount named the same way (…总额 / 合计 / 本年支出合计), else a list's total; never a guess among items
          const core = labelCore(s.wholeLabel);
          const named = cands.filter((a) => {
            const c = labelCore(a.quantity.label);
            return c.length >= 2 && (c === core || c.endsWith(core) || core.endsWith(c));
          });
          const totals = cands.filter((a) => lists.some((l) => l.total === a));
          // (a figure of the paragraph named exactly so, whatever its key: 预备费…占省本级支出的1.6% — the 省本级支出 told before, not the list's 总支出)
          const exact = core.length >= 2 ? this.amounts.filter((a) => a.paragraph === s.paragraph && a.number.end <= s.part.number.start && a !== s.part && labelCore(a.quantity.label).replace(/^其中[，,：:]?/, '') === core) : [];
          const pick = exact.length ? exact : named.length ? named : totals.length ? totals : cands.length === 1 ? cands : [];
          s.whole = pick[pick.length - 1] ?? null;
        }
        continue;
      }
      // “政府采购预算中预留给中小企业A，占x%”: the share is of the whole its label names (X中…)
      const of = /^(.*?(?:支出|预算|经费|资金|收入|总额|合计))中(?!央|小|心|医|期|长)/.exec(s.part.quantity.label.replace(/\s+/g, ''));
      if (of) {
        const q = this.quantity(of[1]);
        const whole = q.key === 'unknown' ? undefined : [...this.amounts].reverse().find((a) => a.index <= s.index && a.index >= s.index - 2 && a !== s.part && (a.index < s.index || a.number.start < s.part.number.start) && subjectKey(a.quantity) === subjectKey(q));
        if (whole) {
          s.whole = whole;
          continue;
        }
      }
      const list = lists.find((l) => l.items.includes(s.part));
      if (list) {
        s.whole = list.total;
        continue;
      }
      // “支出合计1833.4万元，基本支出1817.57万元，占99.14%”: the sentence's first amount, when it is
      // not itself a share's part
      const [fs] = fullSentence(s.paragraph.text, s.part.number.start);
      const first = this.amounts.find((a) => a.paragraph === s.paragraph && a.number.start >= fs && a.number.start < s.part.number.start && sameUnitClass(a.number, s.part.number));
      if (first && !this.out.some((o) => o.kind === 'share' && o.part === first) && first.number.wan!.gte(s.part.number.wan!)) s.whole = first;
    }
  }
}

/** The kind of numbering a paragraph starts with: (1) / 1． / 一、 / （一） / ①, or null. */
function numberingStyle(text: string): string | null {
  const t = text.trimStart();
  if (/^[（(]\s*\d{1,2}\s*[）)]/.test(t)) return 'paren-digit';
  if (/^[（(]\s*[一二三四五六七八九十]+\s*[）)]/.test(t)) return 'paren-cn';
  if (/^\d{1,2}\s*[、．.](?!\d)/.test(t)) return 'digit';
  if (/^[一二三四五六七八九十]+\s*[、．.]/.test(t)) return 'cn';
  if (/^[①-⑳]/.test(t)) return 'circled';
  return null;
}

/** A figure in brackets (（含…X万元）) whose bracket closed before this place in its paragraph. */
function asideClosedBefore(a: NarrativeAmount, pos: number): boolean {
  return a.aside === true && /[）)]/.test(a.paragraph.text.slice(a.number.unitEnd, pos));
}

/** A sentence up to 。 (； does not end it). */
function fullSentence(text: string, pos: number): [number, number] {
  let s = pos;
  while (s > 0 && !/[。\n]/.test(text[s - 1])) s--;
  let e = pos;
  while (e < text.length && !/[。\n]/.test(text[e])) e++;
  return [s, Math.min(text.length, e + 1)];
}

function nextBreak(text: string, from: number, re: RegExp): number {
  // (a break inside brackets — （购置费100.00万元；运行费400.00万元。） — ends nothing outside them)
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && re.test(ch)) return i + 1;
  }
  return text.length;
}

function roleFits(a: NarrativeAmount, total: NarrativeAmount): boolean {
  const r = total.quantity.role;
  if (a.quantity.role === 'last-year') return false;
  if (r === 'actual') return a.quantity.role === 'actual' || a.quantity.role === 'plain';
  if (r === 'budget') return a.quantity.role !== 'actual';
  return a.quantity.role !== 'budget' || r === 'plain';
}
