/**
 * The budget model of one department: every amount is a Decimal in 元, drawn from a seeded PRNG
 * and built so that every identity of a 部门预算 disclosure holds exactly. Tables and narrative
 * are derived from it (see render.ts); nothing is stored twice.
 */
import { BUREAUS, REGIONS, classOf, economicName, functionName, sectionOf, type BureauTemplate } from './catalog';
import { Decimal, ZERO, round, sum } from './money';
import { Rng } from './prng';

export type TableUnit = '万元' | '元';

/**
 * How the tables are drawn (see README.md, “Layout variants”). Every variant prints the same
 * model; 'whole-yuan' also draws its amounts to the 分 and prints them in whole 元.
 */
export type Layout = 'ruled' | 'hrules-wrapped' | 'indented-codes' | 'wps-split-codes' | 'whole-yuan' | 'filled-rules';
export const LAYOUTS: readonly Layout[] = ['ruled', 'hrules-wrapped', 'indented-codes', 'wps-split-codes', 'whole-yuan', 'filled-rules'];

export interface GenerateOptions {
  /** 部门预算 (default) or 部门决算. */
  kind?: '预算' | '决算';
  /** Budget year; default drawn from 2022–2025. */
  year?: number;
  /** Unit of the tables (the narrative is always in 万元). Default 万元. */
  unit?: TableUnit;
  /** Bureau template name, e.g. '文化和旅游局'. Default drawn. */
  bureau?: string;
  /** Region prefix, e.g. '城关区'. Default drawn. */
  region?: string;
  /** Whether part of the spending is funded by 上年结转. Default drawn. */
  carryOver?: boolean;
  /** Whether part of the spending is funded by 事业收入/其他收入. Default drawn. */
  otherIncome?: boolean;
  /** Table amounts with thousands separators (1,767.85). Default drawn (1 in 4). */
  thousands?: boolean;
  /** Whether the bureau has 政府性基金预算拨款 (彩票公益金) projects, when its template has any. Default drawn. */
  govFund?: boolean;
  /**
   * 预算 only: the department has no subordinate institution and the document also publishes its
   * 本级 unit's copy of every table (单位预算…, identical figures), as one-unit departments do.
   * Default false.
   */
  unitCopies?: boolean;
  /**
   * Layout variant of the tables (default 'ruled'). 'whole-yuan' forces unit 元, draws every amount
   * to the 分 and prints table figures in whole 元, each rounded half-up from its exact value.
   */
  layout?: Layout;
  /**
   * How the 说明 is worded (default 0, the original wording; `PHRASINGS` lists them): every
   * narrative statement has a form per phrasing — word order, connectors (其中 / 包括 / 主要用于 /
   * 分别为), numbered lists, a closing 合计, 比上年 / 较上年 / 与上年相比 … (see render.ts). Choices
   * inside a phrasing (e.g. 万 for 万元 in phrasing 2) are drawn from the seed.
   */
  phrasing?: number;
}

/** The wordings of the 说明 (`phrasing` option). */
export const PHRASINGS = [0, 1, 2] as const;

export interface BasicLine {
  /** 7-digit function code (项) the line is booked to. */
  item: string;
  /** 5-digit economic code. */
  econ: string;
  amount: Decimal;
  /** Administrative body (机关) or a subordinate institution (事业单位). */
  unit: 'admin' | 'inst';
}

export type FundingSource = 'gp' | 'carry' | 'other' | 'fund';

export interface Project {
  name: string;
  unitName: string;
  kind: '其他运转类' | '特定目标类';
  item: string;
  econ: string;
  source: FundingSource;
  amount: Decimal;
}

export interface ThreePublic {
  abroad: Decimal;
  vehiclePurchase: Decimal;
  vehicleOperation: Decimal;
  reception: Decimal;
}

