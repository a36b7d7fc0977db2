/**
 * The 政府收支分类科目 data file holds every code that appears in the seeds' tables, and the
 * name printed beside each is the official one or a near match (never a different item).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allEntries, compareNames, editionIn, judgeName, lookupCode } from '../../src/classification';
import { codesInSeed, hasShared, SEED_FILES, SEEDS_TXT } from './seed-text';

// The seeds live in ../shared; without them there is nothing to check against.
describe.skipIf(!hasShared)('classification data covers the seeds', () => {
  for (const file of SEED_FILES) {
    it(`has every code of ${file}`, () => {
      const found = codesInSeed(readFileSync(resolve(SEEDS_TXT, `${file}.txt`), 'utf8'));
      expect(found.length).toBeGreaterThan(5);
      const missing = [...new Set(found.filter((c) => !lookupCode(c.code)).map((c) => `${c.code} ${c.name}`))];
      expect(missing).toEqual([]);
    });
    it(`finds no printed name of ${file} that names a different item`, () => {
      const found = codesInSeed(readFileSync(resolve(SEEDS_TXT, `${file}.txt`), 'utf8'));
      const different = found.filter((c) => lookupCode(c.code) && compareNames(lookupCode(c.code)!.name, c.name, c.code) === 'different');
      expect(different.map((c) => `${c.code} ${c.name}`)).toEqual([]);
    });
  }
});

describe('compareNames', () => {
  it('treats truncation, spacing and 机关/的/支出 wording as the same', () => {
    expect(compareNames('机关事业单位基本养老保险缴费支出', '机关事业单位基本养老保')).toBe('same');
    expect(compareNames('机关事业单位基本养老保险缴费支出', '机关事业单位基本养老保险 缴费支出')).toBe('same');
    expect(compareNames('机关工资福利支出', '工资福利支出')).toBe('same');
    expect(compareNames('对个人和家庭的补助', '对个人和家庭的补助支出')).toBe('same');
  });
  it('calls a former name or a one-character slip near, and another item different', () => {
    expect(compareNames('其他自然资源事务支出', '其他国土资源事务支出', '2200199')).toBe('near');
    expect(compareNames('公务员医疗补助', '公务员医疗救助')).toBe('near');
    expect(compareNames('住房公积金', '城乡医疗救助')).toBe('different');
  });
});

describe('editions of the classification (2017 on)', () => {
  it('gives every code one name in force per year, with sane year ranges', () => {
    for (const e of allEntries()) {
      for (const x of e.editions) if (x.from !== null && x.to !== null) expect(x.from, `${e.code} ${x.name}`).toBeLessThanOrEqual(x.to);
      for (let year = 2015; year <= 2026; year++) {
        const open = e.editions.filter((x) => (x.from === null || x.from <= year) && (x.to === null || year <= x.to));
        expect(open.length, `${e.code} in ${year}: ${open.map((x) => x.name).join(' / ')}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('knows the renamings of 2018, 2019 and 2020', () => {
    const name = (code: string, year: number) => editionIn(lookupCode(code)!, year)?.name;
    expect([name('30311', 2017), name('30311', 2018)]).toEqual(['住房公积金', '代缴社会保险费']);
    expect([name('30307', 2017), name('30307', 2018)]).toEqual(['医疗费', '医疗费补助']);
    expect([name('30113', 2017), name('30113', 2018)]).toEqual([undefined, '住房公积金']);
    expect([name('210', 2018), name('210', 2019)]).toEqual(['医疗卫生与计划生育支出', '卫生健康支出']);
    expect([name('20805', 2019), name('20805', 2020)]).toEqual(['行政事业单位离退休', '行政事业单位养老支出']);
    expect([name('2080504', 2019), name('2080504', 2020)]).toEqual(['未归口管理的行政单位离退休', undefined]);
    expect([name('501', 2017), name('501', 2018)]).toEqual([undefined, '机关工资福利支出']);
    // the latest name is the entry's name
    expect(lookupCode('30311')!.name).toBe('代缴社会保险费');
    expect(lookupCode('30312')!.name).toBe('提租补贴');
  });

  it('judges a name by the year: same, another year’s (with its distance), or none of the code’s', () => {
    expect(judgeName('30311', '住房公积金', 2017)?.kind).toBe('same');
    expect(judgeName('30311', '住房公积金', null)?.kind).toBe('same');
    expect(judgeName('30311', '住房公积金', 2019)).toMatchObject({ kind: 'other-year', gap: 2, later: false, official: { name: '代缴社会保险费' } });
    expect(judgeName('20805', '行政事业单位养老支出', 2019)).toMatchObject({ kind: 'other-year', gap: 1, later: true });
    expect(judgeName('30112', '住房公积金', 2017)).toMatchObject({ kind: 'different', inForce: false });
    expect(judgeName('30112', '住房公积金', 2018)).toMatchObject({ kind: 'different', inForce: true });
    expect(judgeName('9999999', '住房公积金', 2018)).toBeNull();
  });
});
