/**
 * Extraction: one page of pdf.js output → text runs and ruling lines in display coordinates
 * (PDF points, top-left origin, rotation and crop box applied).
 *
 * Since pdf.js 5.1 every path arrives as one `constructPath` op: `[paintOp, [data], minMax]`,
 * `data` using DrawOPS codes, in user space before the CTM. So the CTM is tracked here through
 * save/restore/transform and form XObjects.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PdfJs } from './load';
import { unifyRadicals } from './radicals';
import type { BBox, PageContent, RuleLine, TextRun } from './types';

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m × n in pdf.js's convention: apply n first, then m.
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Tolerances for turning painted paths into ruling lines. */
export const EXTRACTION_SETTINGS = {
  /** A segment within this many points of horizontal/vertical counts as axis-parallel. */
  axisTolerance: 0.5,
  /** A filled rectangle thinner than this (points) is a rule drawn as a fill… */
  maxFilledRuleThickness: 2.5,
  /**
   * …and than this share of the page's usual font size, when the page is printed small (a sheet
   * fitted onto A4: a 3 pt shading band at 0.7× is 2.3 pt, no thinner against its 7 pt text).
   */
  maxFilledRuleToFont: 0.25,
  /** (never below this many points) */
  minFilledRuleThickness: 1.5,
  /** Rules shorter than this are ticks or glyph parts, not table rules. */
  minRuleLength: 2,
  /** Ascent/descent of a run's box as a share of its font size (CJK fonts sit close to 0.88/0.12). */
  ascent: 0.88,
  descent: 0.12,
  /**
   * Skip the operator list (the ruling lines) of a page whose text holds no figure and no table
   * heading word (a cover, 目录, prose without numbers): such a page has no table to rebuild, and
   * the operator list is the costly half of reading a page.
   */
  skipRulesWithoutAmounts: true,
};

/**
 * Text that is not a figure: years (2024年, 2024年度), a run that is only a page number, and the
 * leader and page number closing a 目录 line (……… 12).
 */
const NOT_FIGURE = /(?:19|20)\d{2}\s*年度?|^[-—–－\s]*(?:第\s*)?\d{1,4}\s*页?[-—–－\s]*$|(?:[.．…·•_\s]{3,}|…+)\s*\d{1,4}\s*$/g;
/**
 * Words of a table's heading or unit line: an empty table (空表) still has its grid, and a table of
 * text only (机构设置: 单位名称, 单位性质, 单位规格) has no figure.
 */
const TABLE_WORDS = /合计|总计|小计|科目|编码|金额|单位[:：]|万元|千元|预算数|决算数|栏次|序号|指标|名称|性质|规格/;

/** Whether a page's text may hold a table, so its ruling lines are needed. */
export function pageMayHoldTable(items: TextItem[]): boolean {
  for (const item of items) {
    const text = 'str' in item ? item.str : '';
    if (!text || !text.trim()) continue;
    if (TABLE_WORDS.test(text)) return true;
    // Any other digit may be a figure (amounts, codes, percentages such as ≥95%).
    if (/[\d０-９]/.test(text.replace(NOT_FIGURE, ' '))) return true;
  }
  return false;
}

/** Paint ops whose path is stroked, filled, or both (codes from pdf.js OPS). */
function paintKind(OPS: PdfJs['OPS'], op: number): { stroke: boolean; fill: boolean } {
  switch (op) {
    case OPS.stroke:
    case OPS.closeStroke:
      return { stroke: true, fill: false };
    case OPS.fill:
    case OPS.eoFill:
      return { stroke: false, fill: true };
    case OPS.fillStroke:
    case OPS.eoFillStroke:
    case OPS.closeFillStroke:
    case OPS.closeEOFillStroke:
      return { stroke: true, fill: true };
    default:
      // endPath (clipping paths) and anything else paint nothing.
      return { stroke: false, fill: false };
  }
}

interface Point { x: number; y: number }

/** Split DrawOPS path data into subpaths of points (display space, by `m`); curves end a straight run. */
function subpaths(data: ArrayLike<number>, m: Matrix): { points: Point[]; closed: boolean; curved: boolean }[] {
  const out: { points: Point[]; closed: boolean; curved: boolean }[] = [];
  let cur: { points: Point[]; closed: boolean; curved: boolean } | null = null;
  const at = (x: number, y: number): Point => ({ x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] });
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === 0 /* moveTo */) {
      cur = { points: [at(data[i], data[i + 1])], closed: false, curved: false };
      i += 2;
      out.push(cur);
    } else if (code === 1 /* lineTo */) {
      const p = at(data[i], data[i + 1]);
      i += 2;
      if (!cur) { cur = { points: [], closed: false, curved: false }; out.push(cur); }
      cur.points.push(p);
    } else if (code === 2 /* curveTo */) {
      const p = at(data[i + 4], data[i + 5]);
      i += 6;
      if (cur) { cur.curved = true; cur.points.push(p); }
    } else if (code === 3 /* quadraticCurveTo */) {
      const p = at(data[i + 2], data[i + 3]);
      i += 4;
      if (cur) { cur.curved = true; cur.points.push(p); }
    } else if (code === 4 /* closePath */) {
      if (cur) {
        cur.closed = true;
        // A new subpath after closePath starts at the same point.
        const start: Point | undefined = cur.points[0];
        cur = { points: start ? [start] : [], closed: false, curved: false };
        out.push(cur);
      }
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  return out.filter((s) => s.points.length > 1);
}

