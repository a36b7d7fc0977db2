/**
 * What a narrative amount is about: the words before the number (its label) → a `Quantity`
 * (收支总计, 基本支出, 人员经费, “三公” items, a 类/款/项 by code or name …), with the fund scope
 * (一般公共预算, 财政拨款 …) and the role (预算数, 决算数, 上年数).
 */
import { functionClassByName, findByName, lookupCode, normalizeName } from '../classification';

export type QuantityKey =
  | 'total'
  | 'income-total'
  | 'expenditure-total'
  | 'income'
  | 'expenditure'
  | 'basic'
  | 'project'
  | 'personnel'
  | 'public'
  | 'three-public'
  | 'abroad'
  | 'vehicle'
  | 'vehicle-purchase'
  | 'vehicle-operation'
  | 'reception'
  | 'operation-cost'
  | 'procurement'
  | 'carry-over'
  | 'function'
  | 'economic'
  | 'unknown';

/** Which money the amount counts: all funds, 财政拨款, 一般公共预算, 政府性基金, 国有资本经营. */
export type FundScope = 'all' | 'fiscal' | 'general' | 'fund' | 'capital';
export type AmountRole = 'plain' | 'budget' | 'actual' | 'last-year';

export interface Quantity {
  key: QuantityKey;
  /** The label as printed (trimmed). */
  label: string;
  /** Classification codes the label names (by code in brackets, by 类/款/项 path or by class name). */
  codes: string[];
  /** True when the codes came from a printed code (not from a name). */
  codeFromText: boolean;
  /** True when the code was found from a 款/项 name alone (a weaker link). */
  byName?: boolean;
  /** The table column the figure belongs to, when the text says (a 项目支出 list's items). */
  measure?: 'project' | 'basic';
  scope: FundScope;
  role: AmountRole;
  /**
   * The 类（）款（）项（） path the label names, when it names one: its subject is the most specific
   * level named, which the tables can resolve even when the 科目 list here does not hold it.
   */
  path?: { classText: string; sectionText: string | null; itemText: string | null };
}

/** The subject a quantity names, as one string (two quantities with one subject share it). */
export function subjectKey(q: Quantity): string {
  const path = q.path && q.codes.length === 0 ? `${q.path.classText}/${q.path.sectionText ?? ''}/${q.path.itemText ?? ''}` : '';
  return `${q.key}|${q.codes.join('+')}|${path}|${q.scope}`;
}

export const QUANTITY_NAMES: Record<QuantityKey, string> = {
  total: '收支总计',
  'income-total': '收入合计',
  'expenditure-total': '支出合计',
  income: '收入',
  expenditure: '支出',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  public: '公用经费',
  'three-public': '“三公”经费',
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行费',
  'vehicle-purchase': '公务用车购置费',
  'vehicle-operation': '公务用车运行维护费',
  reception: '公务接待费',
  'operation-cost': '机关运行经费',
  procurement: '政府采购',
  'carry-over': '上年结转',
  function: '功能分类科目',
  economic: '经济分类科目',
  unknown: '',
};

const KEYWORDS: [RegExp, QuantityKey][] = [
  [/三公/, 'three-public'],
  [/因公出国/, 'abroad'],
  [/公务用车购置及运行|公务用车购置和运行/, 'vehicle'],
  [/(公务用车|公务车辆)购置(费|支出)?/, 'vehicle-purchase'],
  [/公务用车运行/, 'vehicle-operation'],
  [/公务接待/, 'reception'],
  [/(机关|机构)运行(经)?费/, 'operation-cost'],
  [/政府采购/, 'procurement'],
  // (not the pay of one kind of staff: 临聘人员经费 is an item, not the 人员经费 of 基本支出)
  [/(?<!临聘|聘用|编外|外聘|临时|协管|辅助|劳务派遣|派遣|离退休|退休|离休|遗属)人员经费/, 'personnel'],
  [/公用经费/, 'public'],
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  // (“财政拨款收支预算X” / “收支预算均为X” / “收支预算总额X” name both sides' total, not the 支出 alone)
  [/(收入、?支出|收、?支)(预算|决算)?(总计|总额|总数)|(收入、?支出|收、?支)总(预算|决算)|(收入、?支出|收、?支)(预算|决算)(数)?(均|各|都)?(为|是)?$/, 'total'],
  [/收入(预算|决算)?总计|支出(预算|决算)?总计|^总计/, 'total'],
  [/收入(预算|决算)?合计/, 'income-total'],
  // 上年结转 as a source of the year's money (收入包括…上年结转X), not 上年结转结余 or a 科目
  [/(^|[、，,：:和及]|其中|包括)上年结转(资金|收入)?(预算)?(数|为|是)*$/, 'carry-over'],
  [/支出(预算|决算)?合计/, 'expenditure-total'],
];

export function scopeOf(label: string): FundScope {
  if (/一般公共预算/.test(label)) return 'general';
  if (/政府性基金|基金预算/.test(label)) return 'fund';
  if (/国有资本经营/.test(label)) return 'capital';
  if (/财政拨款/.test(label)) return 'fiscal';
  return 'all';
}

