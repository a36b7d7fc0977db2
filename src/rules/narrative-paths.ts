/**
 * The names a 类（）款（）项（） path goes by in a sentence that restates its subject: the most
 * specific level alone, or joined with the levels above it (宣传事务一般行政管理事务 for
 * 宣传事务（款）一般行政管理事务（项）). Used to tell whether a purpose or reason clause names the
 * paragraph's own subject or another one.
 */
import type { ClassPath } from '../recognize/narrative-quantity';

const squash = (s: string | null) => (s ?? '').replace(/[\s“”"‘’「」]/g, '');

export function pathLevel(p: ClassPath): 'class' | 'section' | 'item' {
  return p.itemText ? 'item' : p.sectionText ? 'section' : 'class';
}

/** The path written out in full, the same for every sentence naming the same subject. */
export function pathKey(p: ClassPath): string {
  return [p.classText, p.sectionText, p.itemText].map(squash).join('›');
}

/** The most specific level's name. */
export function ownName(p: ClassPath): string {
  return squash(p.itemText ?? p.sectionText ?? p.classText);
}

/** The path as the narrative writes it: 城乡社区支出（类）城乡社区管理事务（款）一般行政管理事务（项）. */
export function pathText(p: ClassPath): string {
  return `${squash(p.classText)}（类）${p.sectionText ? `${squash(p.sectionText)}（款）` : ''}${p.itemText ? `${squash(p.itemText)}（项）` : ''}`;
}

export function pathNames(p: ClassPath): string[] {
  const c = squash(p.classText);
  const s = squash(p.sectionText);
  const i = squash(p.itemText);
  if (i) return [i, s + i, c + s + i];
  if (s) return [s, c + s];
  return [c];
}

export function namesPath(phrase: string, p: ClassPath): boolean {
  return pathNames(p).includes(squash(phrase));
}
