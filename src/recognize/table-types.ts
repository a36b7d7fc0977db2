/**
 * Table types of 部门预算 / 部门决算 disclosures, read from the title (and the header texts when
 * the title is missing). Wording and numbering vary by province and year; the patterns below
 * look for the words that name each table, not for one template.
 */

export type TableType =
  | 'IncomeExpenditureSummary'
  | 'IncomeSummary'
  | 'ExpenditureSummary'
  | 'FiscalAppropriationSummary'
  | 'GeneralBudgetExpenditure'
  | 'GeneralBudgetBasicExpenditure'
  | 'ThreePublicExpenses'
  | 'GovernmentFundExpenditure'
  | 'StateCapitalExpenditure'
  | 'ProjectExpenditure'
  | 'OperatingCost'
  | 'GovernmentProcurement'
  | 'PerformanceTarget';

/** 决算 公开01–09表 by number, used when the title carries the number. */
const FINAL_BY_NUMBER: Record<string, TableType> = {
  '01': 'IncomeExpenditureSummary',
  '02': 'IncomeSummary',
  '03': 'ExpenditureSummary',
  '04': 'FiscalAppropriationSummary',
  '05': 'GeneralBudgetExpenditure',
  '06': 'GeneralBudgetBasicExpenditure',
  '07': 'ThreePublicExpenses',
  '08': 'GovernmentFundExpenditure',
  '09': 'StateCapitalExpenditure',
};

const RULES: [RegExp, TableType][] = [
  [/绩效/, 'PerformanceTarget'],
  [/三公/, 'ThreePublicExpenses'],
  [/(机关|机构)运行经费/, 'OperatingCost'],
  [/政府采购/, 'GovernmentProcurement'],
  [/政府性?基金/, 'GovernmentFundExpenditure'],
  [/国有资本经营/, 'StateCapitalExpenditure'],
  [/财政拨款收(入)?支(出)?(决算|预算)?总表|财政拨款收支/, 'FiscalAppropriationSummary'],
  [/基本支出/, 'GeneralBudgetBasicExpenditure'],
  [/一般公共预算.*支出/, 'GeneralBudgetExpenditure'],
  [/(项目|专项业务经费)支出/, 'ProjectExpenditure'],
  [/收(入)?支(出)?(决算|预算)?总表|收支预算表|收支总表/, 'IncomeExpenditureSummary'],
  [/收入(决算|预算)?(总)?表/, 'IncomeSummary'],
  [/支出(决算|预算)?(总)?表/, 'ExpenditureSummary'],
];

/** Type from a table title such as `公开04表 财政拨款收入支出决算总表` or `2022年部门支出预算表`. */
export function tableTypeFromTitle(title: string): TableType | null {
  // A caption sometimes carries the sentence before it: the table's name is the last clause.
  const t = (title.normalize('NFKC').replace(/\s+/g, '').split(/[。；;]/).pop() ?? '').trim();
  if (!t) return null;
  for (const [re, type] of RULES) if (re.test(t)) return type;
  const m = /公开0?([1-9])表/.exec(t);
  if (m) return FINAL_BY_NUMBER['0' + m[1]] ?? null;
  return null;
}

/** Fallback from the header texts when the title is missing or says nothing (a page without caption). */
export function tableTypeFromHeaders(headers: string[]): TableType | null {
  const h = headers.join('|').normalize('NFKC').replace(/\s+/g, '');
  if (/一级指标|绩效/.test(h)) return 'PerformanceTarget';
  // Two sides headed 收入 and 支出 (short header cells, not words inside a sentence).
  const tops = headers.map((x) => x.normalize('NFKC').replace(/\s+/g, '').split('›')[0]);
  const sided = tops.some((t) => /^收入.{0,4}$/.test(t)) && tops.some((t) => /^支出.{0,4}$/.test(t));
  if (sided && /(项目|科目)/.test(h)) {
    if (/一般公共预算/.test(h) && /政府性基金/.test(h) && !/事业收入/.test(h)) return 'FiscalAppropriationSummary';
    return 'IncomeExpenditureSummary';
  }
  if (/三公|因公出国/.test(h)) return 'ThreePublicExpenses';
  if (/人员经费/.test(h) && /公用经费/.test(h) && /经济分类/.test(h)) return 'GeneralBudgetBasicExpenditure';
  return null;
}
