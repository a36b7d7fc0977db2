/**
 * Subject codes of the 政府收支分类科目 as they appear in table rows, and the numbered labels
 * (一、 （一） 1、 （1）) that structure tables without codes.
 *
 * - Function codes (支出功能分类): 类 3 digits (201–234), 款 5 digits, 项 7 digits.
 * - Economic codes (支出经济分类): 类 3 digits (301–399 部门 / 501–599 政府), 款 5 digits.
 */

export type CodeKind = 'function' | 'economic';

/** A subject code: `level` 1 = 类, 2 = 款, 3 = 项 (function codes only). */
export interface SubjectCode {
  kind: CodeKind;
  code: string;
  level: 1 | 2 | 3;
}

const DIGITS = /^\d+$/;

/** Reads a code printed in a cell (full-width digits folded); null when it is not one. */
export function parseSubjectCode(text: string, hint?: CodeKind): SubjectCode | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!DIGITS.test(t)) return null;
  const n = t.length;
  if (n !== 3 && n !== 5 && n !== 7) return null;
  const cls = Number(t.slice(0, 3));
  const isFunction = cls >= 201 && cls <= 234;
  const isEconomic = (cls >= 301 && cls <= 399) || (cls >= 501 && cls <= 599);
  if (n === 7) return isFunction && hint !== 'economic' ? { kind: 'function', code: t, level: 3 } : null;
  if (hint === 'function' && !isFunction) return null;
  if (hint === 'economic' && !isEconomic) return null;
  const kind: CodeKind | null = hint ?? (isFunction ? 'function' : isEconomic ? 'economic' : null);
  if (!kind) return null;
  return { kind, code: t, level: n === 3 ? 1 : 2 };
}

/**
 * Joins 类/款/项 (function) or 类/款 (economic) parts printed in separate columns:
 * `208`, `05`, `05` → 2080505; `301`, `01` → 30101 (`301`, `2` → 30102). The kind follows the class code unless `hint` says.
 */
export function joinCodeParts(cls: string, section: string, item: string, hint?: CodeKind): SubjectCode | null {
  const c = cls.normalize('NFKC').replace(/\s+/g, '');
  // A spreadsheet that stores 款/项 as numbers prints `2` for `02`: pad one digit back to two.
  const pad = (t: string) => (/^\d$/.test(t) ? '0' + t : t);
  const s = pad(section.normalize('NFKC').replace(/\s+/g, ''));
  const i = pad(item.normalize('NFKC').replace(/\s+/g, ''));
  if (!/^\d{3}$/.test(c)) return null;
  if (s && !/^\d{2}$/.test(s)) return null;
  if (i && !/^\d{2}$/.test(i)) return null;
  if (i && !s) return null;
  return parseSubjectCode(c + s + i, hint);
}

/** A code at the start of a label: `2080505 机关事业单位…` or `30101 基本工资`. */
export function leadingCode(label: string): { code: SubjectCode; rest: string } | null {
  // Also `[212]城乡社区支出` / `【21201】…`: the code in square brackets before the name.
  const m = /^\s*(?:\[(\d{3}|\d{5}|\d{7})\]|【(\d{3}|\d{5}|\d{7})】|(\d{3}|\d{5}|\d{7})(?![\d.,]))\s*(.*)$/.exec(label.normalize('NFKC'));
  if (!m) return null;
  const code = parseSubjectCode(m[1] ?? m[2] ?? m[3]);
  return code ? { code, rest: m[4] } : null;
}

export function isAncestor(parent: string, child: string): boolean {
  return child.length > parent.length && child.startsWith(parent);
}

