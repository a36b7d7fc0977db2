/**
 * A 部门 document with 单位 parts (issue 8): the department's own part (cover, 目录, 说明, tables)
 * followed by one or two 单位 parts, each under a heading of its own page (XX2024年单位预算) with its
 * own 说明 and tables. No real document in ../shared has parts, so part scoping is tested on these.
 *
 * A unit is drawn like a department (same region, bureau, year, kind, table unit and phrasing) from
 * its own seed, under its own name; or, `copy`, as the 本级 unit of a one-unit department: the
 * department's figures and 说明 again, word for word — the same sentence then stands in two parts.
 * Each part takes its own slot overrides (a changed number in one part only, or in both).
 */
import type { GeneratedDisclosure, GenerateOptions } from './index';
import { generateDisclosure } from './index';
import { renderHtml } from './render';

export interface UnitPart {
  /** The unit's name as printed (its heading, its 说明 and table captions). */
  name: string;
  /** The department's own figures and 说明 again (a one-unit department's 本级 copy). */
  copy?: boolean;
}

export interface PartsOptions extends GenerateOptions {
  units: UnitPart[];
  /** Slot overrides per part: [department, unit 1, unit 2]. */
  overrides?: Record<string, string>[];
}

export interface PartsDisclosure {
  /** The department's part first, then each unit's, as generated (each with its own slots). */
  parts: GeneratedDisclosure[];
  /** The printed name of each part's entity. */
  names: string[];
  html: string;
}

const body = (html: string) => html.slice(html.indexOf('<body>') + '<body>'.length, html.lastIndexOf('</body>'));

export function generatePartsDisclosure(seed: number | string, options: PartsOptions): PartsDisclosure {
  const { units, overrides = [], ...common } = options;
  const department = generateDisclosure(seed, common);
  const m = department.model;
  // every part of one department: one region, bureau, year, kind and table unit
  const same: GenerateOptions = { ...common, year: m.year, region: m.region, bureau: m.bureau, kind: m.kind, unit: m.unit };
  const parts = [department, ...units.map((u, i) => (u.copy ? department : generateDisclosure(`${seed}/unit${i + 1}`, same)))];
  const names = [m.department, ...units.map((u) => u.name)];
  let html = renderHtml(department.document, overrides[0] ?? {});
  const unitBodies = units.map((u, i) => {
    const g = parts[i + 1];
    let b = body(renderHtml(g.document, overrides[i + 1] ?? {}));
    // the unit's part has no cover or 目录 of its own: its heading opens it
    b = b.replace(/<section class="cover">[\s\S]*?<\/section>/, '').replace(/<section class="page toc">[\s\S]*?<\/section>/, '');
    b = b.split(g.model.department).join(u.name);
    // its 说明 is the unit's: 单位预算情况说明, not 部门
    b = b.replace(/部门(预算|决算)/g, '单位$1');
    return `<section class="page"><h1>${u.name}${m.year}年单位${m.kind}</h1></section>\n${b}`;
  });
  html = html.replace('</body>', `${unitBodies.join('\n')}</body>`);
  return { parts, names, html };
}
