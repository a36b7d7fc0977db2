/**
 * 重复字词与标点：正文中不应出现“增加增加”“于于”“。。”这类重复。
 * Doubled words and punctuation: no “增加增加”, “于于”, “。。” in the text.
 */
import type { Paragraph } from '../layout/types';
import type { DraftFinding, Rule } from './types';
import { quote, textRef } from './narrative-support';

/** Function characters that never legitimately appear twice in a row. */
const SINGLE = '的了于和及与在是对为按从被把将向或并其之该所由以';
/** Two- to four-character words whose doubling is a slip (not a reduplication such as 常常). */
const WORD = /([\u4e00-\u9fff]{2,4})\1/g;
const REDUPLICATED = /^(.)\1$|^(.)(.)\2\3$/; // 常常, 研究研究 (AABB / ABAB allowed rarely)
/**
 * Budget terms that begin with a noun a phrase may end with: “9名在职人员｜人员经费”, “本单位｜单位预算”
 * are two words meeting, not a doubled word.
 */
const TERM = /^(人员经费|人员支出|项目支出|项目经费|单位预算|单位决算|部门预算|部门决算|支出预算|收入预算|经费支出|资金支出|预算支出|决算支出)/;
const PUNCT = /([。，、；：！？,.;:])\1+/g;

/** How often `word` stands in the document's text. */
type Occurrences = (word: string) => number;

function findIn(p: Paragraph, occurrences: Occurrences): DraftFinding[] {
  const out: DraftFinding[] = [];
  const push = (s: number, e: number, what: string) =>
    out.push({
      rule: 'wording.doubled',
      severity: 'warning',
      message: `第 ${p.page} 页“${quote(p.text.slice(Math.max(0, s - 12), Math.min(p.text.length, e + 12)), 40)}”中“${p.text.slice(s, e)}”${what}。`,
      messageEn: `Page ${p.page}: “${p.text.slice(s, e)}” is doubled.`,
      actual: p.text.slice(s, e),
      refs: [textRef(p, s, e)],
    });
  for (const m of p.text.matchAll(new RegExp(`([${SINGLE}])\\1`, 'g'))) {
    // “为为” inside “作为为…” is still a slip; but keep “是是非非”-style idioms out
    if (/是是非非/.test(p.text.slice(m.index! - 2, m.index! + 4))) continue;
    push(m.index!, m.index! + 2, '字重复');
  }
  for (const m of p.text.matchAll(WORD)) {
    if (REDUPLICATED.test(m[1])) continue;
    if (/^\d/.test(m[1])) continue;
    if (TERM.test(p.text.slice(m.index! + m[1].length))) continue;
    // “接待移民上访接访接待”: 上访|接访|接待 meet — “访接” stands nowhere else in the text, while its last
    // character and the next (接待) make a word the text uses: words meeting, not a word doubled
    const after = p.text.slice(m.index! + m[0].length - 1, m.index! + m[0].length + 1);
    if (m[1].length === 2 && occurrences(m[1]) <= 2 && after.length === 2 && /^[\u4e00-\u9fff]{2}$/.test(after) && occurrences(after) >= 3) continue;
    push(m.index!, m.index! + m[0].length, '词重复');
  }
  for (const m of p.text.matchAll(PUNCT)) {
    if (m[1] === '.' && /\d/.test(p.text[m.index! - 1] ?? '')) continue;
    if (/^[.。]{3,}$|^…/.test(m[0]) || m[0].length >= 3) continue; // 省略号 …… / ......
    push(m.index!, m.index! + m[0].length, '标点重复');
  }
  return out;
}

export const wordingDoubled: Rule = {
  id: 'wording.doubled',
  family: 'wording',
  title: '正文无重复字词或标点',
  titleEn: 'No doubled words or punctuation in the text',
  check(ctx) {
    const out: DraftFinding[] = [];
    const text = ctx.layout.paragraphs.map((p) => p.text).join('\n');
    const counted = new Map<string, number>();
    const occurrences = (word: string) => counted.get(word) ?? counted.set(word, text.split(word).length - 1).get(word)!;
    for (const p of ctx.layout.paragraphs) {
      try {
        out.push(...findIn(p, occurrences));
      } catch {
        /* skip */
      }
    }
    return out;
  },
};
