/** A table's title and unit, read from the lines just above it. */
import { LAYOUT_SETTINGS as S } from './settings';
import type { PageTable } from './cells';
import { joinLines } from './text';
import type { TableCell, TextLine } from './types';

const UNIT = /(?:金额|计量)?单位\s*[:：]\s*(亿元|万元|千元|元)/;
const UNIT_ANYWHERE = /(?:金额|计量)?单位\s*[:：]\s*(?:亿元|万元|千元|元)/g;
const TABLE_CODE = /^(公开\s*\d{1,2}\s*表|预算\s*\d{1,2}(?:-\d{1,2})?\s*表|附表\s*\d{1,2}|表\s*[\d一二三四五六七八九十]{1,3}(?:-\d{1,2})?)$/;
/** The caption's fields (部门名称：…, 单位：万元). */
export const CAPTION_FIELD = /^(?:部门|单位|编制单位|预算单位|填报单位)(?:名称)?\s*[:：]|单位\s*[:：]/;
const NOT_TITLE = new RegExp(`${CAPTION_FIELD.source}|^注\\s*[:：]|^\\d{4}\\s*年度?$`);

export function unitOf(text: string): string | null {
  const m = UNIT.exec(text.replace(/\s+/g, ''));
  return m ? m[1] : null;
}

export function isTableCode(text: string): boolean {
  return TABLE_CODE.test(text.replace(/\s+/g, ''));
}

/** A line that looks like a table's own name (ends in 表 or names one). */
export function looksLikeTitle(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /表(?:[（(].*[)）])?$/.test(t) || /[表单]$/.test(t) || /(?:预算|决算|经费|情况|明细|目标)(?:表)?$/.test(t);
}

export interface Caption {
  title: string;
  unit: string | null;
  lines: TextLine[];
}

/**
 * Lines between `ceiling` (bottom of whatever is above) and the table top that belong to it.
 * The title is the largest-type line there (nearest wins a tie), prefixed with a separate
 * table code line such as 公开05表.
 */
export function findCaption(lines: TextLine[], tableTop: number, ceiling: number, reach: number = S.captionDistance): Caption {
  const within = lines.filter((l) => l.bbox[3] <= tableTop + 2 && l.bbox[1] >= Math.max(ceiling, tableTop - reach));
  // A title and its unit may share a line ("…情况表      单位：万元"): the unit is read from the
  // line as printed, the title from the rest of it.
  const near = within.map((l) => {
    const rest = l.text.replace(UNIT_ANYWHERE, '').trim();
    return rest !== l.text.trim() && rest && /[\u4e00-\u9fff]/.test(rest) && !NOT_TITLE.test(rest.replace(/\s+/g, '')) ? { ...l, text: rest, unit: unitOf(l.text) } : l;
  });
  let unit: string | null = null;
  let code = '';
  let best: TextLine | null = null;
  const candidates: TextLine[] = [];
  for (const l of near) {
    const t = l.text.replace(/\s+/g, '');
    unit ??= ('unit' in l ? (l.unit as string | null) : null) ?? unitOf(t);
    const codeInLine = /(公开\s*\d{1,2}\s*表)/.exec(t);
    if (isTableCode(t)) {
      code = t;
      continue;
    }
    if (codeInLine && !code) code = codeInLine[1];
    if (NOT_TITLE.test(t) || !/[\u4e00-\u9fff]/.test(t)) continue;
    candidates.push(l);
  }
  // The nearest line named like a table wins (a section heading may stand above it in larger
  // type); failing that, the largest type, nearest first.
  const named = candidates.filter((l) => looksLikeTitle(l.text)).sort((a, b) => b.bbox[1] - a.bbox[1]);
  best = named[0] ?? null;
  for (const l of named.length ? [] : candidates) {
    if (!best || l.fontSize > best.fontSize + 0.5 || (Math.abs(l.fontSize - best.fontSize) <= 0.5 && l.bbox[1] > best.bbox[1])) best = l;
  }
  // Generous spacing (LibreOffice leaves a blank paragraph between caption lines): a code or unit
  // line close by without a name over it means the name stands further up.
  if (!named.length && (code || unit) && reach === S.captionDistance) {
    const further = findCaption(lines, tableTop, ceiling, 2 * reach);
    if (looksLikeTitle(further.title)) return further;
  }
  let title = best ? titleText(best, near) : '';
  if (best && !looksLikeTitle(title) && best.fontSize <= Math.min(...near.map((l) => l.fontSize)) + 0.5 && !code) title = '';
  if (code && title && !title.replace(/\s+/g, '').includes(code)) title = `${code} ${title}`;
  else if (code && !title) title = code;
  return { title, unit, lines: within };
}

/** A long title wraps: join the lines of the same size stacked right above and below it. */
function titleText(best: TextLine, near: TextLine[]): string {
  const same = near
    .filter((l) => Math.abs(l.fontSize - best.fontSize) <= 0.5 && !NOT_TITLE.test(l.text.replace(/\s+/g, '')) && !isTableCode(l.text))
    .sort((a, b) => a.bbox[1] - b.bbox[1]);
  const i = same.indexOf(best);
  let lo = i;
  let hi = i;
  const gap = 0.8 * best.fontSize;
  while (lo > 0 && same[lo].bbox[1] - same[lo - 1].bbox[3] < gap) lo--;
  while (hi < same.length - 1 && same[hi + 1].bbox[1] - same[hi].bbox[3] < gap) hi++;
  return joinLines(same.slice(lo, hi + 1)).text.trim();
}

/** A row of caption fields only (预算单位：…, 单位：万元). */
const captionFields = (row: (TableCell | null)[] | undefined) => {
  const texts = (row ?? []).filter((c): c is TableCell => !!c && c.text.trim() !== '').map((c) => c.text.replace(/\s+/g, ''));
  return texts.length > 0 && texts.every((x) => CAPTION_FIELD.test(x));
};

/**
 * Caption rows inside the frame: a sheet printed with its title and its 单位 line in ruled rows
 * of the grid (Excel, WPS 表格) — a first row whose one text names a table (…表, or any text
 * over a row of caption fields), rows of caption fields only (预算单位：…, 单位：万元). They
 * are the table's caption, not its header: lifted off its rows, they give its title and unit.
 */
export function liftCaptionRows(t: PageTable): { table: PageTable; title: string; unit: string | null } {
  let title = '';
  let unit: string | null = null;
  let k = 0;
  for (; k < t.rows.length - 1; k++) {
    const cells = t.rows[k].filter((c): c is TableCell => !!c && c.text.trim() !== '');
    if (t.rows[k].some((c) => c && c.rowSpan > 1)) break;
    // (an empty row between caption rows is part of the caption)
    if (!cells.length && (title || unit)) continue;
    const texts = cells.map((c) => c.text.replace(/\s+/g, ''));
    // (a header's top cell over every column — 财政拨款“三公”经费 — names no table and has no
    // caption fields under it)
    if (k === 0 && cells.length === 1 && !NOT_TITLE.test(texts[0]) && (/表(?:[（(][^）)]*[)）])?$/.test(texts[0]) || captionFields(t.rows[1]))) title = cells[0].text.trim();
    else if (captionFields(t.rows[k])) unit ??= texts.map(unitOf).find((u) => u !== null) ?? null;
    else break;
  }
  if (k === 0) return { table: t, title, unit };
  const rows = t.rows.slice(k);
  const top = Math.min(...rows[0].filter((c): c is TableCell => !!c).map((c) => c.bbox[1]));
  return { table: { ...t, rows, bbox: [t.bbox[0], top, t.bbox[2], t.bbox[3]] }, title, unit };
}
