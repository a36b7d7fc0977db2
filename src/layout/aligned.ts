/** Tables without (some) ruling lines: columns from the alignment of text. */
import type { PageContent } from '../pdf/types';
import type { PageTable } from './cells';
import type { TextLine } from './types';

export function findAlignedTables(_lines: TextLine[], _content: PageContent): PageTable[] {
  return [];
}
