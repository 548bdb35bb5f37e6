// Dates of the record (立项时间, 验收日期): "YYYY", "YYYY-MM" or "YYYY-MM-DD", real ones only.

/** Years a record's dates may fall in. */
export const DATE_YEARS = { first: 1900, last: 2100 };

/** Whether year, month and day (each optional after the year) name a real day: no 2021-02-31. */
export function isCalendarDate(year: number, month?: number, day?: number): boolean {
  if (!Number.isInteger(year) || year < DATE_YEARS.first || year > DATE_YEARS.last) return false;
  if (month === undefined) return day === undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= days;
}

/** A stored date string ("2021-09") as a real date, or false. */
export function isDateText(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
}