export function roleOf(label: string, reportYear: number | null): AmountRole {
  label = label.replace(/一般公共预算|政府性基金预算|国有资本经营预算|基金预算/g, '');
  const withoutCarry = label.replace(/(上年|上一年度?|以前年度)(结转|结余|结转结余|结转和结余)/g, '');
  // the year nearest the figure dates it (“2017年度…与2016年度相比（2016年度…为 8,648.07”), a 决算
  // too (2017年决算…较2016年决算227.42万元: last year's)
  const years = [...withoutCarry.matchAll(/(20\d{2})\s*年/g)];
  const y = years[years.length - 1];
  const earlierYear = !!(y && reportYear && Number(y[1]) < reportYear);
  // (…较上年决算数1166.81万元: last year's 决算)
  if (/(上年|上一年度?|去年)度?的?决算/.test(withoutCarry)) return 'last-year';
  if (/决算/.test(label) && !(earlierYear && /决算/.test(withoutCarry.slice(y!.index!)))) return 'actual';
  if (/上年|上一年|去年/.test(withoutCarry)) return 'last-year';
  if (earlierYear) return 'last-year';
  if (/预算/.test(label)) return 'budget';
  return 'plain';
}

const CODE_IN_LABEL = /[（(]\s*(\d{3}|\d{5}|\d{7})\s*[）)]/g;

/** A label without its year, subject and verbs: what two mentions of one quantity share. */
export function labelCore(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^.*?相比[，,]?/, '')
    .replace(/20\d{2}年度?/g, '')
    .replace(/(我单位|我部门|本部门|本单位|我局|本局|当年|本年度?|全年)/g, '')
    .replace(/(比|较|同比)(上年|上一年度?|去年)?(预算数|决算数)?/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/(各|共|合计|共计|为|是|安排|达到|了)/g, '')
    .replace(/(增加|减少|增长|下降|降低|上升|减|增|节约|压减|缩减)$/, '')
    .replace(/[，,、。：:；;“”]/g, '');
}

/** The label of an amount: the words before it back to the previous clause break or number. */
export function quantityOf(label: string, reportYear: number | null): Quantity {
  const clean = label.replace(/\s+/g, '');
  // “项目支出中用于重点工作的经费约X”: a part of a named whole (X中用于…), or a figure told roughly
  // (约X): its subject is not identified, so it is compared with nothing
  if (PART_OF.test(clean) || APPROXIMATE.test(clean)) return { key: 'unknown', label: label.trim(), codes: [], codeFromText: false, byName: false, scope: scopeOf(clean), role: roleOf(clean, reportYear) };
  const codes: string[] = [];
  for (const m of clean.matchAll(CODE_IN_LABEL)) codes.push(m[1]);
  let key: QuantityKey = 'unknown';
  for (const [re, k] of KEYWORDS) {
    if (re.test(clean)) {
      key = k;
      break;
    }
  }
  let codeFromText = codes.length > 0;
  let byName = false;
  if (codes.length > 0 && (key === 'unknown' || key === 'basic' || key === 'project')) key = codes[0][0] === '2' ? 'function' : 'economic';
  if (key === 'unknown') {
    const path = classPathIn(clean);
    // a 款 or 项 the path does not resolve: no code (never fall back to the class total)
    const unresolvedLevel = path && ((!path.sectionText && /[（(]\s*款\s*[）)]/.test(clean)) || (!path.itemText && /[（(]\s*项\s*[）)]/.test(clean)));
    const code = path && !unresolvedLevel ? resolveClassPath(path).code : null;
    if (path?.printedCode && !unresolvedLevel) {
      codes.push(path.printedCode);
      key = 'function';
      codeFromText = true;
    } else if (code) {
      codes.push(code);
      key = 'function';
      codeFromText = false;
    } else if (path && (path.sectionText || path.itemText || unresolvedLevel)) {
      // the path names a 款 or 项 the 科目 list here does not resolve: its subject is that level
      // (the tables may print it), never the 类
      if (!unresolvedLevel) key = 'function';
    } else {
      const name = clean
        .replace(/[（(]类[）)].*$/, '')
        .replace(/^.*?(?:方面|用于|其中|主要为)[：:]?/, '')
        .replace(/^(?:\d{4}年度?)?(?:我单位|我部门|本部门|本单位)?/, '')
        .replace(/(支出)?(预算|决算)?(数|为|是|安排|共计|合计)*$/, '');
      const cls = name.length >= 2 && name.length <= 14 ? functionClassByName(name) : undefined;
      if (cls) {
        codes.push(cls.code);
        key = 'function';
        codeFromText = false;
      } else if (!path && name.length >= 4 && name.length <= 24 && !GENERIC_NAME.test(name)) {
        // a 款 or 项 named on its own, when the name is one item's only (城乡医疗救助支出 → 2101301)
        const exact = [...findByName(name, 'function', 'section'), ...findByName(name, 'function', 'item')];
        const bare = exact.length ? exact : [...findByName(name.replace(/支出$/, ''), 'function', 'section'), ...findByName(name.replace(/支出$/, ''), 'function', 'item')];
        if (bare.length === 1) {
          codes.push(bare[0].code);
          key = 'function';
          codeFromText = false;
          byName = true;
        }
      }
    }
  }
  if (key === 'unknown') {
    if (/收入/.test(clean) && !/支出/.test(clean)) key = 'income';
    else if (/支出|拨款/.test(clean) && !/收入/.test(clean)) key = 'expenditure';
  }
  const q: Quantity = { key, label: label.trim(), codes, codeFromText, byName, scope: scopeOf(clean), role: roleOf(clean, reportYear) };
  if (key === 'function' && !codeFromText) {
    const path = classPathIn(clean);
    if (path) q.path = { classText: path.classText, sectionText: path.sectionText, itemText: path.itemText };
  }
  return q;
}

