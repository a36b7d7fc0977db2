/**
 * The contract every rule module implements. Rules are small, independent modules registered
 * in one list (src/rules/registry.ts); adding a rule must not require touching the others.
 */
import type { DocumentLayout } from '../layout/types';
import type { DocumentInfo } from '../report/build';
import type { Finding, Severity, UncheckedTable } from '../report/types';
import type { RecognizedTable } from '../recognize/tables';
import type { NarrativeStatement } from '../recognize/narrative';

export interface CheckContext {
  layout: DocumentLayout;
  document: DocumentInfo;
  /** Every rebuilt table with its recognised type, rows and columns. */
  tables: RecognizedTable[];
  /** Amounts, shares, changes … read from the text outside tables. */
  narrative: NarrativeStatement[];
}

/** A finding before the engine numbers it (ids are assigned once all rules ran). */
export type DraftFinding = Omit<Finding, 'id'>;

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
}

export type { Severity };