function rectangleOf(points: Point[], tol: number): BBox | null {
  let pts = points;
  if (pts.length === 5 && Math.abs(pts[0].x - pts[4].x) < tol && Math.abs(pts[0].y - pts[4].y) < tol) pts = pts.slice(0, 4);
  if (pts.length !== 4) return null;
  for (let k = 0; k < 4; k++) {
    const a = pts[k];
    const b = pts[(k + 1) % 4];
    if (Math.abs(a.x - b.x) > tol && Math.abs(a.y - b.y) > tol) return null;
  }
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = 0; k < 4; k++) {
    const { x, y } = pts[k];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

function segmentRule(a: Point, b: Point, width: number, tol: number, minLen: number): RuleLine | null {
  if (Math.abs(a.y - b.y) <= tol) {
    const from = Math.min(a.x, b.x);
    const to = Math.max(a.x, b.x);
    return to - from >= minLen ? { orientation: 'h', at: (a.y + b.y) / 2, from, to, width } : null;
  }
  if (Math.abs(a.x - b.x) <= tol) {
    const from = Math.min(a.y, b.y);
    const to = Math.max(a.y, b.y);
    return to - from >= minLen ? { orientation: 'v', at: (a.x + b.x) / 2, from, to, width } : null;
  }
  return null;
}

/** The graphics state an operator list walk keeps: the CTM and what a caller saves with it. */
interface Graphics<T> {
  ctm: Matrix;
  /** The viewport transform × the CTM (user space → display), worked out when first asked. */
  display: Matrix | null;
  state: T;
}

/** User space → display space under this graphics state (computed once per CTM: text and paths ask it often). */
function toDisplayMatrix(g: Graphics<object>, vt: Matrix): Matrix {
  return (g.display ??= multiply(vt, g.ctm));
}

/**
 * Walks an operator list keeping the CTM and `state` across save/restore and form XObjects (a
 * form's matrix applies inside it; `onForm` sees its bounding box); every other op goes to `visit`
 * with the graphics state in effect, which it may change.
 */
function walkGraphics<T extends object>(
  OPS: PdfJs['OPS'],
  opList: { fnArray: number[]; argsArray: unknown[] },
  state: T,
  visit: (fn: number, args: unknown[], g: Graphics<T>) => void,
  onForm?: (bbox: number[], g: Graphics<T>) => void,
): void {
  let g: Graphics<T> = { ctm: IDENTITY, display: null, state };
  const stack: Graphics<T>[] = [];
  const { fnArray, argsArray } = opList;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm: g.ctm, display: g.display, state: { ...g.state } });
        break;
      case OPS.restore:
      case OPS.paintFormXObjectEnd:
        g = stack.pop() ?? g;
        break;
      case OPS.transform:
        g.ctm = multiply(g.ctm, args as unknown as Matrix);
        g.display = null;
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm: g.ctm, display: g.display, state: { ...g.state } });
        const m = args[0] as Matrix | null;
        if (m && m.length === 6) {
          g.ctm = multiply(g.ctm, Array.from(m) as Matrix);
          g.display = null;
        }
        const b = args[1] as number[] | null;
        if (b && b.length === 4) onForm?.(b, g);
        break;
      }
      default:
        visit(fn, args, g);
    }
  }
}

