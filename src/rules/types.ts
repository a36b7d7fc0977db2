/**
 * The contract every rule module implements. Rules are small, independent modules registered
 * in one list (src/rules/registry.ts); adding a rule must not require touching the others.
 */
import type { DocumentLayout } from '../layout/types';
import type { DocumentInfo } from '../recognize/document';
import type { Finding, ReadingEvidence, Severity, UncheckedTable } from '../report/types';
import type { RecognizedTable } from '../recognize/tables';
import type { NarrativeStatement } from '../recognize/narrative';
import type { TableReading } from '../recognize/reading';
import type { DocumentPart, Statement } from '../recognize/statement';

export interface CheckContext {
  layout: DocumentLayout;
  document: DocumentInfo;
  /** The tables whose reading is confirmed (or implies no identity): the only ones whose cells rules read. */
  tables: RecognizedTable[];
  /** The confirmed readings of those tables (their identities, suspects and findings). */
  readings: TableReading[];
  /** Every recognised table, confirmed or not: for rules that only read titles (目录 vs tables). Defaults to `tables`. */
  allTables?: RecognizedTable[];
  /** Amounts, shares, changes … read from the text outside tables. */
  narrative: NarrativeStatement[];
  /** The narrative's figures as statements (subject, measure, basis, scope); built from `narrative` when absent. */
  statements?: Statement[];
  /** The document's 单位 parts (none: one part). */
  parts?: DocumentPart[];
}

/** A finding before the engine numbers it (ids are assigned once all rules ran). */
export type DraftFinding = Omit<Finding, 'id' | 'key' | 'anchor' | 'suspects'> & {
  /** A rule may name its subject's key (narrative: the statement's subject); else the engine derives it. */
  key?: string;
  anchor?: number;
  suspects?: number[];
};

export interface Rule {
  /** Stable id, e.g. `sum.column`, `hierarchy.function-code`; its prefix is the rule family. */
  id: string;
  family: RuleFamily;
  /** One line of Chinese and English: the identity the rule checks. */
  title: string;
  titleEn: string;
  check(ctx: CheckContext): DraftFinding[];
}

export type RuleFamily =
  | 'sum'
  | 'hierarchy'
  | 'identity'
  | 'cross-table'
  | 'narrative'
  | 'narrative-arithmetic'
  | 'classification'
  | 'consistency'
  | 'wording'
  | 'rounding';

export interface CheckResult {
  tableTypes: Map<string, string>;
  findings: Finding[];
  unchecked: UncheckedTable[];
  /** Each table's reading evidence, by table id. */
  readings: Map<string, ReadingEvidence>;
}

export type { Severity };
