/**
 * The one list of rules. Each rule is a small module; add a line here to register a new one.
 */
import type { Rule } from './types';
import { narrativeShare } from './narrative-share';
import { narrativeGrowth } from './narrative-growth';
import { narrativeCompletion } from './narrative-completion';
import { narrativeComponents } from './narrative-components';
import { classificationCodeName } from './classification-code-name';
import { classificationPath } from './classification-path';
import { narrativeVsTable } from './narrative-vs-table';
import { wordingPlaceholders } from './wording-placeholders';
import { wordingDoubled } from './wording-doubled';
import { wordingPercentSign } from './wording-percent-sign';
import { wordingDepartmentName } from './wording-department-name';
import { wordingYear } from './wording-year';
import { consistencyDirection } from './consistency-direction';
import { consistencyToc } from './consistency-toc';
import { consistencyEmptyTable } from './consistency-empty-table';
import { narrativeCounts } from './narrative-counts';
import { wordingUnit } from './wording-unit';
import { hierarchyCodes, hierarchyNumbered, identityCarryOver, identitySummary, sumColumns, sumRows } from './table-identities';
import { identityPersonnel } from './identity-personnel';
import { crossTableQuantities } from './cross-table-quantities';
import { crossTableThreePublic } from './cross-table-three-public';
import { narrativeSameChange } from './narrative-same-change';
import { narrativeChangeParts } from './narrative-change-parts';
import { consistencyReasonDirection } from './consistency-reason-direction';
import { wordingCopiedReason } from './wording-copied-reason';

export const RULES: Rule[] = [
  sumColumns,
  sumRows,
  hierarchyCodes,
  hierarchyNumbered,
  identitySummary,
  identityCarryOver,
  identityPersonnel,
  crossTableQuantities,
  crossTableThreePublic,
  narrativeShare,
  narrativeGrowth,
  narrativeSameChange,
  narrativeChangeParts,
  narrativeCompletion,
  narrativeComponents,
  classificationCodeName,
  classificationPath,
  narrativeVsTable,
  wordingPlaceholders,
  wordingDoubled,
  wordingPercentSign,
  wordingDepartmentName,
  wordingYear,
  consistencyDirection,
  consistencyReasonDirection,
  wordingCopiedReason,
  consistencyToc,
  consistencyEmptyTable,
  narrativeCounts,
  wordingUnit,
];
