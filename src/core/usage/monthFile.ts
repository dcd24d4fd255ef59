// One log file per month, named by the month of the person's calendar in which its replies were asked, so a
// month's view reads one small file (and its neighbours, in case the time zone changed) and old months can be
// deleted or archived by hand as whole files.
import { addMonths, isMonth } from './calendar';

const PATTERN = /^usage-(\d{4}-\d{2})\.jsonl$/;

export function monthFileName(month: string): string {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  return `usage-${month}.jsonl`;
}

/** The month a log file holds, or undefined for any other file in the folder. */
export function monthOfFile(fileName: string): string | undefined {
  const month = PATTERN.exec(fileName)?.[1];
  return month && isMonth(month) ? month : undefined;
}

/**
 * The files that may hold replies of `month`: its own and its neighbours' (a reply asked at 00:30 on the 1st,
 * written before a change of time zone, sits in the previous month's file).
 */
export function filesForMonth(month: string): string[] {
  return [addMonths(month, -1), month, addMonths(month, 1)].map(monthFileName);
}
