/**
 * Alternative readings of a recognised table. When a reading makes many identities fail, the
 * engine tries these and keeps one only when it explains the table with fewer wrong cells. Each
 * alternative is a small pure function from one reading to others; adding a producer's quirk is
 * adding one function here and one fixture of its layout.
 */
import type { TableCell } from '../layout/types';
import { cellText, recognizeTable, type ColumnAggregate, type RecognizedTable } from './tables';
import { unionBBox } from '../layout/text';

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

/**
 * Rows the layout split in two (no rules to tell lines apart): a name on one line and its figures on
 * the next — the figure line joined to its label line —, or the end of a long name on a line of its
 * own — a wrapped label line joined into its row. `up`: a line of names belongs to the row below it
 * (a name centred over two lines, its first half above the figures); `down`: to the row above.
 * The joined row keeps the figures' row index (refs and findings stay where they were); the line
 * of names is left blank.
 */
function joinSplitRows(direction: 'up' | 'down') {
  return (rt: RecognizedTable): RecognizedTable[] => {
    const table = rt.table;
    const names = rt.columns.filter((c) => c.role === 'label' || c.role === 'code').map((c) => c.index);
    const amounts = rt.columns.filter((c) => c.role === 'amount').map((c) => c.index);
    // One name column per side (a list by code and name): where several text columns stand side by
    // side (a project list: 项目名称 | 单位 | 类型 | 科目名称) which line goes with which is no join to guess.
    const labels = rt.panes.map((p) => p.labelCols.length);
    if (!names.length || !amounts.length || labels.some((n) => n > 1)) return [];
    const filled = (r: number, cols: number[]) => cols.some((c) => cellText(table, r, c).trim() !== '');
    const coded = (r: number) => rt.panes.some((p) => p.rows.some((x) => x.row === r && (x.code || x.numbering || x.kind === 'total')));
    const rows = table.rows.map((row) => [...row]);
    const blanked = new Set<number>();
    let joined = 0;
    for (let r = rt.headerRows; r < rows.length; r++) {
      if (blanked.has(r) || !filled(r, names) || filled(r, amounts)) continue;
      const into = direction === 'up' ? r + 1 : r - 1;
      if (into < rt.headerRows || into >= rows.length || blanked.has(into) || !filled(into, amounts)) continue;
      // Figures without a name of their own take the line of names; a named row takes only a
      // name's continuation (no code, no number, no total of its own).
      if (filled(into, names) && coded(r)) continue;
      for (const c of names) {
        const line = rows[r][c];
        if (!line || !line.text.trim()) continue;
        const target = rows[into][c];
        const text = target?.text.trim() ? (direction === 'up' ? line.text.trim() + target.text.trim() : target.text.trim() + line.text.trim()) : line.text.trim();
        rows[into][c] = { ...(target ?? line), text, bbox: target ? unionBBox([target.bbox, line.bbox]) : line.bbox, rowSpan: 1, colSpan: target?.colSpan ?? 1 } as TableCell;
        rows[r][c] = { ...line, text: '' };
      }
      blanked.add(r);
      joined++;
    }
    if (!joined) return [];
    return [recognizeTable({ ...table, rows })];
  };
}

function sameColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

export const READING_ALTERNATIVES: ReadingAlternative[] = [
  { name: '名称行并入其下数字行', nameEn: 'a line of names joined to the row of figures below it', apply: joinSplitRows('up') },
  { name: '名称行并入其上数字行', nameEn: 'a line of names joined to the row of figures above it', apply: joinSplitRows('down') },
  { name: '小计（或与上级合计同列的合计）只含其后紧邻各列', nameEn: 'a 小计 (or a 合计 over the same columns as the total before it) adds up only the columns right after it', apply: subtotalPrefixes },
];
