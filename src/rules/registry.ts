/**
 * The one list of rules. Each rule is a small module; add a line here to register a new one.
 */
import type { Rule } from './types';
import { sumColumns } from './sum-columns';
import { sumRows } from './sum-rows';
import { hierarchyCodes } from './hierarchy-codes';
import { hierarchyNumbered } from './hierarchy-numbered';

export const RULES: Rule[] = [
  sumColumns,
  sumRows,
  hierarchyCodes,
  hierarchyNumbered,
];
