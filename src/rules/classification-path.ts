/**
 * 类款项路径：说明中“X（类）Y（款）Z（项）”的款属于该类、项属于该款（依《政府收支分类科目》）。
 * Class path: in a narrative “X（类）Y（款）Z（项）” the 款 belongs to the 类 and the 项 to the 款,
 * as in the official 政府收支分类科目.
 */
import { allEntries, CLASSIFICATION_SOURCE, compareNames, findByName, functionClassByName, lookupCode, type ClassificationEntry } from '../classification';
import type { NarrativeClassPath } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { textRef } from './narrative-support';

const RULE = 'classification.path';

function children(parent: string, level: 'section' | 'item'): ClassificationEntry[] {
  return allEntries().filter((e) => e.system === 'function' && e.level === level && e.parent === parent);
}

function bestChild(parent: string, level: 'section' | 'item', name: string): { entry: ClassificationEntry; match: 'same' | 'near' } | null {
  let near: ClassificationEntry | null = null;
  for (const e of children(parent, level)) {
    const v = compareNames(e.name, name, e.code);
    if (v === 'same') return { entry: e, match: 'same' };
    if (v === 'near' && !near) near = e;
  }
  return near ? { entry: near, match: 'near' } : null;
}

function check(s: NarrativeClassPath): DraftFinding[] {
  const { path } = s;
  const cls = functionClassByName(path.classText);
  if (!cls || !path.sectionText) return [];
  const at = (start: number | null, text: string | null) => textRef(s.paragraph, start ?? 0, (start ?? 0) + (text?.length ?? 0));
  const quoted = `${path.classText}（类）${path.sectionText}（款）${path.itemText ? path.itemText + '（项）' : ''}`;
  const section = bestChild(cls.code, 'section', path.sectionText);
  if (!section) {
    const elsewhere = findByName(path.sectionText, 'function', 'section').filter((e) => !e.code.startsWith(cls.code));
    if (elsewhere.length > 0) {
      const owner = lookupCode(elsewhere[0].code.slice(0, 3));
      return [
        {
          rule: RULE,
          severity: 'error',
          message: `说明中“${quoted}”：款“${path.sectionText}”（${elsewhere[0].code}）属于“${owner?.name ?? elsewhere[0].code.slice(0, 3)}”类（${elsewhere[0].code.slice(0, 3)}），不属于“${cls.name}”类（${cls.code}）（${CLASSIFICATION_SOURCE}）。`,
          messageEn: `Narrative path “${quoted}”: the 款 ${path.sectionText} (${elsewhere[0].code}) belongs to class ${elsewhere[0].code.slice(0, 3)} ${owner?.name ?? ''}, not to ${cls.code} ${cls.name}.`,
          expected: `${owner?.name ?? ''}（类）`,
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
          {
            rule: RULE,
            severity: 'warning',
            message: `说明中“${quoted}”：“${cls.name}”类下没有名为“${path.sectionText}”的款；项“${path.itemText}”（${items[0].code}）所属的款是“${real.name}”（${real.code}）（${CLASSIFICATION_SOURCE}）。`,
            messageEn: `Narrative path “${quoted}”: class ${cls.code} has no 款 named ${path.sectionText}; the 项 ${path.itemText} (${items[0].code}) sits under ${real.code} ${real.name}.`,
            expected: `${real.name}（款）`,
            actual: `${path.sectionText}（款）`,
            refs: [at(path.sectionStart, path.sectionText), at(path.itemStart, path.itemText)],
          },
        ];
      }
    }
    return [];
  }
  if (!path.itemText) return [];
  const item = bestChild(section.entry.code, 'item', path.itemText);
  if (item && item.match === 'same') return [];
  if (item) {
    return [
      {
        rule: RULE,
        severity: 'warning',
        message: `说明中“${quoted}”：项名称在${CLASSIFICATION_SOURCE}中为“${item.entry.name}”（${item.entry.code}），这里写作“${path.itemText}”（旧称或措辞不一致）。`,
        messageEn: `Narrative path “${quoted}”: the 项 is officially “${item.entry.name}” (${item.entry.code}); the text writes “${path.itemText}” (a former name or different wording).`,
        expected: item.entry.name,
        actual: path.itemText,
        refs: [at(path.itemStart, path.itemText)],
      },
    ];
  }
  const elsewhere = findByName(path.itemText, 'function', 'item').filter((e) => !e.code.startsWith(section.entry.code));
  const unique = elsewhere.filter((e) => !/^(行政运行|一般行政管理事务|机关服务|事业运行)$/.test(e.name));
  if (unique.length === 1) {
    const real = lookupCode(unique[0].parent!)!;
    const realClass = lookupCode(unique[0].code.slice(0, 3))!;
    return [
      {
        rule: RULE,
        severity: unique[0].code.startsWith(cls.code) ? 'warning' : 'error',
        message: `说明中“${quoted}”：项“${path.itemText}”（${unique[0].code}）属于“${realClass.name}”类“${real.name}”款，不在“${section.entry.name}”款（${section.entry.code}）下（${CLASSIFICATION_SOURCE}）。`,
        messageEn: `Narrative path “${quoted}”: the 项 ${path.itemText} (${unique[0].code}) belongs to ${real.code} ${real.name}, not to ${section.entry.code} ${section.entry.name}.`,
        expected: `${real.name}（款）`,
        actual: `${path.sectionText}（款）`,
        refs: [at(path.sectionStart, path.sectionText), at(path.itemStart, path.itemText)],
      },
    ];
  }
  return [];
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
        out.push(...check(s));
      } catch {
        /* skip */
      }
    }
    return out;
  },
};
