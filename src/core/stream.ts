/**
 * Findings shown before the end of an analysis. Pages arrive in any order (several workers read
 * them); once pages 1..k are all in, every table that ends before page k can no longer grow (only
 * a page's last table runs on to the next page), and its ids are final (tables are numbered in
 * page order). Such a table is checked on its own, as the final check will (the tables that come
 * final with the last page are left to that check, which follows at once): its reading is
 * proved by the rules inside one table (sums, 类/款/项, identities), which read nothing outside it.
 *
 * Only findings that nothing later can change are streamed: from a confirmed table, with the
 * blamed cells named (`suspects`; a finding without them may later have its figures reordered
 * when another table corroborates one), and not grouped with another finding. Cross-table,
 * narrative and document-level rules wait for the end. Later evidence may attach a streamed
 * finding to a group; it never removes it nor changes its `key`.
 */
import { joinedLayout, type PageLayout } from '../layout';
import { ContinuationMerger } from '../layout/continuation';
import type { DocumentLayout } from '../layout/types';
import { recognitionCache, recognizeDocument, type RecognitionCache } from '../recognize';
import type { Finding } from '../report/types';
import { runChecks } from '../rules/engine';
import { RULES } from '../rules/registry';
import type { RuleFamily } from '../rules/types';
import type { PageOutcome } from './analyze';

/** The rule families that read one table alone (the engine's table families). */
const ONE_TABLE_FAMILIES = new Set<RuleFamily>(['sum', 'hierarchy', 'identity']);
const ONE_TABLE_RULES = RULES.filter((r) => ONE_TABLE_FAMILIES.has(r.family));

export interface EarlyFindings {
  findings: Finding[];
  /** Tables checked so far (all of them final). */
  tablesChecked: number;
}

export class StreamingChecker {
  private readonly outcomes = new Map<number, PageOutcome>();
  /** Pages 1..prefix are all in. */
  private prefix = 0;
  private tablesChecked = 0;
  private streamed = 0;
  private readonly merger = new ContinuationMerger();
  private readonly pages: { page: number; width: number; height: number }[] = [];
  /** The pages read, in order, as the merger took them. */
  private readonly layouts: PageLayout[] = [];
  /** The tables checked here, recognised: the final check reuses them. */
  readonly cache: RecognitionCache = recognitionCache();

  constructor(
    private readonly numPages: number,
    private readonly onFindings: (early: EarlyFindings) => void,
  ) {}

  /** Records one page; checks the tables it makes final and reports their safe findings. */
  add(outcome: PageOutcome): void {
    this.outcomes.set(outcome.page, outcome);
    const before = this.prefix;
    while (this.outcomes.has(this.prefix + 1)) {
      const o = this.outcomes.get(++this.prefix)!;
      // Pages join in order, each once; an unread page is left out (it breaks a continuation).
      if (o.layout) {
        this.merger.add(o.layout);
        this.layouts.push(o.layout);
        this.pages.push({ page: o.page, width: o.layout.width, height: o.layout.height });
      }
    }
    // Once every page is in, the report is made next and checks every table: checking the last
    // ones here as well would do that work twice (with the pages of two workers' runs, often half
    // the document's tables come final at this very moment).
    if (this.prefix === before || this.prefix === this.numPages) return;
    const tables = this.merger.tables;
    let final = this.tablesChecked;
    while (final < tables.length && tables[final].pages[tables[final].pages.length - 1] < this.prefix) final++;
    if (final <= this.tablesChecked) return;
    const fresh = tables.slice(this.tablesChecked, final);
    this.tablesChecked = final;
    const checks = runChecks(recognizeDocument({ pages: this.pages, tables: fresh, paragraphs: [] }, this.cache), { rules: ONE_TABLE_RULES });
    const findings = checks.findings
      .filter((f) => f.suspects.length > 0 && f.group === undefined && f.refs.every((r) => r.tableId !== undefined))
      // Ids are given in page order at the end; until then a streamed finding has its own.
      .map((f) => ({ ...f, id: `early${++this.streamed}` }));
    this.onFindings({ findings, tablesChecked: this.tablesChecked });
  }

  /**
   * Once every page is in: the document as joined here page by page — the same tables (the same
   * objects the streamed checks recognised) and paragraphs as assembleLayout over every page.
   */
  layout(): DocumentLayout | null {
    if (this.prefix !== this.numPages) return null;
    return joinedLayout(this.layouts, this.merger);
  }

  /** Every page recorded so far, in page order. */
  all(): PageOutcome[] {
    return [...this.outcomes.values()].sort((a, b) => a.page - b.page);
  }
}