/** Ruling lines from the page's operator list. */
export function rulesFromOperatorList(
  pdfjs: PdfJs,
  opList: { fnArray: number[]; argsArray: unknown[] },
  viewportTransform: number[],
  maxThickness: number = EXTRACTION_SETTINGS.maxFilledRuleThickness,
): RuleLine[] {
  const { OPS } = pdfjs;
  const S = EXTRACTION_SETTINGS;
  const vt = viewportTransform as Matrix;
  const rules: RuleLine[] = [];
  walkGraphics(OPS, opList, { lineWidth: 1 }, (fn, args, g) => {
    switch (fn) {
      case OPS.setLineWidth:
        g.state.lineWidth = Number(args[0]);
        break;
      case OPS.setGState: {
        for (const [key, value] of (args[0] as [string, unknown][]) ?? []) {
          if (key === 'LW') g.state.lineWidth = Number(value);
        }
        break;
      }
      case OPS.constructPath: {
        const [paintOp, dataHolder] = args as [number, (ArrayLike<number> | null)[]];
        const data = dataHolder?.[0];
        if (!data) break;
        const { stroke, fill } = paintKind(OPS, paintOp);
        if (!stroke && !fill) break;
        const m = toDisplayMatrix(g, vt);
        // Line width scales with the CTM; use the mean axis scale.
        const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
        const width = Math.max(g.state.lineWidth, 0) * scale;
        const parts = subpaths(data, m);
        // A path that also draws curves or many-sided shapes is a drawing (glyphs a producer drew
        // as outlines, a seal, a logo): its straight strokes are letters' bars, not a table's rules.
        if (parts.some((sp) => sp.curved || (fill && sp.points.length > 5 && !rectangleOf(sp.points, S.axisTolerance)))) break;
        for (const sp of parts) {
          if (fill) {
            const r = rectangleOf(sp.points, S.axisTolerance);
            if (r) {
              const w = r[2] - r[0];
              const h = r[3] - r[1];
              if (h <= maxThickness && w >= S.minRuleLength) {
                rules.push({ orientation: 'h', at: (r[1] + r[3]) / 2, from: r[0], to: r[2], width: h });
                continue;
              }
              if (w <= maxThickness && h >= S.minRuleLength) {
                rules.push({ orientation: 'v', at: (r[0] + r[2]) / 2, from: r[1], to: r[3], width: w });
                continue;
              }
            }
          }
          if (stroke) {
            const pts = sp.closed ? [...sp.points, sp.points[0]] : sp.points;
            for (let k = 1; k < pts.length; k++) {
              const rule = segmentRule(pts[k - 1], pts[k], width, S.axisTolerance, S.minRuleLength);
              if (rule) rules.push(rule);
            }
          }
        }
        break;
      }
      default:
        break;
    }
  });
  return rules;
}

/** Text runs from getTextContent items, boxed in display space. */
export function runsFromTextContent(items: TextItem[], viewportTransform: number[]): TextRun[] {
  const S = EXTRACTION_SETTINGS;
  const vt = viewportTransform as Matrix;
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!('str' in item) || !item.str || !item.str.trim()) continue;
    const m = multiply(vt, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
    if (!size) continue;
    // Direction of the baseline in display space.
    const len = Math.hypot(m[0], m[1]) || 1;
    const dx = m[0] / len;
    const dy = m[1] / len;
    const vertical = Math.abs(dy) > Math.abs(dx);
    // item.width is in the text's own horizontal scale after the item's matrix; rescale by the viewport.
    const vscale = Math.hypot(vt[0], vt[1]);
    const width = item.width * vscale;
    const bx = m[4];
    const by = m[5];
    let bbox: BBox;
    if (!vertical) {
      const x0 = dx >= 0 ? bx : bx - width;
      bbox = [x0, by - size * S.ascent, x0 + width, by + size * S.descent];
    } else {
      const y0 = dy >= 0 ? by : by - width;
      bbox = [bx - size * S.descent, y0, bx + size * S.ascent, y0 + width];
    }
    runs.push({ text: unifyRadicals(item.str), bbox, fontSize: size, fontName: item.fontName, vertical });
  }
  return runs;
}

/**
 * Baselines (display y) of the text drawn inside the clip in effect and of the text drawn outside
 * it. A spreadsheet printed to PDF (WPS 表格) draws a tall cell whole on both pages it breaks over
 * and clips each page to its part: the text outside the clip is on no page a reader sees.
 */
