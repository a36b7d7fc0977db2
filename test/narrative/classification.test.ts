/**
 * The 政府收支分类科目 data file holds every code that appears in the seeds' tables, and the
 * name printed beside each is the official one or a near match (never a different item).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareNames, lookupCode } from '../../src/classification';
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
