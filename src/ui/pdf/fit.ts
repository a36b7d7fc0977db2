/** The scale each page of the page viewer is drawn at. */
import type { PageSize } from './display';

/** Below this width (px) the view is a phone's. */
export const NARROW_VIEW = 600;

/**
 * Each page's scale at a zoom: at 100 % every page is as wide as the view (less its margins), so a
 * document that mixes A4 portrait narrative, A4 landscape tables and A3 sheets shows each page
 * filling the view — fitted to the widest page, the narrative pages of such a document were drawn
 * at half the view's width. On a phone, every page at the usual (median) page's scale instead:
 * portrait text stays readable and a landscape table scrolls sideways. Between 0.2 and 3 before
 * the zoom; rounded to three places (a canvas is drawn again only when its scale changes).
 */
export function pageScales(sizes: readonly PageSize[], viewWidth: number, zoom: number, margin: number): number[] {
  if (!sizes.length) return [];
  const widths = sizes.map((s) => s.width).sort((a, b) => a - b);
  const usual = widths[Math.floor(widths.length / 2)];
  return sizes.map((s) => {
    const fit = Math.min(3, Math.max(0.2, (viewWidth - 2 * margin) / (viewWidth >= NARROW_VIEW ? s.width : usual)));
    return Math.round(fit * zoom * 1000) / 1000;
  });
}
