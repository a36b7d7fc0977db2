/**
 * The rules that report what a table's confirmed reading found wrong. The identities themselves
 * (合计列 = 所汇总各列之和, 合计行 = 各项之和, 类 = Σ款 = Σ项, 收支平衡, 结转结余 …) are stated and the
 * reading is confirmed in recognition (src/recognize/reading); each rule here lists the findings
 * of its own identities: one per suspect cell with every failing identity as its evidence, or each
 * failing identity naming its candidates when the arithmetic cannot tell, and the 尾差 inside the
 * printed precision.
 */
import type { IdentitySource } from '../recognize/reading';
import { columnSums } from '../recognize/reading/sources/column-sums';
import { rowSums } from '../recognize/reading/sources/row-sums';
import { codeHierarchy } from '../recognize/reading/sources/code-hierarchy';
import { numberedHierarchy } from '../recognize/reading/sources/numbered-hierarchy';
import { summaryIdentities } from '../recognize/reading/sources/summary';
import { carryOver } from '../recognize/reading/sources/carry-over';
import type { DraftFinding, Rule } from './types';

function identityRule(source: IdentitySource): Rule {
  return {
    id: source.id,
    family: source.family,
    title: source.title,
    titleEn: source.titleEn,
    check(ctx) {
      const out: DraftFinding[] = [];
      for (const r of ctx.readings) {
        if (!r.localisation.confirmed) continue;
        for (const { source: from, rowsMissing: _, ...finding } of r.findings) if (from === source.id) out.push(finding);
      }
      return out;
    },
  };
}

export const sumColumns = identityRule(columnSums);
export const sumRows = identityRule(rowSums);
export const hierarchyCodes = identityRule(codeHierarchy);
export const hierarchyNumbered = identityRule(numberedHierarchy);
export const identitySummary = identityRule(summaryIdentities);
export const identityCarryOver = identityRule(carryOver);