/** 类 names of the function classification (2020s editions), with the older names still printed. */
export const FUNCTION_CLASSES: [code: string, names: string[]][] = [
  ['201', ['一般公共服务']],
  ['202', ['外交']],
  ['203', ['国防']],
  ['204', ['公共安全']],
  ['205', ['教育']],
  ['206', ['科学技术']],
  ['207', ['文化旅游体育与传媒', '文化体育与传媒']],
  ['208', ['社会保障和就业']],
  ['209', ['社会保险基金']],
  ['210', ['卫生健康', '医疗卫生与计划生育']],
  ['211', ['节能环保']],
  ['212', ['城乡社区', '城乡社区事务']],
  ['213', ['农林水', '农林水事务']],
  ['214', ['交通运输']],
  ['215', ['资源勘探工业信息等', '资源勘探信息等', '资源勘探电力信息等']],
  ['216', ['商业服务业等']],
  ['217', ['金融']],
  ['219', ['援助其他地区']],
  ['220', ['自然资源海洋气象等', '国土海洋气象等']],
  ['221', ['住房保障']],
  ['222', ['粮油物资储备']],
  ['223', ['国有资本经营预算']],
  ['224', ['灾害防治及应急管理']],
  ['227', ['预备费']],
  ['229', ['其他']],
  ['230', ['转移性']],
  ['231', ['债务还本']],
  ['232', ['债务付息']],
  ['233', ['债务发行费用']],
  ['234', ['抗疫特别国债安排的']],
];

const CLASS_BY_NAME = new Map<string, string>();
for (const [code, names] of FUNCTION_CLASSES) for (const n of names) CLASS_BY_NAME.set(n, code);

/** Strips numbering (一、 1、 (1) …), 其中, spaces and a trailing 支出 / （类）. */
export function normalizeLabel(label: string): string {
  let t = label.normalize('NFKC').replace(/\s+/g, '');
  t = t.replace(/^<b>|<\/b>$/g, '');
  const n = parseNumbering(t);
  if (n) t = t.slice(n.length);
  return t.replace(/^其中[:：]?/, '').replace(/[（(]类[)）]$/, '');
}

/** The 类 code named by a summary-table row such as `十、卫生健康支出`; null when not a class name. */
export function functionClassByName(label: string): string | null {
  const t = normalizeLabel(label).replace(/支出$/, '');
  return CLASS_BY_NAME.get(t) ?? null;
}

export interface Numbering {
  /** 1 = 一、 2 = （一） 3 = 1、 4 = （1） */
  level: 1 | 2 | 3 | 4;
  /** Characters the numbering occupies at the start of the label. */
  length: number;
}

const CN = '一二三四五六七八九十百零〇';

const CN_NUMBERING = new RegExp(`^[${CN}]+[、.．]`);
const CN_NUMBERING_BRACKETED = new RegExp(`^\\([${CN}]+\\)[、.．]?`);

/** Reads the numbering at the start of a label (NFKC-folded text). */
export function parseNumbering(label: string): Numbering | null {
  const t = label.normalize('NFKC');
  let m = CN_NUMBERING.exec(t);
  if (m) return { level: 1, length: m[0].length };
  m = CN_NUMBERING_BRACKETED.exec(t);
  if (m) return { level: 2, length: m[0].length };
  m = /^\d{1,2}(?:[、．]|\.(?!\d))/.exec(t);
  if (m) return { level: 3, length: m[0].length };
  m = /^\(\d{1,2}\)[、.．]?/.exec(t);
  if (m) return { level: 4, length: m[0].length };
  return null;
}

/** 类 names of the 部门预算支出经济分类 (3xx). */
export const ECONOMIC_CLASSES: [code: string, names: string[]][] = [
  ['301', ['工资福利支出']],
  ['302', ['商品和服务支出']],
  ['303', ['对个人和家庭的补助', '对个人和家庭补助']],
  ['307', ['债务利息及费用支出', '债务付息及费用支出']],
  ['309', ['资本性支出(基本建设)']],
  ['310', ['资本性支出', '其他资本性支出']],
  ['311', ['对企业补助(基本建设)']],
  ['312', ['对企业补助']],
  ['313', ['对社会保障基金补助']],
  ['399', ['其他支出']],
];

const ECONOMIC_BY_NAME = new Map<string, string>();
for (const [code, names] of ECONOMIC_CLASSES) for (const n of names) ECONOMIC_BY_NAME.set(n, code);

/** The economic 类 code named by a summary-table row such as `(2)商品和服务支出`; null otherwise. */
export function economicClassByName(label: string): string | null {
  return ECONOMIC_BY_NAME.get(normalizeLabel(label).replace(/（/g, '(').replace(/）/g, ')')) ?? null;
}
