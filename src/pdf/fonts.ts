/**
 * Fonts for a pdf.js that only reads. Analysis takes text and ruling lines from pdf.js and never
 * draws a glyph. Told that fonts cannot be loaded into a document (`disableFontFace`), pdf.js
 * builds the outline of every glyph an operator list shows and posts each one to the document
 * side as a FontPath object: on a real disclosure a tenth to a quarter of reading its pages.
 * Told instead that fonts can be loaded, it hands each font to the document's FontFace set and
 * builds no outline: here a stand-in set and FontFace that load nothing, used only in a realm
 * that draws nothing (Node; an analysis worker). Text and operator lists are the same either way.
 */
import { TEXT_ONLY_FONTS_FLAG } from './text-only-fonts';

/** A FontFace that loads nothing: pdf.js only awaits `loaded`. */
export class StandInFontFace {
  readonly loaded: Promise<StandInFontFace>;
  constructor(readonly family: string) {
    this.loaded = Promise.resolve(this);
  }
}

/** The document pdf.js loads fonts into (its `ownerDocument`): a font set that keeps nothing. */
export const STAND_IN_FONT_DOCUMENT = { fonts: { add(): void {}, delete(): void {} } };

/**
 * Makes FontFace the stand-in in this realm, and tells pdf.js here (where the app's build changed
 * it: see text-only-fonts) to leave unparsed the font programs the text does not depend on. Only
 * where nothing is drawn with fonts.
 */
export function useStandInFontFace(): void {
  (globalThis as { FontFace?: unknown }).FontFace = StandInFontFace;
  (globalThis as Record<string, unknown>)[TEXT_ONLY_FONTS_FLAG] = true;
}

/** Whether pdf.js here may be told fonts load (they go to the stand-in, glyph outlines are not built). */
export function fontsStandIn(): boolean {
  return (globalThis as { FontFace?: unknown }).FontFace === StandInFontFace;
}