export interface DisclosureModel {
  seed: number | string;
  kind: '预算' | '决算';
  year: number;
  region: string;
  bureau: string;
  department: string;
  /** Names of the units in the budget: the department itself first. */
  units: string[];
  unit: TableUnit;
  /** How 事业收入/其他收入 is labelled. */
  otherIncomeLabel: '事业收入' | '其他收入';
  basic: BasicLine[];
  projects: Project[];
  threePublic: ThreePublic;
  prior: {
    threePublic: ThreePublic;
    /** 一般公共预算 (incl. 上年结转) by 项 last year; 0 = new this year. */
    items: Record<string, Decimal>;
    other: Decimal;
    /** 政府性基金预算 last year. */
    fund: Decimal;
    operating: Decimal;
  };
  procurement: { goods: Decimal; works: Decimal; services: Decimal };
  /** Narrative writes amounts without trailing zeros (4.2万元) instead of 4.20万元. */
  trimNarrative: boolean;
  /** Zero amounts in table detail cells are left blank (else written 0.00). */
  blankZeros: boolean;
  /** Table amounts use thousands separators. */
  thousands: boolean;
  /** Unit-level (本级) copies of the tables follow the department's. */
  unitCopies: boolean;
  /** Layout variant of the tables. */
  layout: Layout;
  /** Amounts drawn to the 分 (layout 'whole-yuan' prints them rounded to whole 元). */
  cents: boolean;
  /** wps-split-codes: the 类 (and 款) printed once per group, blank below (else on every row). */
  codesOncePerGroup: boolean;
  reasons: { up: string[]; down: string[] };
  /** How the 说明 is worded (0, 1, 2; see `GenerateOptions.phrasing`). */
  phrasing: number;
  /** Phrasing 2 only, drawn: narrative amounts written 万 instead of 万元 (wording.unit reports the habit once). */
  bareWan: boolean;
  duties: string[];
  staff: { admin: number; inst: number; retired: number; vehicles: number };
}

const CLASS_BASIC_ITEMS = {
  pension: '2080505',
  annuity: '2080506',
  retired: '2080501',
  adminMedical: '2101101',
  instMedical: '2101102',
  civilMedical: '2101103',
  housing: '2210201',
};

/** The smallest step of a drawn amount in 元: 100 元 for 万元 tables, 1 元 for 元 tables, 1 分 for whole-元 prints. */
export function amountGrain(unit: TableUnit, cents = false): Decimal {
  return unit === '万元' ? new Decimal(100) : cents ? new Decimal('0.01') : new Decimal(1);
}

