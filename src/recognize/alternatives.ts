/**
 * Alternative readings of a recognised table. When a reading makes many identities fail, the
 * engine tries these and keeps one only when it explains the table with fewer wrong cells. Each
 * alternative is a small pure function from one reading to others; adding a producer's quirk is
 * adding one function here and one fixture of its layout.
 */
import type { ColumnAggregate, RecognizedTable } from './tables';

export interface ReadingAlternative {
  /** Short bilingual name, said in the table's evidence when the alternative is kept. */
  name: string;
  nameEn: string;
  /** Re-readings of the table (none when the alternative does not apply). */
  apply(rt: RecognizedTable): RecognizedTable[];
}

const SUBTOTAL = /小计$/;

/**
 * 小计 nests only the columns right after it: a header row 合计 | 基本支出小计 | 人员经费 | 公用经费 |
 * 项目支出 printed flat reads as 小计 = 人员 + 公用 + 项目. The re-readings take 小计 as the sum of the
 * first j columns after it (j = 1 … n − 1); an aggregate that listed those columns as its own parts
 * takes the 小计 instead (合计 = 小计 + 项目).
 */
function subtotalPrefixes(rt: RecognizedTable): RecognizedTable[] {
  const out: RecognizedTable[] = [];
  rt.aggregates.forEach((agg, i) => {
    const leaf = rt.columns[agg.total]?.path.at(-1) ?? '';
    // Two totals over the same columns (总计 | 合计 | A … E, the header that nested 合计 lost): they
    // cannot both be the sum of them all — the later one nests inside the earlier like a 小计.
    const doubled = rt.aggregates.some((o, x) => x !== i && o.total < agg.total && sameColumns(o.parts, agg.parts));
    if ((!SUBTOTAL.test(leaf) && !doubled) || agg.parts.length < 2) return;
    const parts = [...agg.parts].sort((a, b) => a - b);
    // Only parts that follow the 小计 directly, in order.
    if (parts[0] !== agg.total + 1 || parts.some((c, k) => k > 0 && c !== parts[k - 1] + 1)) return;
    for (let j = 1; j < parts.length; j++) {
      const inner = parts.slice(0, j);
      const aggregates: ColumnAggregate[] = rt.aggregates.map((other, o) => {
        if (o === i) return { total: agg.total, parts: inner };
        if (inner.every((c) => other.parts.includes(c)) && !other.parts.includes(agg.total))
          return { total: other.total, parts: [...other.parts.filter((c) => !inner.includes(c)), agg.total].sort((a, b) => a - b) };
        return other;
      });
      out.push({ ...rt, aggregates });
    }
  });
  return out;
}

function sameColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

export const READING_ALTERNATIVES: ReadingAlternative[] = [
  { name: '小计（或与上级合计同列的合计）只含其后紧邻各列', nameEn: 'a 小计 (or a 合计 over the same columns as the total before it) adds up only the columns right after it', apply: subtotalPrefixes },
];
