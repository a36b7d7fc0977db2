/**
 * 百分号：说明中的占比、增长率、完成率应写出“%”。
 * Percent sign: a share, growth or completion rate in the narrative is written with “%”.
 */
import type { DraftFinding, Rule } from './types';
import { numberRef, quote } from './narrative-support';

export const wordingPercentSign: Rule = {
  id: 'wording.percent-sign',
  family: 'wording',
  title: '说明中的比率写出百分号',
  titleEn: 'Rates in the narrative carry a % sign',
  check(ctx) {
    const out: DraftFinding[] = [];
    for (const s of ctx.narrative) {
      if (s.kind !== 'share' && s.kind !== 'change' && s.kind !== 'completion') continue;
      if (!s.percentMissing) continue;
      const rate = s.kind === 'share' ? s.percent : s.rate;
      if (!rate) continue;
      out.push({
        rule: 'wording.percent-sign',
        severity: 'warning',
        message: `说明中“${quote(s.text)}”：比率“${rate.text}”缺少百分号，应为“${rate.text}%”。`,
        messageEn: `The rate “${rate.text}” is written without a % sign.`,
        expected: `${rate.text}%`,
        actual: rate.text,
        refs: [numberRef(s.paragraph, rate)],
      });
    }
    return out;
  },
};
