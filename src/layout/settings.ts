/**
 * Every layout tolerance in one place, in PDF points unless said otherwise. Defaults are tuned
 * on Chromium, WPS and Word output of disclosure tables (0.5–1 pt rules, 8–12 pt text).
 */
export const LAYOUT_SETTINGS = {
  /** Rules whose positions differ by at most this are snapped onto one line. */
  snapTolerance: 2,
  /** Collinear rule segments with gaps up to this are joined into one edge. */
  joinTolerance: 3,
  /** An edge ends this close to another and still meets it. */
  intersectionTolerance: 2.5,
  /** Edges shorter than this do not take part in grids. */
  minEdgeLength: 3,
  /** A frame whose vertical borders end this far beyond its last rule is open there (continuation page): a rule is made up at their ends. */
  openFrameMinGap: 6,
  /** A cell smaller than this (either side) is a drawing artefact, not a cell. */
  minCellSize: 2,
  /** Grid rows/columns thinner than this are the gap inside a double rule and are folded away. */
  minBandSize: 4,
  /** A ruled grid needs at least this many rows and columns to be a table. */
  minGridRows: 2,
  minGridCols: 2,
  /** Runs on one line overlap vertically by at least this share of the smaller height. */
  lineOverlap: 0.5,
  /** Between Latin/digit runs, a gap wider than this share of the font size is a space. */
  spaceGap: 0.25,
  /** Single characters drawn one by one at an even pitch, gaps up to this many font sizes, are one word. */
  spreadGap: 1.5,
  /** Unruled tables: a gap wider than this many font sizes separates two cells on a line. */
  cellGap: 1.2,
  /** …but a figure (an amount) is a cell of its own after a gap wider than this many font sizes. */
  figureGap: 0.6,
  /** Ruled frames missing rules: a made-up column border stands this far from a flush text edge… */
  virtualBorderMargin: 3,
  /** …and a partial rule (under a spanning header) covers a column when it reaches this close to its sides. */
  partialRuleTolerance: 3,
  /** A ruled table going on without a repeated header keeps its column borders within this (points, or share of its width). */
  continuationBorderTolerance: 6,
  continuationBorderShare: 0.02,
  /** A figure wrapped inside a narrow ruled cell: its two pieces fill at least this share of the column's width. */
  wrappedFigureFill: 0.5,
  /** Tables ruled between rows only: at least this many horizontal rules of one extent, no vertical rule. */
  minRowRules: 4,
  /** Unruled tables: a label wraps onto at most this many lines besides its figures' line… */
  maxWrappedLines: 4,
  /** …each closer than this many font sizes under the line before it. */
  wrapLineGap: 1.5,
  /**
   * Between two rows of figures of a table with centred names: the lower half of the one row's
   * names and the upper half of the next's, at most this many lines (names wrapped two characters
   * a line in a narrow column run to 7 lines, 3 on each side of their figures).
   */
  maxLinesBetweenRows: 8,
  /** Lines of a prose column (绩效目标) between two rows of figures, beside them. */
  maxProseLines: 16,
  /** Unruled tables: a block needs at least this many rows with 3+ cells. */
  minAlignedRows: 3,
  /** How far above a table (points) its title and unit lines are looked for. */
  captionDistance: 80,
  /** Paragraph lines further apart than this many font sizes start a new paragraph. */
  paragraphGap: 1.0,
  /** Page-number lines are looked for within this distance of the top/bottom edge… */
  marginBand: 70,
  /** …or within this share of the page's height, when larger (A4 portrait: 101 pt; a footer 76 pt up). */
  marginBandShare: 0.12,
} as const;

export type LayoutSettings = typeof LAYOUT_SETTINGS;
