/**
 * Layout: per-page text runs and ruling lines → tables and paragraphs for the whole document.
 *
 *   rules → edges → grids → cells filled with runs        (ruled tables, grid.ts/cells.ts)
 *   remaining lines → aligned blocks → columns            (unruled tables, aligned.ts)
 *   lines above a table → title and unit                  (captions.ts)
 *   top rows → header rows and column header paths        (headers.ts)
 *   a table's continuation on the next page → one table   (continuation.ts)
 *   the rest → paragraphs                                 (paragraphs.ts)
 */
import type { BBox, PageContent, TextRun } from '../pdf/types';
import { findAlignedTables } from './aligned';
import { findCaption, liftCaptionRows } from './captions';
import { fillGrid, type PageTable } from './cells';
import { mergeContinuations, type CaptionedTable, type MergedTables } from './continuation';
import { closeOpenFrames, rulesToEdges } from './edges';
import { edgesToGrids, isTableGrid, type Grid } from './grid';
import { LAYOUT_SETTINGS } from './settings';
import { refineGrid, rowRuleSides } from './hybrid';
import { buildParagraphs, isPageNumberLine } from './paragraphs';
import { groupLines } from './text';
import type { DocumentLayout, Paragraph, TextLine } from './types';

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  tables: CaptionedTable[];
  paragraphs: Paragraph[];
  /** A one-row ruled grid topping the page: a row of the table before, if it continues it. */
  fragment?: CaptionedTable;
  /** The page's paragraphs when `fragment` joins the table before (its text then reads as cells). */
  paragraphsIfJoined?: Paragraph[];
}

export function layoutPage(content: PageContent): PageLayout {
  const { page, runs } = content;
  const ruled = closeOpenFrames(rulesToEdges(content.rules));
  const edges = [...ruled, ...rowRuleSides(ruled, runs)];
  const refined = edgesToGrids(edges).map((g) => refineGrid(g, runs, edges));
  const grids = refined.filter(isTableGrid);
  const inFrame = new Map<PageTable, { title: string; unit: string | null }>();
  const tables: PageTable[] = grids
    .map((g) => {
      const lifted = liftCaptionRows(fillGrid(g, runs, page));
      if (lifted.title || lifted.unit) inFrame.set(lifted.table, lifted);
      return lifted.table;
    })
    .filter((t) => t.used.size > 0 || t.rows.length >= 3);
  const used = new Set<TextRun>();
  for (const t of tables) for (const r of t.used) used.add(r);
  let free = runs.filter((r) => !used.has(r));
  const aligned = findAlignedTables(groupLines(free, page), content);
  for (const t of aligned) for (const r of t.used) used.add(r);
  tables.push(...aligned);
  tables.sort((a, b) => a.bbox[1] - b.bbox[1]);
  free = runs.filter((r) => !used.has(r));

  const lines = groupLines(free, page).filter((l) => !isPageNumberLine(l, content.height));
  const captionLines = new Set<TextLine>();
  const captioned: CaptionedTable[] = tables.map((t, i) => {
    const above = tables.slice(0, i).filter((o) => o.bbox[3] <= t.bbox[1] + 1 && o.bbox[0] < t.bbox[2] && o.bbox[2] > t.bbox[0]);
    const ceiling = Math.max(0, ...above.map((o) => o.bbox[3]));
    // Beside another table (two tables side by side), only text over this one can be its caption.
    const beside = tables.some((o) => o !== t && o.bbox[1] < t.bbox[3] && o.bbox[3] > t.bbox[1] && (o.bbox[2] <= t.bbox[0] || o.bbox[0] >= t.bbox[2]));
    const own = beside ? captionLinesOver(free, t.bbox, content) : lines;
    const caption = findCaption(own, t.bbox[1], ceiling);
    for (const l of caption.lines) captionLines.add(l);
    // A caption printed inside the frame is the table's own; lines above it are a heading.
    const framed = inFrame.get(t);
    return { ...t, title: framed?.title || caption.title, unit: framed?.unit ?? caption.unit, captionLines: caption.lines };
  });
  // The last table of the page ends it when no line but the page number stands below it.
  const lastTable = captioned[captioned.length - 1];
  // (Fragments of the last row's names just under it, within its columns and without a sentence,
  // are that row's: a row the break cut leaves them behind.)
  if (lastTable) {
    let bottom = lastTable.bbox[3];
    lastTable.endsPage = !lines
      .filter((l) => l.bbox[1] >= lastTable.bbox[3] - 1 && !captionLines.has(l))
      .sort((a, b) => a.bbox[1] - b.bbox[1])
      .some((l) => {
        const fragment = l.bbox[1] - bottom < 2 * (l.fontSize || 10) && l.bbox[0] >= lastTable.bbox[0] - 2 && l.bbox[2] <= lastTable.bbox[2] + 2 && !/[，。；：:]/.test(l.text);
        if (fragment) bottom = l.bbox[3];
        return !fragment;
      });
  }
  const blockers: BBox[] = tables.map((t) => t.bbox);
  const paragraphs = buildParagraphs(lines, blockers, content.width);
  const fragment = topFragment(refined, tables, lines, content);
  if (!fragment) return { page, width: content.width, height: content.height, tables: captioned, paragraphs };
  const rest = lines.filter((l) => l.bbox[1] >= fragment.bbox[3] - 1 || l.bbox[3] <= fragment.bbox[1] + 1);
  return {
    page,
    width: content.width,
    height: content.height,
    tables: captioned,
    paragraphs,
    fragment: { ...fragment, title: '', unit: null, captionLines: [] },
    paragraphsIfJoined: buildParagraphs(rest, [...blockers, fragment.bbox], content.width),
  };
}

