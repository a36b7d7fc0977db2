/**
 * 类款项路径：说明中“X（类）Y（款）Z（项）”的款属于该类、项属于该款（依《政府收支分类科目》）。
 * Class path: in a narrative “X（类）Y（款）Z（项）” the 款 belongs to the 类 and the 项 to the 款,
 * as in the official 政府收支分类科目.
 */
import { childrenOf, editionIn, normalizeName, findByName, functionClassByName, judgeName, lookupCode, yearsText, type ClassificationEntry, type NameJudgement } from '../classification';
import type { NarrativeClassPath } from '../recognize/narrative';
import type { DraftFinding, Rule, Severity } from './types';
import { textRef } from './narrative-support';

const RULE = 'classification.path';

/** 项 names the classification repeats under many 款: they place an item under no 款 in particular. */
const GENERIC_ITEM_NAMES = /^(行政运行|一般行政管理事务|机关服务|事业运行|信息化建设|专项业务|专项服务|执法办案)$/;

/** The code's name in the document's year (its latest name when it did not exist then or the year is unknown). */
function nameIn(e: ClassificationEntry, year: number | null): string {
  return editionIn(e, year)?.name ?? e.name;
}

type Match = 'same' | 'other-year' | 'near';

function bestChild(parent: string, level: 'section' | 'item', name: string, year: number | null): { entry: ClassificationEntry; match: Match; judgement: NameJudgement } | null {
  let best: { entry: ClassificationEntry; match: Match; judgement: NameJudgement } | null = null;
  const rank = { same: 0, 'other-year': 1, near: 2 } as const;
  for (const e of childrenOf(parent, level)) {
    const j = judgeName(e.code, name, year);
    if (!j || j.kind === 'different') continue;
    if (j.kind === 'same') return { entry: e, match: 'same', judgement: j };
    if (!best || rank[j.kind] < rank[best.match]) best = { entry: e, match: j.kind, judgement: j };
  }
  return best;
}

/** 财政部《2019年政府收支分类科目》, or 各年度 when the document's year is unknown. */
function source(year: number | null): string {
  return year === null ? '财政部各年度《政府收支分类科目》' : `财政部《${year}年政府收支分类科目》`;
}

/**
 * A 类/款/项 printed under the name of another year's edition: a note when one year off, a warning
 * when clearly of another era (the policy of ERA_TOLERANCE_YEARS in src/classification).
 */
function otherYear(s: NarrativeClassPath, quoted: string, level: '类' | '款' | '项', code: string, shown: string, start: number | null, j: Extract<NameJudgement, { kind: 'other-year' }>, year: number | null): DraftFinding {
  const severity: Severity = j.gap <= 1 ? 'info' : 'warning';
  const now = j.official ? `，${year}年的名称是“${j.official.name}”` : `，该编码在${year}年的科目中没有设立`;
  return {
    rule: RULE,
    severity,
    message: `说明中“${quoted}”：${level}“${shown}”（${code}）是${j.later ? '以后年度' : '以前年度'}的名称（${yearsText(j.edition)}）${now}（${source(year)}）。`,
    messageEn: `Narrative path “${quoted}”: the ${level} “${shown}” (${code}) is ${j.later ? 'a name of a later edition' : 'a former name'} (${yearsText(j.edition)})${j.official ? `; in ${year} it is “${j.official.name}”` : ''}.`,
    expected: j.official?.name ?? j.edition.name,
    actual: shown,
    refs: [textRef(s.paragraph, start ?? 0, (start ?? 0) + shown.length)],
  };
}

