/** The report as downloadable JSON (`gouji-report/2`). */
import type { Report } from '../report/types';

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
