/**
 * An annotated copy of the checked PDF: for every finding, a highlight annotation over its
 * numbers on each page they stand on, and a note (text annotation) beside the primary number
 * carrying the message and arithmetic, so the reviewer can send the draft back to its author.
 */
import { PDFDocument, PDFHexString, type PDFPage } from 'pdf-lib';
import type { Finding, Report, Severity } from '../report/types';
import type { BBox } from '../pdf/types';
import { arithmetic } from './describe';

export const ANNOTATION_AUTHOR = '勾稽 Gouji';

const COLORS: Record<Severity, [number, number, number]> = {
  error: [0.93, 0.26, 0.21],
  warning: [0.98, 0.67, 0.08],
  info: [0.25, 0.52, 0.96],
};

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

export function noteText(f: Finding): string {
  const zh = [`[${f.id}] ${f.message}`, arithmetic(f, 'zh')].filter(Boolean).join('\n');
  const en = [f.messageEn, arithmetic(f, 'en')].filter(Boolean).join('\n');
  return `${zh}\n${en}\n— ${ANNOTATION_AUTHOR} (${f.rule})`;
}

export interface AnnotatedPdfResult {
  bytes: Uint8Array;
  highlights: number;
  notes: number;
}

export async function annotatedPdf(original: Uint8Array, report: Report): Promise<AnnotatedPdfResult> {
  const doc = await PDFDocument.load(original, { ignoreEncryption: true, updateMetadata: false });
  const pages = doc.getPages();
  const ctx = doc.context;
  let highlights = 0;
  let notes = 0;
  for (const f of report.findings) {
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
    const primary = f.refs[0];
    if (primary && primary.page >= 1 && primary.page <= pages.length) {
      const page = pages[primary.page - 1];
      const frame = pageFrame(page);
      const b = primary.bbox;
      const [x, y] = displayToUser(frame, b[2] + 2, b[1]);
      const note = ctx.obj({
        Type: 'Annot',
        Subtype: 'Text',
        Rect: [x, y - 18, x + 18, y],
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
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, highlights, notes };
}