export function buildModel(seed: number | string, options: GenerateOptions = {}): DisclosureModel {
  const rng = new Rng(seed);
  const template: BureauTemplate = options.bureau
    ? (BUREAUS.find((b) => b.name === options.bureau) ?? fail(`unknown bureau ${options.bureau}`))
    : rng.pick(BUREAUS);
  const region = options.region ?? rng.pick(REGIONS);
  const year = options.year ?? rng.int(2022, 2025);
  const layout = options.layout ?? 'ruled';
  if (options.phrasing !== undefined && !(PHRASINGS as readonly number[]).includes(options.phrasing)) throw new Error(`unknown phrasing ${options.phrasing} (one of ${PHRASINGS.join(', ')})`);
  if (layout === 'whole-yuan' && options.unit === '万元') throw new Error("layout 'whole-yuan' prints tables in 元");
  const unit = layout === 'whole-yuan' ? '元' : (options.unit ?? '万元');
  const grain = amountGrain(unit, layout === 'whole-yuan');
  /** A random amount in [lo, hi] 万元, on the grain. */
  const wan = (lo: number, hi: number): Decimal => {
    const units = rng.int(Math.round((lo * 10000) / grain.toNumber()), Math.round((hi * 10000) / grain.toNumber()));
    return grain.times(units);
  };
  const onGrain = (v: Decimal): Decimal => v.div(grain).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(grain);
  const ratio = (lo: number, hi: number): Decimal => new Decimal(rng.int(Math.round(lo * 1000), Math.round(hi * 1000))).div(1000);

  const department = region + template.name;
  const shortRegion = region.replace(/[区县市]$/, '');
  const unitCopies = options.kind !== '决算' && options.unitCopies === true;
  const drawnInstitutions = template.institutions.filter(() => rng.chance(0.75));
  const institutions = unitCopies ? [] : drawnInstitutions;
  const units = [department, ...institutions.map((i) => region + i.name)];

  const basic: BasicLine[] = [];
  const add = (item: string, econ: string, amount: Decimal, who: 'admin' | 'inst') => {
    if (amount.gt(0)) basic.push({ item, econ, amount, unit: who });
  };

  // 人员经费: salaries of the administrative body and of each institution.
  const adminStaff = rng.int(8, 35);
  const instStaff = institutions.map(() => rng.int(5, 25));
  let adminWage = ZERO;
  {
    const a = template.adminItem;
    const lines: Array<[string, Decimal]> = [
      ['30101', wan(3.0 * adminStaff, 4.2 * adminStaff)],
      ['30102', wan(4.0 * adminStaff, 6.5 * adminStaff)],
      ['30103', wan(0.5 * adminStaff, 1.2 * adminStaff)],
    ];
    for (const [econ, v] of lines) add(a, econ, v, 'admin');
    adminWage = sum(lines.map((l) => l[1]));
    if (rng.chance(0.5)) add(a, '30199', wan(0.2, 3), 'admin');
  }
  let instWage = ZERO;
  institutions.forEach((inst, k) => {
    const n = instStaff[k];
    const lines: Array<[string, Decimal]> = [
      ['30101', wan(2.5 * n, 3.8 * n)],
      ['30102', wan(0.3 * n, 1.0 * n)],
      ['30107', wan(3.5 * n, 6.0 * n)],
    ];
    for (const [econ, v] of lines) add(inst.basicItem, econ, v, 'inst');
    instWage = instWage.plus(sum(lines.map((l) => l[1])));
  });
  const wage = adminWage.plus(instWage);
  add(CLASS_BASIC_ITEMS.pension, '30108', onGrain(wage.times(ratio(0.155, 0.165))), 'admin');
  add(CLASS_BASIC_ITEMS.annuity, '30109', onGrain(wage.times(ratio(0.075, 0.085))), 'admin');
  add(CLASS_BASIC_ITEMS.adminMedical, '30110', onGrain(adminWage.times(ratio(0.08, 0.1))), 'admin');
  if (instWage.gt(0)) add(CLASS_BASIC_ITEMS.instMedical, '30110', onGrain(instWage.times(ratio(0.08, 0.1))), 'inst');
  if (rng.chance(0.6)) add(CLASS_BASIC_ITEMS.civilMedical, '30111', onGrain(adminWage.times(ratio(0.01, 0.03))), 'admin');
  add(template.adminItem, '30112', onGrain(adminWage.times(ratio(0.004, 0.008))), 'admin');
  add(CLASS_BASIC_ITEMS.housing, '30113', onGrain(wage.times(ratio(0.11, 0.12))), 'admin');
  const retired = rng.chance(0.5) ? rng.int(1, 6) : 0;
  if (retired > 0) add(CLASS_BASIC_ITEMS.retired, '30302', wan(0.8 * retired, 1.5 * retired), 'admin');
  if (rng.chance(0.4)) add(template.adminItem, '30309', wan(0.1, 1.5), 'admin');

  // 公用经费.
  const vehicles = rng.int(0, 3);
  const threePublic: ThreePublic = {
    abroad: rng.chance(0.15) ? wan(2, 8) : ZERO,
    vehiclePurchase: ZERO,
    vehicleOperation: vehicles > 0 ? wan(1.2 * vehicles, 2.5 * vehicles) : ZERO,
    reception: rng.chance(0.85) ? wan(0.5, 4) : ZERO,
  };
  {
    const a = template.adminItem;
    add(a, '30201', wan(0.2 * adminStaff, 0.5 * adminStaff), 'admin');
    for (const econ of rng.sample(['30202', '30205', '30206', '30207', '30211', '30213', '30215', '30216', '30299'], rng.int(3, 7))) {
      add(a, econ, wan(0.3, 4), 'admin');
    }
    add(a, '30212', threePublic.abroad, 'admin');
    add(a, '30217', threePublic.reception, 'admin');
    add(a, '30228', onGrain(adminWage.times(ratio(0.018, 0.022))), 'admin');
    add(a, '30229', onGrain(adminWage.times(ratio(0.01, 0.02))), 'admin');
    add(a, '30231', threePublic.vehicleOperation, 'admin');
    add(a, '30239', wan(0.5 * adminStaff, 1.0 * adminStaff), 'admin');
    if (rng.chance(0.3)) add(a, '31002', wan(0.5, 5), 'admin');
  }
  institutions.forEach((inst, k) => {
    const n = instStaff[k];
    add(inst.basicItem, '30201', wan(0.15 * n, 0.4 * n), 'inst');
    for (const econ of rng.sample(['30206', '30211', '30213', '30207'], rng.int(1, 3))) add(inst.basicItem, econ, wan(0.2, 3), 'inst');
    add(inst.basicItem, '30228', onGrain(instWage.times(ratio(0.005, 0.008))), 'inst');
    add(inst.basicItem, '30239', wan(0.3 * n, 0.6 * n), 'inst');
  });
  basic.sort((x, y) => (x.econ === y.econ ? x.item.localeCompare(y.item) : x.econ.localeCompare(y.econ)));

  // 项目支出.
  const carryOver = options.kind === '决算' ? false : (options.carryOver ?? rng.chance(0.35));
  const otherIncome = options.otherIncome ?? rng.chance(0.3);
  const projects: Project[] = [];
  const templates = rng.sample(template.projects, Math.max(3, rng.int(3, template.projects.length)));
  const usedNames = new Set<string>();
  for (const t of templates) {
    const count = rng.int(1, Math.min(2, t.names.length));
    for (const name of rng.sample(t.names, count)) {
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      const owner = t.kind === '其他运转类' || institutions.length === 0 || rng.chance(0.6) ? department : rng.pick(units.slice(1));
      projects.push({ name, unitName: owner, kind: t.kind, item: t.item, econ: rng.pick(t.econ), source: 'gp', amount: wan(t.size[0], t.size[1]) });
    }
  }
  if (rng.chance(0.2) && vehicles > 0) {
    threePublic.vehiclePurchase = wan(12, 25);
    projects.push({ name: '公务用车更新购置', unitName: department, kind: '特定目标类', item: template.projects[0].item, econ: '31013', source: 'gp', amount: threePublic.vehiclePurchase });
  }
  if (carryOver) {
    const candidates = projects.filter((p) => p.kind === '特定目标类' && p.econ !== '31013');
    if (candidates.length > 0) rng.pick(candidates).source = 'carry';
  }
  if (otherIncome) {
    const candidates = projects.filter((p) => p.source === 'gp' && p.econ !== '31013');
    if (candidates.length > 1) rng.pick(candidates).source = 'other';
  }

  const govFund = options.kind !== '决算' && template.fundProjects !== undefined && (options.govFund ?? rng.chance(0.5));
  if (govFund) {
    for (const t of template.fundProjects!) {
      const name = rng.pick(t.names);
      projects.push({ name, unitName: department, kind: t.kind, item: t.item, econ: rng.pick(t.econ), source: 'fund', amount: wan(t.size[0], t.size[1]) });
    }
  }

  // Last year's figures.
  const priorItems: Record<string, Decimal> = {};
  const fiscalByItem = new Map<string, Decimal>();
  for (const l of basic) fiscalByItem.set(l.item, (fiscalByItem.get(l.item) ?? ZERO).plus(l.amount));
  for (const p of projects) if (p.source === 'gp' || p.source === 'carry') fiscalByItem.set(p.item, (fiscalByItem.get(p.item) ?? ZERO).plus(p.amount));
  for (const [item, v] of [...fiscalByItem].sort((a, b) => a[0].localeCompare(b[0]))) {
    const r = rng.next();
    const projectOnly = !basic.some((l) => l.item === item);
    priorItems[item] = r < 0.12 && projectOnly ? ZERO : r < 0.2 ? v : onGrain(v.times(ratio(0.8, 1.2)));
  }
  const priorOf = (v: Decimal): Decimal => (v.isZero() ? ZERO : rng.chance(0.3) ? v : onGrain(v.times(ratio(0.75, 1.25))));
  const prior = {
    threePublic: {
      abroad: priorOf(threePublic.abroad),
      vehiclePurchase: rng.chance(0.2) ? wan(12, 25) : ZERO,
      vehicleOperation: priorOf(threePublic.vehicleOperation),
      reception: priorOf(threePublic.reception),
    },
    items: priorItems,
    other: otherIncome ? wan(5, 60) : ZERO,
    fund: govFund && rng.chance(0.7) ? wan(10, 80) : ZERO,
    operating: ZERO,
  };
  const operating = sum(basic.filter((l) => l.unit === 'admin' && (l.econ.startsWith('302') || l.econ.startsWith('310'))).map((l) => l.amount));
  prior.operating = onGrain(operating.times(ratio(0.85, 1.15)));

  const goods = sum(projects.filter((p) => p.econ.startsWith('310')).map((p) => p.amount));
  const services = onGrain(sum(projects.filter((p) => p.econ === '30227').map((p) => p.amount)).times(ratio(0.3, 0.8)));

  return {
    seed,
    kind: options.kind ?? '预算',
    year,
    region,
    bureau: template.name,
    department,
    units,
    unit,
    otherIncomeLabel: institutions.length > 0 ? '事业收入' : '其他收入',
    basic,
    projects,
    threePublic,
    prior,
    procurement: { goods, works: ZERO, services },
    trimNarrative: rng.chance(0.3),
    blankZeros: rng.chance(0.7),
    thousands: options.thousands ?? rng.chance(0.25),
    unitCopies,
    layout,
    cents: layout === 'whole-yuan',
    // Drawn from its own stream so that every layout of one seed prints the same model.
    codesOncePerGroup: new Rng(`${seed}/layout`).chance(0.5),
    reasons: template.reasons,
    phrasing: options.phrasing ?? 0,
    // Its own stream: the phrasing never changes the figures of a seed.
    bareWan: (options.phrasing ?? 0) === 2 && new Rng(`${seed}/phrasing`).chance(0.5),
    duties: template.duties.map((d) => d.replace(/全区/g, shortRegion === region ? '全区' : `全${region.slice(-1)}`)),
    staff: { admin: adminStaff, inst: sum(instStaff.map((n) => new Decimal(n))).toNumber(), retired, vehicles },
  };
}

