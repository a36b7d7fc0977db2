/**
 * Layout: per-page text runs and ruling lines → text lines, tables and paragraphs for the
 * whole document.
 */
import type { PageContent } from '../pdf/types';
import type { DocumentLayout } from './types';

export function buildLayout(pages: PageContent[]): DocumentLayout {
  return { pages: pages.map((p) => ({ page: p.page, width: p.width, height: p.height })), tables: [], paragraphs: [] };
}