export function clippedBaselines(pdfjs: PdfJs, opList: { fnArray: number[]; argsArray: unknown[] }, viewportTransform: number[]): { hidden: number[]; shown: number[] } {
  const { OPS } = pdfjs;
  const vt = viewportTransform as Matrix;
  const hidden: number[] = [];
  const shown: number[] = [];
  let clipNext = false;
  let tm: Matrix = IDENTITY;
  let lm: Matrix = IDENTITY;
  let leading = 0;
  let fontSize = 1;
  const boxIn = (m: Matrix, x0: number, y0: number, x1: number, y1: number): BBox => {
    const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
    return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
  };
  type Clip = { clip: BBox | null };
  const narrow = (g: Graphics<Clip>, b: BBox) => {
    const c = g.state.clip;
    g.state.clip = c ? [Math.max(c[0], b[0]), Math.max(c[1], b[1]), Math.min(c[2], b[2]), Math.min(c[3], b[3])] : b;
  };
  // lm × a translation by (tx, ty).
  const moveText = (tx: number, ty: number) => (tm = lm = [lm[0], lm[1], lm[2], lm[3], lm[0] * tx + lm[2] * ty + lm[4], lm[1] * tx + lm[3] * ty + lm[5]]);
  walkGraphics<Clip>(
    OPS,
    opList,
    { clip: null },
    (fn, args, g) => {
      switch (fn) {
        case OPS.clip:
        case OPS.eoClip:
          clipNext = true;
          break;
        case OPS.constructPath: {
          if (!clipNext) break;
          clipNext = false;
          const mm = (args as [number, unknown, ArrayLike<number> | null])[2];
          if (mm && mm.length === 4 && Number.isFinite(mm[0])) narrow(g, boxIn(toDisplayMatrix(g, vt), mm[0], mm[1], mm[2], mm[3]));
          break;
        }
        case OPS.beginText:
          tm = lm = IDENTITY;
          break;
        case OPS.setTextMatrix: {
          // (pdf.js passes the six numbers as one Float32Array)
          const m = args[0] as ArrayLike<number> | undefined;
          if (m?.length === 6) tm = lm = Array.from(m) as Matrix;
          break;
        }
        case OPS.moveText:
          moveText(Number(args[0]), Number(args[1]));
          break;
        case OPS.setLeading:
          leading = Number(args[0]);
          break;
        case OPS.setLeadingMoveText:
          leading = -Number(args[1]);
          moveText(Number(args[0]), Number(args[1]));
          break;
        case OPS.nextLine:
          moveText(0, -leading);
          break;
        case OPS.setFont:
          fontSize = Math.abs(Number(args[1])) || 1;
          break;
        case OPS.showText:
        case OPS.showSpacedText: {
          // Where the text starts and its size in display space: the display matrix × the text
          // matrix, only the parts needed (a third of all ops are text shown: no arrays made).
          const d = toDisplayMatrix(g, vt);
          const x = d[0] * tm[4] + d[2] * tm[5] + d[4];
          const y = d[1] * tm[4] + d[3] * tm[5] + d[5];
          const size = fontSize * (Math.hypot(d[0] * tm[2] + d[2] * tm[3], d[1] * tm[2] + d[3] * tm[3]) || 1);
          const c = g.state.clip;
          // Out of sight: less than a third of the glyphs' height (or none of their width) inside the clip.
          const top = y - EXTRACTION_SETTINGS.ascent * size;
          const bottom = y + EXTRACTION_SETTINGS.descent * size;
          const out = c !== null && (Math.min(bottom, c[3]) - Math.max(top, c[1]) < size / 3 || x > c[2] || x + size < c[0]);
          (out ? hidden : shown).push(y);
          break;
        }
        default:
          break;
      }
    },
    (b, g) => narrow(g, boxIn(toDisplayMatrix(g, vt), b[0], b[1], b[2], b[3])),
  );
  return { hidden, shown };
}

/** Runs whose baseline only text drawn outside the clip stands on (see clippedBaselines). */
export function withoutClipped(runs: TextRun[], { hidden, shown }: { hidden: number[]; shown: number[] }): TextRun[] {
  if (!hidden.length) return runs;
  const near = (ys: number[], y: number) => ys.some((v) => Math.abs(v - y) < 1);
  return runs.filter((r) => {
    if (r.vertical) return true;
    const baseline = r.bbox[3] - r.fontSize * EXTRACTION_SETTINGS.descent;
    return !near(hidden, baseline) || near(shown, baseline);
  });
}

/** How thick a filled rectangle may be and still be a rule, from the page's median font size. */
export function filledRuleLimit(runs: TextRun[]): number {
  const S = EXTRACTION_SETTINGS;
  const sizes = runs.filter((r) => !r.vertical).map((r) => r.fontSize).sort((a, b) => a - b);
  if (!sizes.length) return S.maxFilledRuleThickness;
  const median = sizes[Math.floor(sizes.length / 2)];
  return Math.min(S.maxFilledRuleThickness, Math.max(S.minFilledRuleThickness, S.maxFilledRuleToFont * median));
}

export async function extractPage(pdfjs: PdfJs, page: PDFPageProxy): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const text = await page.getTextContent({ includeMarkedContent: false });
  const items = text.items as TextItem[];
  const needRules = !EXTRACTION_SETTINGS.skipRulesWithoutAmounts || pageMayHoldTable(items);
  let runs = runsFromTextContent(items, viewport.transform);
  if (!needRules) return { page: page.pageNumber, width: viewport.width, height: viewport.height, runs, rules: [] };
  const ops = await page.getOperatorList();
  runs = withoutClipped(runs, clippedBaselines(pdfjs, ops, viewport.transform));
  const rules = rulesFromOperatorList(pdfjs, ops, viewport.transform, filledRuleLimit(runs));
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, runs, rules };
}
