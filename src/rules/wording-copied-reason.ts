/**
 * 用途或原因照抄了另一科目：第26项“城管执法（项）”写“主要用于城乡社区管理事务一般行政管理事务”——
 * 那是另一项（一般行政管理事务）的名称。A paragraph about one 类/款/项 whose purpose (主要用于X) or
 * reason (X经费增加) names, word for word, another subject the narrative describes at the same level
 * — and never its own — was copied from that paragraph. A purpose naming a level above or below its
 * own (主要用于 its 款, or one of its 项) is not judged, nor any clause that is not a bare name.
 */
import type { NarrativeClassPath, NarrativeReason } from '../recognize/narrative';
import type { DraftFinding, Rule } from './types';
import { textRef } from './narrative-support';
import { namesPath, ownName, pathKey, pathLevel, pathText } from './narrative-paths';

export const wordingCopiedReason: Rule = {
  id: 'wording.copied-reason',
  family: 'wording',
  title: '用途、原因写的是本科目，而非照抄其他科目',
  titleEn: 'A purpose or reason names its own item, not one copied from another item',
  check(ctx) {
    const paths = ctx.narrative.filter((s): s is NarrativeClassPath => s.kind === 'class-path');
    const byParagraph = new Map<number, NarrativeReason[]>();
    for (const s of ctx.narrative) {
      if (s.kind !== 'reason' || !s.path) continue;
      (byParagraph.get(s.index) ?? byParagraph.set(s.index, []).get(s.index)!).push(s);
    }
    const out: DraftFinding[] = [];
    for (const reasons of byParagraph.values()) {
      const own = reasons[0].path!;
      const mine = pathKey(own);
      const copied: { r: NarrativeReason; from: NarrativeClassPath }[] = [];
      for (const r of reasons) {
        if (namesPath(r.phrase, own) || r.phrase.includes(ownName(own))) continue;
        const from = paths.find((p) => pathKey(p.path) !== mine && pathLevel(p.path) === pathLevel(own) && ownName(p.path) !== ownName(own) && namesPath(r.phrase, p.path));
        if (from) copied.push({ r, from });
      }
      if (!copied.length) continue;
      const first = copied[0];
      const where = copied.map((c) => (c.r.role === 'purpose' ? '用途' : '原因')).join('和');
      const whereEn = copied.map((c) => c.r.role).join(' and ');
      out.push({
        rule: 'wording.copied-reason',
        severity: 'warning',
        message: `“${ownName(own)}”一段的${where}写的是“${first.r.phrase}”——这是另一科目（第 ${first.from.paragraph.page} 页“${pathText(first.from.path)}”）的名称，而非本项，疑为照抄。`,
        messageEn: `The ${whereEn} of the paragraph on “${ownName(own)}” names “${first.r.phrase}”, another item described on page ${first.from.paragraph.page}, not this one: probably copied from there.`,
        expected: ownName(own),
        actual: first.r.phrase,
        refs: [...copied.map((c) => textRef(c.r.paragraph, c.r.start, c.r.clauseEnd)), textRef(first.from.paragraph, first.from.path.classStart, first.from.path.end)],
        anchor: 0,
        suspects: copied.map((_, i) => i),
      });
    }
    return out;
  },
};