function fail(message: string): never {
  throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// Derived figures: everything the tables and the narrative show.

export interface ItemFigures {
  code: string;
  basic: Decimal;
  personnel: Decimal;
  publicFunds: Decimal;
  projectGp: Decimal;
  projectCarry: Decimal;
  projectOther: Decimal;
  /** 政府性基金预算拨款 projects. */
  projectFund: Decimal;
  /** Current-year 一般公共预算拨款 (basic + gp projects). */
  gp: Decimal;
  /** 一般公共预算 incl. 上年结转: what the 一般公共预算支出表 shows. */
  fiscal: Decimal;
  total: Decimal;
}

export interface Figures {
  items: ItemFigures[];
  /** 本年一般公共预算拨款收入. */
  gp: Decimal;
  carry: Decimal;
  other: Decimal;
  /** 本年收入合计 = gp + other. */
  currentIncome: Decimal;
  /** 收入总计 = 支出总计. */
  total: Decimal;
  /** 一般公共预算 (incl. 上年结转). */
  fiscal: Decimal;
  /** 政府性基金预算拨款. */
  fund: Decimal;
  /** 财政拨款 = 一般公共预算 (incl. 上年结转) + 政府性基金. */
  appropriation: Decimal;
  priorAppropriation: Decimal;
  basic: Decimal;
  personnel: Decimal;
  publicFunds: Decimal;
  project: Decimal;
  /** Economic code (5 digits) → basic amount, with 人员/公用 split by code class. */
  basicByEcon: Array<{ econ: string; amount: Decimal }>;
  operating: Array<{ econ: string; amount: Decimal }>;
  operatingTotal: Decimal;
  threePublicTotal: Decimal;
  priorThreePublicTotal: Decimal;
  priorFiscal: Decimal;
  priorTotal: Decimal;
}

export function isPersonnel(econ: string): boolean {
  return econ.startsWith('301') || econ.startsWith('303');
}

/** The names of the basic expenditure's economic classes that pass `pred`, joined by 、 (人员经费 / 公用经费 lists). */
export function basicEconomicNames(f: Pick<Figures, 'basicByEcon'>, pred: (econ: string) => boolean): string {
  return f.basicByEcon
    .filter((e) => pred(e.econ))
    .map((e) => economicName(e.econ))
    .join('、');
}

export function deriveFigures(m: DisclosureModel): Figures {
  const codes = new Set<string>([...m.basic.map((l) => l.item), ...m.projects.map((p) => p.item)]);
  const items: ItemFigures[] = [...codes].sort().map((code) => {
    functionName(code);
    const lines = m.basic.filter((l) => l.item === code);
    const ps = m.projects.filter((p) => p.item === code);
    const personnel = sum(lines.filter((l) => isPersonnel(l.econ)).map((l) => l.amount));
    const publicFunds = sum(lines.filter((l) => !isPersonnel(l.econ)).map((l) => l.amount));
    const projectGp = sum(ps.filter((p) => p.source === 'gp').map((p) => p.amount));
    const projectCarry = sum(ps.filter((p) => p.source === 'carry').map((p) => p.amount));
    const projectOther = sum(ps.filter((p) => p.source === 'other').map((p) => p.amount));
    const projectFund = sum(ps.filter((p) => p.source === 'fund').map((p) => p.amount));
    const basic = personnel.plus(publicFunds);
    return {
      code,
      basic,
      personnel,
      publicFunds,
      projectGp,
      projectCarry,
      projectOther,
      projectFund,
      gp: basic.plus(projectGp),
      fiscal: basic.plus(projectGp).plus(projectCarry),
      total: basic.plus(projectGp).plus(projectCarry).plus(projectOther).plus(projectFund),
    };
  });
  const gp = sum(items.map((i) => i.gp));
  const carry = sum(items.map((i) => i.projectCarry));
  const other = sum(items.map((i) => i.projectOther));
  const fund = sum(items.map((i) => i.projectFund));
  const byEcon = new Map<string, Decimal>();
  for (const l of m.basic) byEcon.set(l.econ, (byEcon.get(l.econ) ?? ZERO).plus(l.amount));
  const opByEcon = new Map<string, Decimal>();
  for (const l of m.basic) {
    if (l.unit === 'admin' && !isPersonnel(l.econ)) opByEcon.set(l.econ, (opByEcon.get(l.econ) ?? ZERO).plus(l.amount));
  }
  const tp = m.threePublic;
  const ptp = m.prior.threePublic;
  const priorFiscal = sum(Object.values(m.prior.items));
  return {
    items,
    gp,
    carry,
    other,
    currentIncome: gp.plus(other).plus(fund),
    total: gp.plus(other).plus(fund).plus(carry),
    fiscal: gp.plus(carry),
    fund,
    appropriation: gp.plus(carry).plus(fund),
    priorAppropriation: priorFiscal.plus(m.prior.fund),
    basic: sum(items.map((i) => i.basic)),
    personnel: sum(items.map((i) => i.personnel)),
    publicFunds: sum(items.map((i) => i.publicFunds)),
    project: sum(items.map((i) => i.projectGp.plus(i.projectCarry).plus(i.projectOther).plus(i.projectFund))),
    basicByEcon: [...byEcon].sort((a, b) => a[0].localeCompare(b[0])).map(([econ, amount]) => ({ econ, amount })),
    operating: [...opByEcon].sort((a, b) => a[0].localeCompare(b[0])).map(([econ, amount]) => ({ econ, amount })),
    operatingTotal: sum(opByEcon.values()),
    threePublicTotal: tp.abroad.plus(tp.vehiclePurchase).plus(tp.vehicleOperation).plus(tp.reception),
    priorThreePublicTotal: ptp.abroad.plus(ptp.vehiclePurchase).plus(ptp.vehicleOperation).plus(ptp.reception),
    priorFiscal,
    priorTotal: priorFiscal.plus(m.prior.other).plus(m.prior.fund),
  };
}

/** Function codes grouped 类 › 款 › 项 in code order. */
export function functionTree(codes: string[]): Array<{ cls: string; sections: Array<{ section: string; items: string[] }> }> {
  const tree: Array<{ cls: string; sections: Array<{ section: string; items: string[] }> }> = [];
  for (const code of [...codes].sort()) {
    let c = tree.find((t) => t.cls === classOf(code));
    if (!c) tree.push((c = { cls: classOf(code), sections: [] }));
    let s = c.sections.find((x) => x.section === sectionOf(code));
    if (!s) c.sections.push((s = { section: sectionOf(code), items: [] }));
    s.items.push(code);
  }
  return tree;
}

export { round };
