/**
 * Narrative statements read from the text outside tables. Placeholder contract; the checks
 * issue fills it in.
 */
import type { Paragraph } from '../layout/types';

export interface NarrativeStatement {
  kind: string;
  paragraph: Paragraph;
  text: string;
}

export function readNarrative(_paragraphs: Paragraph[]): NarrativeStatement[] {
  return [];
}
