import { describe, expect, it } from 'vitest';
import { unifyRadicals } from './radicals';

describe('unifyRadicals', () => {
  it('maps radical code points to the ideographs shown on the page', () => {
    expect(unifyRadicals('部\u2ED4收\u2F0A总表')).toBe('部门收入总表');
    expect(unifyRadicals('财政专\u2F3E')).toBe('财政专户');
  });
  it('leaves ordinary text alone', () => {
    expect(unifyRadicals('一般公共预算 6,184.67')).toBe('一般公共预算 6,184.67');
  });
});
