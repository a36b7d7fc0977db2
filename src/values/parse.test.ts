import { describe, expect, it } from 'vitest';
import { parseValue } from './parse';

describe('parseValue', () => {
  it.each([
    ['1,767.85', 'number', '1767.85', 2],
    ['90816893.00', 'number', '90816893', 2],
    ['0.00', 'number', '0', 2],
    ['36', 'number', '36', 0],
    ['-3.20', 'number', '-3.2', 2],
    ['(3.20)', 'number', '-3.2', 2],
    ['12.5%', 'percent', '12.5', 1],
    ['１２３．４５', 'number', '123.45', 2],
    ['.5', 'number', '0.5', 1],
  ])('%s → %s %s', (text, kind, value, decimals) => {
    const v = parseValue(text);
    expect(v.kind).toBe(kind);
    expect(v.value?.toString()).toBe(value);
    expect(v.decimals).toBe(decimals);
    expect(v.text).toBe(text);
  });

  it.each([['', 'blank'], ['  ', 'blank'], ['-', 'dash'], ['—', 'dash'], ['——', 'dash']])('%j is %s and reads as 0', (text, kind) => {
    const v = parseValue(text);
    expect(v.kind).toBe(kind);
    expect(v.value?.isZero()).toBe(true);
  });

  it.each(['合计', '2101101x', '1,23,4', '12.3.4', '3%5'])('%s is text', (text) => {
    expect(parseValue(text).kind).toBe('text');
  });

  it('keeps exact decimals, not floats', () => {
    expect(parseValue('0.1').value!.plus(parseValue('0.2').value!).toString()).toBe('0.3');
  });
});