/**
 * The one-row ruled grid that tops the page — nothing printed above it, no table above it — when
 * it holds text: too small to be a table, but maybe the last row of the table before, pushed over
 * the page break. The lines inside it are its text (they are also the page's lines until then).
 */
function topFragment(grids: Grid[], tables: PageTable[], lines: TextLine[], content: PageContent): PageTable | null {
  const oneRow = grids.filter((g) => g.ys.length === 2 && g.xs.length - 1 >= LAYOUT_SETTINGS.minGridCols).sort((a, b) => a.bbox[1] - b.bbox[1])[0];
  if (!oneRow) return null;
  const top = oneRow.bbox[1];
  if (tables.some((t) => t.bbox[1] < top)) return null;
  if (lines.some((l) => l.bbox[3] <= top + 1)) return null;
  const inside = content.runs.filter((r) => {
    const cy = (r.bbox[1] + r.bbox[3]) / 2;
    return cy > top && cy < oneRow.bbox[3] && r.bbox[0] >= oneRow.bbox[0] - 1 && r.bbox[2] <= oneRow.bbox[2] + 1;
  });
  // Every run inside must be free: a fragment never takes text another table already reads.
  if (!inside.length || tables.some((t) => inside.some((r) => t.used.has(r)))) return null;
  const filled = fillGrid(oneRow, inside, content.page);
  return filled.used.size > 0 ? filled : null;
}

/** Lines made only of the free runs standing over a table's width (and not a page number). */
function captionLinesOver(free: TextRun[], bbox: BBox, content: PageContent): TextLine[] {
  const over = free.filter((r) => {
    const cx = (r.bbox[0] + r.bbox[2]) / 2;
    return cx >= bbox[0] - 2 && cx <= bbox[2] + 2 && r.bbox[3] <= bbox[1] + 2;
  });
  return groupLines(over, content.page).filter((l) => !isPageNumberLine(l, content.height));
}

export function buildLayout(pages: PageContent[]): DocumentLayout {
  return assembleLayout(pages.map(layoutPage));
}

/**
 * The document from its pages' layouts, in page order (each page is laid out on its own, so
 * pages may be laid out in parallel and in any order): tables continued over pages are joined here.
 * A missing page (unread) breaks a continuation, as a page without tables does.
 */
export function assembleLayout(pageLayouts: PageLayout[]): DocumentLayout {
  const ordered = [...pageLayouts].sort((a, b) => a.page - b.page);
  return joinedLayout(ordered, mergeContinuations(ordered));
}

/** The document of these pages (in order) whose tables `merged` joined: by assembleLayout, or by a merger fed page by page. */
export function joinedLayout(ordered: PageLayout[], { tables, joinedFragments }: MergedTables): DocumentLayout {
  return {
    pages: ordered.map((p) => ({ page: p.page, width: p.width, height: p.height })),
    tables,
    paragraphs: ordered.flatMap((p) => (joinedFragments.has(p.page) && p.paragraphsIfJoined ? p.paragraphsIfJoined : p.paragraphs)),
  };
}

/**
 * A page layout fit to be posted between workers: the runs each table used only matter while
 * the page is laid out, so they are dropped rather than copied.
 */
export function portablePageLayout(layout: PageLayout): PageLayout {
  const fragment = layout.fragment && { ...layout.fragment, used: new Set<TextRun>() };
  return { ...layout, tables: layout.tables.map((t) => ({ ...t, used: new Set() })), fragment };
}
