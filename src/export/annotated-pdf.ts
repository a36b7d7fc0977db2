/**
 * An annotated copy of the checked PDF: a summary in front listing every finding (severity, page,
 * message in Chinese and English, each line a link to its page), then the original pages with, for
 * every finding, a highlight annotation over its numbers on each page they stand on, and a note
 * (text annotation) in the page margin beside the primary number carrying the message and
 * arithmetic, so the reviewer can send the draft back to its author. Page labels keep the original
 * pages numbered 1, 2, … as the findings cite them.
 *
 * Chinese is drawn with STSong-Light, one of the standard CJK fonts of PDF (Adobe-GB1, UCS-2
 * encoding) that every reader supplies itself: no font file is embedded, so the export stays small
 * and needs no font dependency. A ToUnicode map keeps the summary searchable and copyable.
 * An encrypted original (pdf-lib cannot decrypt it) gets the summary alone.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  StandardFonts,
  beginText,
  endText,
  moveText,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  showText,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { Finding, Report, Severity } from '../report/types';
import type { BBox } from '../pdf/types';
import { anchorRef, arithmetic, findingPage, sortFindings } from './describe';

export const ANNOTATION_AUTHOR = '勾稽 Gouji';

const COLORS: Record<Severity, [number, number, number]> = {
  error: [0.93, 0.26, 0.21],
  warning: [0.98, 0.67, 0.08],
  info: [0.25, 0.52, 0.96],
};

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误 Error', warning: '警告 Warning', info: '提示 Info' };

interface PageFrame {
  /** Visible area in user space (crop box ∩ media box): x0, y0, x1, y1. */
  view: [number, number, number, number];
  rotation: 0 | 90 | 180 | 270;
}

function pageFrame(page: PDFPage): PageFrame {
  const m = page.getMediaBox();
  const c = page.getCropBox();
  const view: [number, number, number, number] = [
    Math.max(m.x, c.x),
    Math.max(m.y, c.y),
    Math.min(m.x + m.width, c.x + c.width),
    Math.min(m.y + m.height, c.y + c.height),
  ];
  const r = ((page.getRotation().angle % 360) + 360) % 360;
  return { view, rotation: (r === 90 || r === 180 || r === 270 ? r : 0) as PageFrame['rotation'] };
}

/** Width and height of the page as displayed (rotation applied). */
function displaySize(frame: PageFrame): [number, number] {
  const w = frame.view[2] - frame.view[0];
  const h = frame.view[3] - frame.view[1];
  return frame.rotation === 90 || frame.rotation === 270 ? [h, w] : [w, h];
}

/** A point of the displayed page (top-left origin, points) in PDF user space — pdf.js's viewport at scale 1, inverted. */
export function displayToUser(frame: PageFrame, u: number, v: number): [number, number] {
  const [x0, y0, x1, y1] = frame.view;
  switch (frame.rotation) {
    case 90:
      return [x0 + v, y0 + u];
    case 180:
      return [x1 - u, y0 + v];
    case 270:
      return [x1 - v, y1 - u];
    default:
      return [x0 + u, y1 - v];
  }
}

/** QuadPoints of a displayed bbox: upper-left, upper-right, lower-left, lower-right (as seen). */
function quad(frame: PageFrame, b: BBox): number[] {
  return [
    ...displayToUser(frame, b[0], b[1]),
    ...displayToUser(frame, b[2], b[1]),
    ...displayToUser(frame, b[0], b[3]),
    ...displayToUser(frame, b[2], b[3]),
  ];
}