const PART_OF = /(?:支出|预算|经费|资金|收入|总额|合计)中(?!央|小|心|医|期|长|的)/;
const APPROXIMATE = /(?:约|大约|近|逾|超过|不到|不足)$/;

/** Names shared by many 款 (行政运行, 其他…支出): never a link on their own. */
const GENERIC_NAME = /^(行政运行|一般行政管理事务|机关服务|事业运行|其他.*|信息化建设|住房公积金|提租补贴|购房补贴)$/;

export interface ClassPath {
  classText: string;
  sectionText: string | null;
  itemText: string | null;
  /** Offsets (in the string searched) of each name. */
  classStart: number;
  sectionStart: number | null;
  itemStart: number | null;
  end: number;
  /** The code the path prints (204类 06款 01项 → 2040601), when it prints every level's digits. */
  printedCode?: string | null;
}

// quotes and book-title marks around a path (“X（类）Y（款）Z（项）”) are not part of its names
const NAME_CHAR = '(?:[^，。；;：:、\\d\\s（）()．.“”"‘’《》「」]|（室）|\\(室\\))';
const PATH = new RegExp(
  `(${NAME_CHAR}{2,30}?)\\s*[（(]\\s*(\\d{3})?\\s*类\\s*[）)](?:\\s*支出)?\\s*(?:(${NAME_CHAR}{2,30}?)\\s*[（(]\\s*(\\d{2})?\\s*款\\s*[）)]\\s*(?:(${NAME_CHAR}{2,40}?)\\s*[（(]\\s*(\\d{2})?\\s*项\\s*[）)])?)?`,
);

const CLASS_MARK = /类\s*[）)]/;

/** A “X（类）Y（款）Z（项）” path in text, if any (also “X（204类）Y（06款）Z（01项）”, its code printed). */
export function classPathIn(text: string): ClassPath | null {
  // PATH tries every start with its lazy names; a text without “类）” (most) cannot match.
  if (!CLASS_MARK.test(text)) return null;
  const m = PATH.exec(text);
  if (!m) return null;
  const classStart = m.index + m[0].indexOf(m[1]);
  const sectionStart = m[3] ? m.index + m[0].indexOf(m[3], m[1].length) : null;
  const itemStart = m[5] ? m.index + m[0].lastIndexOf(m[5]) : null;
  // the code when every level named prints its digits: 204 + 06 + 01 → 2040601
  const digits = [m[2], m[3] ? m[4] : '', m[5] ? m[6] : ''];
  const printedCode = m[2] && (!m[3] || m[4]) && (!m[5] || m[6]) ? digits.join('') : null;
  return { classText: m[1], sectionText: m[3] ?? null, itemText: m[5] ?? null, classStart, sectionStart, itemStart, end: m.index + m[0].length, printedCode };
}

export interface ResolvedPath {
  /** The most specific code the path names, when the names agree with the 科目. */
  code: string | null;
  classCode: string | null;
  sectionCodes: string[];
  itemCodes: string[];
}

/** Codes for the names in a path (each looked up on its own; the rule judges whether they fit). */
export function resolveClassPath(path: ClassPath): ResolvedPath {
  const cls = functionClassByName(path.classText);
  const sectionCodes = path.sectionText ? findByName(path.sectionText, 'function', 'section').map((e) => e.code) : [];
  const itemCodes = path.itemText ? findByName(path.itemText, 'function', 'item').map((e) => e.code) : [];
  let code: string | null = null;
  if (cls) {
    code = cls.code;
    const sec = sectionCodes.filter((c) => c.startsWith(cls.code));
    if (path.sectionText) code = sec.length === 1 ? sec[0] : null;
    if (code && path.itemText) {
      const items = itemCodes.filter((c) => c.startsWith(code!));
      code = items.length === 1 ? items[0] : null;
    }
  }
  return { code, classCode: cls?.code ?? null, sectionCodes, itemCodes };
}

/** Official name of a code, or null. */
export function officialName(code: string): string | null {
  return lookupCode(code)?.name ?? null;
}

export { normalizeName };
