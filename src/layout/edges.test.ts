import { describe, expect, it } from 'vitest';
import { closeOpenFrames, type Edge } from './edges';

const h = (id: number, at: number, from: number, to: number): Edge => ({ id, orientation: 'h', at, from, to });
const v = (id: number, at: number, from: number, to: number): Edge => ({ id, orientation: 'v', at, from, to });

describe('closeOpenFrames', () => {
  // Three columns; rules at y = 100, 120, 140; the vertical borders start at y = 80 (a first row with no rule above it).
  const open = [h(1, 100, 50, 350), h(2, 120, 50, 350), h(3, 140, 50, 350), v(4, 50, 80, 140), v(5, 150, 80, 140), v(6, 250, 80, 140), v(7, 350, 80, 140)];

  it('makes up the rule above a continued table’s first row', () => {
    const made = closeOpenFrames(open).filter((e) => !open.includes(e));
    expect(made).toEqual([expect.objectContaining({ orientation: 'h', at: 80, from: 50, to: 350 })]);
  });

  it('leaves a closed frame alone, and vertical ends within a few points of its rules (line joins)', () => {
    const closed = [...open.filter((e) => e.orientation === 'h'), h(8, 80, 50, 350), ...open.filter((e) => e.orientation === 'v')];
    expect(closeOpenFrames(closed)).toBe(closed);
    const overshoot = open.map((e) => (e.orientation === 'v' ? { ...e, from: 97 } : e));
    expect(closeOpenFrames(overshoot)).toBe(overshoot);
  });

  it('needs three vertical borders ending together (two could be a box or a stray pair)', () => {
    const two = open.filter((e) => e.id !== 5 && e.id !== 6);
    expect(closeOpenFrames(two)).toBe(two);
  });
});