function boundsOf(points: number[]): [number, number, number, number] {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const overlaps = (a: BBox, b: BBox) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export function noteText(f: Finding): string {
  const zh = [`[${f.id}] ${f.message}`, arithmetic(f, 'zh')].filter(Boolean).join('\n');
  const en = [f.messageEn, arithmetic(f, 'en')].filter(Boolean).join('\n');
  return `${zh}\n${en}\n— ${ANNOTATION_AUTHOR} (${f.rule})`;
}

/** Size of a note icon, points: readers draw the icon 22 pt square whatever the rectangle (pdf.js does), unscaled (no-zoom flag). */
export const NOTE_SIZE = 22;
const NOTE_GAP = 3;

/**
 * Where a page's notes go, in displayed coordinates: in the margin beside the row of their number,
 * right of every table on the page, else left of it; failing that (a table as wide as the page),
 * in empty cells right or left of everything printed. An icon never covers a figure or another
 * note: notes of one row are set side by side outwards, then a row further down or up.
 */
export class NotePlacer {
  private placed: BBox[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
    /** Everything printed on the page, which a note must not cover. */
    private readonly printed: BBox[],
    /** Everything drawn, empty cells included: a note is best outside all of it. */
    private readonly drawn: BBox[] = printed,
  ) {}

  place(target: BBox): BBox {
    const top = Math.min(Math.max(0, target[1]), this.height - NOTE_SIZE);
    const step = NOTE_SIZE + 1;
    const edge = (boxes: BBox[], side: 'right' | 'left') =>
      side === 'right' ? Math.max(0, ...boxes.map((b) => b[2])) + NOTE_GAP : Math.min(this.width, ...boxes.map((b) => b[0])) - NOTE_GAP - NOTE_SIZE;
    const lanes: [number, 1 | -1][] = [
      [edge(this.drawn, 'right'), 1],
      [edge(this.drawn, 'left'), -1],
      [edge(this.printed, 'right'), 1],
      [edge(this.printed, 'left'), -1],
    ];
    for (const [x0, dir] of lanes) {
      for (const dy of [0, 1, -1, 2, -2, 3, 4, 5]) {
        for (let x = x0; x >= 0 && x + NOTE_SIZE <= this.width; x += dir * step) {
          const y = top + dy * step;
          if (y < 0 || y + NOTE_SIZE > this.height) break;
          const box: BBox = [x, y, x + NOTE_SIZE, y + NOTE_SIZE];
          if (!this.placed.some((p) => overlaps(p, box)) && !this.printed.some((c) => overlaps(c, box))) return this.keep(box);
        }
      }
    }
    // No free room anywhere near the row: the page's right edge, beside it.
    const x = Math.max(0, this.width - NOTE_SIZE);
    return this.keep([x, top, x + NOTE_SIZE, top + NOTE_SIZE]);
  }

  private keep(b: BBox): BBox {
    this.placed.push(b);
    return b;
  }
}

/** Boxes of what the report found printed on a page (cells with text, paragraphs, refs), and every cell drawn there. */
function pageContent(report: Report, page: number): { printed: BBox[]; drawn: BBox[] } {
  const printed: BBox[] = [];
  const drawn: BBox[] = [];
  for (const t of report.tables)
    for (const row of t.rows)
      for (const c of row) {
        if (!c || c.page !== page) continue;
        drawn.push(c.bbox);
        if (c.text.trim()) printed.push(c.bbox);
      }
  for (const p of report.paragraphs) if (p.page === page) printed.push(p.bbox);
  for (const f of report.findings) for (const r of f.refs) if (r.page === page) printed.push(r.bbox);
  return { printed, drawn: [...drawn, ...printed] };
}

// ---------------------------------------------------------------------------------------------
// Summary pages

/** Chinese text without an embedded font: STSong-Light, Adobe-GB1, codes are UCS-2 (PDF 1.7 §9.7.5.2). */
function registerChineseFont(doc: PDFDocument): PDFRef {
  const ctx = doc.context;
  const descriptor = ctx.obj({
    Type: 'FontDescriptor',
    FontName: 'STSong-Light',
    Flags: 6,
    FontBBox: [-25, -254, 1000, 880],
    ItalicAngle: 0,
    Ascent: 880,
    Descent: -120,
    CapHeight: 626,
    StemV: 93,
  });
  const cidFont = ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType0',
    BaseFont: 'STSong-Light',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 2 },
    FontDescriptor: ctx.register(descriptor),
    DW: 1000,
  });
  // Codes are Unicode (UCS-2), so the ToUnicode map is the identity, range by range of 256 codes.
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    if (hi >= 0xd8 && hi <= 0xdf) continue; // surrogates
    const h = hi.toString(16).padStart(2, '0').toUpperCase();
    ranges.push(`<${h}00> <${h}FF> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) blocks.push(`${Math.min(100, ranges.length - i)} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`);
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${blocks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const toUnicode = ctx.stream(cmap);
  const font = ctx.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: 'STSong-Light',
    Encoding: 'UniGB-UCS2-H',
    DescendantFonts: [ctx.register(cidFont)],
    ToUnicode: ctx.register(toUnicode),
  });
  return ctx.register(font);
}

/**
 * A stretch of text in one font: printable ASCII and Latin-1 (· × ±, which the GB1 Unicode map
 * lacks in part, and ‹›•€™) in Helvetica, everything else in the Chinese font.
 */
interface Run {
  chinese: boolean;
  text: string;
}

/** Signs outside Latin-1 that GB1 lacks but Helvetica has (› joins header paths). */
const LATIN_ONLY = '‹›•€™';

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const ch of text.replace(/[\t\r\n]+/g, ' ')) {
    const cp = ch.codePointAt(0)!;
    // Outside the Basic Multilingual Plane UCS-2 has no code: shown as a full-width question mark.
    const c = cp > 0xffff ? '？' : ch;
    const chinese = !((cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff) || LATIN_ONLY.includes(ch));
    const last = runs[runs.length - 1];
    if (last && last.chinese === chinese) last.text += c;
    else runs.push({ chinese, text: c });
  }
  return runs;
}

interface SummaryFonts {
  latin: PDFFont;
  chinese: PDFRef;
}

function textWidth(fonts: SummaryFonts, text: string, size: number): number {
  return runsOf(text).reduce((w, r) => w + (r.chinese ? r.text.length * size : fonts.latin.widthOfTextAtSize(r.text, size)), 0);
}

/** Greedy line breaking: between any two Chinese characters, at spaces in Latin text, or inside a word too long for a line. */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const tokens = text.replace(/\s+/g, ' ').trim().match(/[\x21-\x7e]+ ?| |[^\x20-\x7e]/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (measure((line + token).trimEnd()) <= width) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    // A word wider than the line is cut where it must be.
    while (measure(line.trimEnd()) > width && line.length > 1) {
      let k = line.length - 1;
      while (k > 1 && measure(line.slice(0, k)) > width) k--;
      lines.push(line.slice(0, k));
      line = line.slice(k);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Draws one line of mixed text at (x, y) (baseline, user space of an unrotated page). */
function drawMixed(page: PDFPage, fonts: SummaryFonts, text: string, x: number, y: number, size: number, color: [number, number, number]): void {
  const latinKey = page.node.newFontDictionary('GoujiLatin', fonts.latin.ref);
  const chineseKey = page.node.newFontDictionary('GoujiSong', fonts.chinese);
  const ops = [beginText(), setFillingRgbColor(...color), moveText(x, y)];
  for (const r of runsOf(text)) {
    if (r.chinese) {
      const hex = [...r.text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
      ops.push(setFontAndSize(chineseKey, size), showText(PDFHexString.of(hex)));
    } else {
      ops.push(setFontAndSize(latinKey, size), showText(fonts.latin.encodeText(r.text)));
    }
  }
  ops.push(endText());
  page.pushOperators(...ops);
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const COLUMNS = { number: MARGIN, severity: MARGIN + 26, page: MARGIN + 92, message: MARGIN + 124 };
const MESSAGE_WIDTH = A4[0] - MARGIN - COLUMNS.message;
const ZH_SIZE = 9;
const EN_SIZE = 7.5;
const INK: [number, number, number] = [0.1, 0.1, 0.1];
const GREY: [number, number, number] = [0.4, 0.4, 0.4];

/** A summary line's target: the page a finding is listed on and the height of its number there. */
interface SummaryTarget {
  page: PDFPage;
  /** User-space y of the top of the view, or null to show the page whole. */
  top: number | null;
}

/**
 * Lays out the summary: a heading, the counts, then one entry per finding in reading order, each a
 * link to `target`. Returns its pages, added at the end of `doc` (the caller moves them in front).
 */
function drawSummary(doc: PDFDocument, report: Report, fonts: SummaryFonts, target: (f: Finding) => SummaryTarget | null, notices: string[] = []): PDFPage[] {
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage(A4);
    pages.push(page);
    y = A4[1] - MARGIN;
  };
  const line = (text: string, x: number, size: number, color = INK) => drawMixed(page, fonts, text, x, y, size, color);
  newPage();

  y -= 16;
  line('勾稽核对摘要 · Gouji check summary', MARGIN, 16);
  y -= 18;
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const);
  const head = [
    `${report.file}${report.document.title ? ` · ${report.document.title}` : ''} · ${report.pages} 页 pages`,
    `${counts.map(([s, n]) => `${SEVERITY_LABEL[s].split(' ')[0]} ${n}`).join(' · ')}  /  ${counts.map(([s, n]) => `${n} ${SEVERITY_LABEL[s].split(' ')[1].toLowerCase()}`).join(' · ')}`,
    '页码为原文件的页码；点击一条可跳到该页，页上的批注图标在数字旁的页边。',
    'Pages are those of the original document; click an entry to go to its page, where the note icon sits in the margin beside the figure.',
  ];
  if (report.unreadPages?.length) head.push(`未能读取的页 Pages that could not be read: ${report.unreadPages.join(', ')}`);
  head.push(...notices);
  for (const [i, text] of head.entries()) {
    for (const l of wrapText(text, A4[0] - 2 * MARGIN, (s) => textWidth(fonts, s, i < 2 ? ZH_SIZE : EN_SIZE))) {
      line(l, MARGIN, i < 2 ? ZH_SIZE : EN_SIZE, i < 2 ? INK : GREY);
      y -= (i < 2 ? ZH_SIZE : EN_SIZE) + 4;
    }
  }
  y -= 8;
  const header = () => {
    line('#', COLUMNS.number, EN_SIZE, GREY);
    line('级别 Severity', COLUMNS.severity, EN_SIZE, GREY);
    line('页 Page', COLUMNS.page, EN_SIZE, GREY);
    line('说明 Message', COLUMNS.message, EN_SIZE, GREY);
    page.drawLine({ start: { x: MARGIN, y: y - 3 }, end: { x: A4[0] - MARGIN, y: y - 3 }, thickness: 0.5, color: rgb(...GREY) });
    y -= EN_SIZE + 8;
  };
  header();
  if (!report.findings.length) line('未发现问题。No findings.', COLUMNS.message, ZH_SIZE);

  sortFindings(report.findings).forEach((f, i) => {
    const zh = wrapText(f.message, MESSAGE_WIDTH, (s) => textWidth(fonts, s, ZH_SIZE));
    const en = f.messageEn ? wrapText(f.messageEn, MESSAGE_WIDTH, (s) => textWidth(fonts, s, EN_SIZE)) : [];
    // At least two lines: the severity is written in Chinese over English.
    const height = Math.max(zh.length * (ZH_SIZE + 3) + en.length * (EN_SIZE + 3), ZH_SIZE + EN_SIZE + 6) + 4;
    if (y - height < MARGIN) {
      newPage();
      header();
    }
    const top = y + ZH_SIZE;
    const color = COLORS[f.severity] ?? COLORS.info;
    page.drawRectangle({ x: COLUMNS.severity, y: y - 1, width: 6, height: 6, color: rgb(...color) });
    line(String(i + 1), COLUMNS.number, ZH_SIZE);
    line(SEVERITY_LABEL[f.severity].split(' ')[0], COLUMNS.severity + 9, ZH_SIZE);
    y -= ZH_SIZE + 3;
    line(SEVERITY_LABEL[f.severity].split(' ')[1], COLUMNS.severity + 9, EN_SIZE, GREY);
    y += ZH_SIZE + 3;
    const pageNo = findingPage(f);
    line(pageNo ? String(pageNo) : '—', COLUMNS.page, ZH_SIZE);
    for (const l of zh) {
      line(l, COLUMNS.message, ZH_SIZE);
      y -= ZH_SIZE + 3;
    }
    for (const l of en) {
      line(l, COLUMNS.message, EN_SIZE, GREY);
      y -= EN_SIZE + 3;
    }
    y = Math.min(y, top - ZH_SIZE - (ZH_SIZE + EN_SIZE + 6)) - 4;
    const to = target(f);
    if (to) {
      const dest = to.top === null ? [to.page.ref, 'Fit'] : [to.page.ref, 'XYZ', null, to.top, null];
      const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [MARGIN, y + 2, A4[0] - MARGIN, top + 1], Border: [0, 0, 0], Dest: dest });
      page.node.addAnnot(doc.context.register(link));
    }
  });
  return pages;
}

/** Moves the summary pages in front and labels pages so the originals keep their numbers 1, 2, …. */
function moveSummaryToFront(doc: PDFDocument, summary: PDFPage[]): void {
  const originals = doc.getPageCount() - summary.length;
  for (const [i, p] of summary.entries()) {
    doc.removePage(originals + i);
    doc.insertPage(i, p);
  }
  const ctx = doc.context;
  const k = summary.length;
  const nums: unknown[] = [0, { S: 'D', P: PDFHexString.fromText('摘要 ') }];
  // The original's own labels (a flat number tree) move up by the summary's pages.
  const existing = doc.catalog.lookupMaybe(PDFName.of('PageLabels'), PDFDict);
  const oldNums = existing?.lookupMaybe(PDFName.of('Nums'), PDFArray);
  const shifted: unknown[] = [];
  if (oldNums) {
    for (let i = 0; i + 1 < oldNums.size(); i += 2) {
      const index = oldNums.lookup(i, PDFNumber).asNumber();
      shifted.push(index + k, oldNums.get(i + 1));
    }
  }
  if (!shifted.length || shifted[0] !== k) nums.push(k, { S: 'D' });
  nums.push(...shifted);
  doc.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: nums as never }));
}

export interface AnnotatedPdfResult {
  bytes: Uint8Array;
  highlights: number;
  notes: number;
  /** Pages of the summary put in front of the original pages. */
  summaryPages: number;
}

/**
 * The summary alone, for an encrypted original: pdf-lib cannot decrypt it, and anything added to
 * its pages would be read through the document's encryption, i.e. garbled.
 */
async function summaryOnly(report: Report): Promise<AnnotatedPdfResult> {
  const doc = await PDFDocument.create();
  const fonts: SummaryFonts = { latin: await doc.embedFont(StandardFonts.Helvetica), chinese: registerChineseFont(doc) };
  const notices = ['原文件已加密，无法在其页面上加批注；此文件只含核对摘要。', 'The original is encrypted, so its pages cannot be annotated; this file holds the summary only.'];
  const summary = drawSummary(doc, report, fonts, () => null, notices);
  return { bytes: await doc.save({ useObjectStreams: false }), highlights: 0, notes: 0, summaryPages: summary.length };
}

export async function annotatedPdf(original: Uint8Array, report: Report): Promise<AnnotatedPdfResult> {
  const doc = await PDFDocument.load(original, { ignoreEncryption: true, updateMetadata: false });
  if (doc.isEncrypted) return summaryOnly(report);
  const pages = doc.getPages();
  const ctx = doc.context;
  let highlights = 0;
  let notes = 0;
  const placers = new Map<number, NotePlacer>();
  const placer = (pageNo: number) => {
    let p = placers.get(pageNo);
    if (!p) {
      const [w, h] = displaySize(pageFrame(pages[pageNo - 1]));
      const { printed, drawn } = pageContent(report, pageNo);
      placers.set(pageNo, (p = new NotePlacer(w, h, printed, drawn)));
    }
    return p;
  };
  // Notes are placed top to bottom, so those of one row end up side by side in its margin.
  for (const f of sortFindings(report.findings)) {
    const color = COLORS[f.severity] ?? COLORS.info;
    const contents = PDFHexString.fromText(noteText(f));
    const byPage = new Map<number, BBox[]>();
    for (const r of f.refs) {
      if (r.page < 1 || r.page > pages.length) continue;
      byPage.set(r.page, [...(byPage.get(r.page) ?? []), r.bbox]);
    }
    for (const [pageNo, boxes] of byPage) {
      const page = pages[pageNo - 1];
      const frame = pageFrame(page);
      const quads = boxes.flatMap((b) => quad(frame, [b[0] - 1, b[1] - 1, b[2] + 1, b[3] + 1]));
      const rect = boundsOf(quads);
      const annot = ctx.obj({
        Type: 'Annot',
        Subtype: 'Highlight',
        Rect: rect,
        QuadPoints: quads,
        C: color,
        CA: 0.45,
        F: 4,
        T: PDFHexString.fromText(ANNOTATION_AUTHOR),
        NM: PDFHexString.fromText(`gouji-${f.id}-p${pageNo}`),
        Contents: contents,
      });
      page.node.addAnnot(ctx.register(annot));
      highlights++;
    }
    // The note goes where the summary lists the finding: its anchor (a narrative finding's sentence).
    const primary = anchorRef(f);
    if (primary && primary.page >= 1 && primary.page <= pages.length) {
      const page = pages[primary.page - 1];
      const frame = pageFrame(page);
      const at = placer(primary.page).place(primary.bbox);
      const note = ctx.obj({
        Type: 'Annot',
        Subtype: 'Text',
        Rect: boundsOf(quad(frame, at)),
        Name: 'Comment',
        Open: false,
        C: color,
        F: 4 | 8 | 16, // print, no-zoom, no-rotate
        T: PDFHexString.fromText(ANNOTATION_AUTHOR),
        NM: PDFHexString.fromText(`gouji-${f.id}-note`),
        Contents: contents,
      });
      page.node.addAnnot(ctx.register(note));
      notes++;
    }
  }

  const fonts: SummaryFonts = { latin: await doc.embedFont(StandardFonts.Helvetica), chinese: registerChineseFont(doc) };
  const summary = drawSummary(doc, report, fonts, (f) => {
    const pageNo = findingPage(f);
    if (pageNo < 1 || pageNo > pages.length) return null;
    const page = pages[pageNo - 1];
    const frame = pageFrame(page);
    const ref = f.refs.find((r) => r.page === pageNo);
    if (frame.rotation !== 0 || !ref) return { page, top: null };
    return { page, top: displayToUser(frame, 0, Math.max(0, ref.bbox[1] - 40))[1] };
  });
  moveSummaryToFront(doc, summary);
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, highlights, notes, summaryPages: summary.length };
}