function check(s: NarrativeClassPath, year: number | null): DraftFinding[] {
  const { path } = s;
  const cls = functionClassByName(path.classText);
  if (!cls || !path.sectionText) return [];
  const at = (start: number | null, text: string | null) => textRef(s.paragraph, start ?? 0, (start ?? 0) + (text?.length ?? 0));
  const quoted = `${path.classText}（类）${path.sectionText}（款）${path.itemText ? path.itemText + '（项）' : ''}`;
  const out: DraftFinding[] = [];
  const clsJ = judgeName(cls.code, path.classText.replace(/类$/, ''), year);
  if (clsJ?.kind === 'other-year') out.push(otherYear(s, quoted, '类', cls.code, path.classText, path.classStart, clsJ, year));
  const section = bestChild(cls.code, 'section', path.sectionText, year);
  if (section?.judgement.kind === 'other-year') out.push(otherYear(s, quoted, '款', section.entry.code, path.sectionText, path.sectionStart, section.judgement, year));
  if (!section) {
    const elsewhere = findByName(path.sectionText, 'function', 'section').filter((e) => !e.code.startsWith(cls.code));
    if (elsewhere.length > 0) {
      const owner = lookupCode(elsewhere[0].code.slice(0, 3));
      return [
        ...out,
        {
          rule: RULE,
          severity: 'error',
          message: `说明中“${quoted}”：款“${path.sectionText}”（${elsewhere[0].code}）属于“${owner ? nameIn(owner, year) : elsewhere[0].code.slice(0, 3)}”类（${elsewhere[0].code.slice(0, 3)}），不属于“${nameIn(cls, year)}”类（${cls.code}）（${source(year)}）。`,
          messageEn: `Narrative path “${quoted}”: the section (款) ${path.sectionText} (${elsewhere[0].code}) belongs to class ${elsewhere[0].code.slice(0, 3)} ${owner ? nameIn(owner, year) : ''}, not to ${cls.code} ${nameIn(cls, year)}.`,
          expected: `${owner ? nameIn(owner, year) : ''}（类）`,
          actual: `${path.classText}（类）`,
          refs: [at(path.classStart, path.classText), at(path.sectionStart, path.sectionText)],
        },
      ];
    }
    // not a 款 of this class: when the 项 identifies the 款, say which one it is
    if (path.itemText) {
      const items = findByName(path.itemText, 'function', 'item').filter((e) => e.code.startsWith(cls.code));
      if (items.length === 1) {
        const real = lookupCode(items[0].parent!)!;
        return [
        ...out,
          {
            rule: RULE,
            severity: 'warning',
            message: `说明中“${quoted}”：“${nameIn(cls, year)}”类下没有名为“${path.sectionText}”的款；项“${path.itemText}”（${items[0].code}）所属的款是“${nameIn(real, year)}”（${real.code}）（${source(year)}）。`,
            messageEn: `Narrative path “${quoted}”: class ${cls.code} has no section (款) named ${path.sectionText}; the item (项) ${path.itemText} (${items[0].code}) sits under ${real.code} ${nameIn(real, year)}.`,
            expected: `${nameIn(real, year)}（款）`,
            actual: `${path.sectionText}（款）`,
            refs: [at(path.sectionStart, path.sectionText), at(path.itemStart, path.itemText)],
          },
        ];
      }
    }
    return out;
  }
  if (!path.itemText) return out;
  const item = bestChild(section.entry.code, 'item', path.itemText, year);
  if (item?.judgement.kind === 'same') return out;
  if (item?.judgement.kind === 'other-year') return [...out, otherYear(s, quoted, '项', item.entry.code, path.itemText, path.itemStart, item.judgement, year)];
  if (item) {
    const official = nameIn(item.entry, year);
    return [
        ...out,
      {
        rule: RULE,
        severity: 'warning',
        message: `说明中“${quoted}”：项名称在${source(year)}中为“${official}”（${item.entry.code}），这里写作“${path.itemText}”（措辞不一致）。`,
        messageEn: `Narrative path “${quoted}”: the item (项) is officially “${official}” (${item.entry.code}); the text writes “${path.itemText}” (different wording).`,
        expected: official,
        actual: path.itemText,
        refs: [at(path.itemStart, path.itemText)],
      },
    ];
  }
  const elsewhere = findByName(path.itemText, 'function', 'item').filter((e) => !e.code.startsWith(section.entry.code));
  // An item sits elsewhere only when this 款's items are in the data (otherwise it may simply be
  // one of them: 财政事务（款）信息化建设（项） is 2010607, not the one 信息化建设 listed, 2101504)
  // and its name is one item's own, not a name the classification repeats under many 款.
  const known = childrenOf(section.entry.code, 'item').length > 0;
  const unique = known ? elsewhere.filter((e) => !GENERIC_ITEM_NAMES.test(normalizeName(path.itemText!))) : [];
  if (unique.length === 1) {
    const real = lookupCode(unique[0].parent!)!;
    const realClass = lookupCode(unique[0].code.slice(0, 3))!;
    return [
        ...out,
      {
        rule: RULE,
        severity: unique[0].code.startsWith(cls.code) ? 'warning' : 'error',
        message: `说明中“${quoted}”：项“${path.itemText}”（${unique[0].code}）属于“${nameIn(realClass, year)}”类“${nameIn(real, year)}”款，不在“${nameIn(section.entry, year)}”款（${section.entry.code}）下（${source(year)}）。`,
        messageEn: `Narrative path “${quoted}”: the item (项) ${path.itemText} (${unique[0].code}) belongs to ${real.code} ${nameIn(real, year)}, not to ${section.entry.code} ${nameIn(section.entry, year)}.`,
        expected: `${nameIn(real, year)}（款）`,
        actual: `${path.sectionText}（款）`,
        refs: [at(path.sectionStart, path.sectionText), at(path.itemStart, path.itemText)],
      },
    ];
  }
  return out;
}

export const classificationPath: Rule = {
  id: RULE,
  family: 'classification',
  title: '说明中“类/款/项”路径符合《政府收支分类科目》的隶属关系',
  titleEn: 'A narrative 类/款/项 path follows the official classification',
  check(ctx) {
    const out: DraftFinding[] = [];
    for (const s of ctx.narrative) {
      if (s.kind !== 'class-path') continue;
      try {
        out.push(...check(s, ctx.document.year));
      } catch {
        /* skip */
      }
    }
    return out;
  },
};
