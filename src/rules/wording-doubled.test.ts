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
});
