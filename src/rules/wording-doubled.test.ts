import { describe, expect, it } from 'vitest';
import { wordingDoubled } from './wording-doubled';
import { run } from '../../test/narrative/context';

describe('wording.doubled', () => {
  it('reports doubled characters, words and punctuation (seed 004: 于于, 反映反映)', () => {
    expect(run(wordingDoubled, ['公务用车运行支出 3.40 万元。主要用于于开展工作所需公务用车的燃料费。'])[0].actual).toBe('于于');
    expect(run(wordingDoubled, ['公务用车购置及运行费反映反映单位公务用车车辆购置支出。'])[0].actual).toBe('反映反映');
    expect(run(wordingDoubled, ['收、支总计各增加增加1614.17万元。。'])).toHaveLength(2);
  });
  it('leaves reduplication, ellipses and numbers alone', () => {
    expect(run(wordingDoubled, ['常常、人人、天天开展工作……', '合计 1.00.', '事业收入XXX万元，占XX%……'])).toEqual([]);
  });
  it('reads two words meeting as two words: “在职人员｜人员经费” (real Jiangsu 2018 预算)', () => {
    expect(run(wordingDoubled, ['另外，本部门预算还包括江苏省联谊俱乐部8名在职人员、南京中国近代史遗址博物馆管理建设办公室9名在职人员人员经费。'])).toEqual([]);
    // a true doubling of the same noun is still reported
    expect(run(wordingDoubled, ['本部门在职人员人员共计20人。'])).toHaveLength(1);
  });
  it('临沧 2018 预算 (set M): “上访接访接待” is words meeting, not “访接” doubled', () => {
    const text = ['信访经费5万元，经费主要用于接待移民上访接访接待。', '公务接待费3万元，比上年减少1万元，主要是公务接待批次减少。'];
    expect(run(wordingDoubled, text)).toEqual([]);
    // a word of the text doubled is still reported
    expect(run(wordingDoubled, [...text, '公务接待接待费2万元。']).map((f) => f.actual)).toEqual(['接待接待']);
  });
});
