/**
 * 模板残留：正文中不应留有占位符（XX局、××、【填写…】）、模板选项（下降（增长））或给填表人的说明；
 * 同一种残留整份文件报一次，列出每一处。
 * Template leftovers: no placeholders (XX局, ××, 【填写…】), unresolved alternatives (下降（增长）) or
 * instructions meant for whoever fills in the template — one finding per kind of leftover in the
 * document, every place as a ref.
 */
import type { Paragraph } from '../layout/types';
import type { DraftFinding, Rule } from './types';
import { quote, textRef } from './narrative-support';

interface Pattern {
  re: RegExp;
  severity: 'error' | 'warning';
  what: string;
  whatEn: string;
}

const PATTERNS: Pattern[] = [
  { re: /(?<![A-Za-z])(?:XX+|xx+|ＸＸ+|××+|＊＊+|\*\*+|〇〇+|○○+)(?:[\u4e00-\u9fff]{0,6}(?:局|委|办|院|厅|单位|部门|项目|年|月|日|万元|元|%|个))?/g, severity: 'error', what: '占位符', whatEn: 'a placeholder' },
  { re: /【[^】]{0,20}(填写|填报|输入|请|此处|单位名称|部门名称)[^】]{0,20}】|\[[^\]]{0,20}(填写|填报|输入)[^\]]{0,20}\]/g, severity: 'error', what: '待填写的占位内容', whatEn: 'a fill-in placeholder' },
  { re: /(下降|减少|增长|增加)[（(](增长|增加|下降|减少)[）)]/g, severity: 'warning', what: '模板中的“增/减”二选一未删改', whatEn: 'an unresolved template alternative (increase/decrease)' },
  { re: /[（(](如[^）)]{0,12}(持平|不涉及|没有|无)[^）)]{0,12}|不涉及的不列|无[^）)]{0,12}的单位[^）)]{0,20})[）)]/g, severity: 'warning', what: '模板中给填表人的说明', whatEn: 'an instruction left from the template' },
  // a share whose figure was never filled in: “商品和服务支出预算75800元，占基本支出预算%，”
  { re: /(?<=(?:万元|元)\s*[，,]?\s*)占(?:[\u4e00-\u9fff“”"]{2,24}?)(?:的)?[%％]/g, severity: 'warning', what: '未填写的比率（“占…%”前没有数字）', whatEn: 'a share left without its figure (“占…%” with no number)' },
  // a sentence that stops where the template wanted a reason or a use: “主要原因是。”
  { re: /(主要原因(是|为|如下)?|原因是|主要用于|主要包括)[：:]?\s*(?=[。；;])/g, severity: 'warning', what: '未填写的内容（“主要原因是”之后为空）', whatEn: 'a blank left where the template asks for a reason' },
  { re: /(格式不得随意改变|一定要在目录说明理由|可选择填写|应公开空表并说明|请根据实际情况|根据实际情况填写|此处填写|填写说明|参照模板|模板中的|删除此|如无此项|如没有[^，。]{0,10}请)/g, severity: 'warning', what: '模板中给填表人的说明', whatEn: 'an instruction left from the template' },
];

interface Hit {
  p: Paragraph;
  s: number;
  e: number;
  pat: Pattern;
}

function hitsIn(p: Paragraph): Hit[] {
  const out: Hit[] = [];
  for (const pat of PATTERNS) {
    pat.re.lastIndex = 0;
    for (const m of p.text.matchAll(pat.re)) {
      const s = m.index!;
      // a number right before (“3××”) is arithmetic, not a placeholder
      if (pat.what === '占位符' && /[\d.]$/.test(p.text.slice(Math.max(0, s - 1), s))) continue;
      out.push({ p, s, e: s + m[0].length, pat });
    }
  }
  return out;
}

/** One finding per kind of leftover in the document, pointing at each occurrence. */
function group(hits: Hit[]): DraftFinding[] {
  const byKey = new Map<string, Hit[]>();
  for (const h of hits) {
    const key = `${h.pat.what}|${h.pat.severity}`;
    byKey.set(key, [...(byKey.get(key) ?? []), h]);
  }
  return [...byKey.values()].map((hs) => {
    const first = hs[0];
    const texts = [...new Set(hs.map((h) => h.p.text.slice(h.s, h.e)))];
    const pages = [...new Set(hs.map((h) => h.p.page))];
    const where = pages.length > 1 ? `第 ${pages.slice(0, 8).join('、')}${pages.length > 8 ? '…' : ''} 页` : `第 ${first.p.page} 页`;
    const context = quote(first.p.text.slice(Math.max(0, first.s - 15), Math.min(first.p.text.length, first.e + 15)), 50);
    return {
      rule: 'wording.placeholder',
      severity: first.pat.severity,
      message: `${where}留有${first.pat.what}${hs.length > 1 ? ` ${hs.length} 处` : ''}：“${texts.slice(0, 5).join('”“')}”${texts.length > 5 ? '…' : ''}（如“${context}”）。`,
      messageEn: `${pages.length > 1 ? `Pages ${pages.slice(0, 8).join(', ')}` : `Page ${first.p.page}`} ${pages.length > 1 ? 'still carry' : 'still carries'} ${first.pat.whatEn}${hs.length > 1 ? ` (${hs.length} places)` : ''}: “${texts.slice(0, 5).join('”, “')}”.`,
      actual: texts.join('、'),
      refs: hs.map((h) => textRef(h.p, h.s, h.e)),
    };
  });
}

export const wordingPlaceholders: Rule = {
  id: 'wording.placeholder',
  family: 'wording',
  title: '正文无模板占位符、二选一残留或填表说明',
  titleEn: 'No template placeholders, alternatives or instructions left in the text',
  check(ctx) {
    const hits: Hit[] = [];
    for (const p of ctx.layout.paragraphs) {
      try {
        hits.push(...hitsIn(p));
      } catch {
        /* skip */
      }
    }
    return group(hits);
  },
};
