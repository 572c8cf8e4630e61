// RFC 9110 §5.6.7: an HTTP-date is an IMF-fixdate, and a recipient must still read the two obsolete forms. Only
// these: Date.parse reads far more ("-1" is a date in 2001), and what it reads differs between engines.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// Literals, not patterns assembled at load: a bundler keeps any call made at the top of a module, and this one is
// imported by errors.ts, which an app may import alone.
const FORMATS = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>\d{2}) (?<month>[A-Z][a-z]{2}) (?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) GMT$/,
  // rfc850-date: Sunday, 06-Nov-94 08:49:37 GMT
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?<day>\d{2})-(?<month>[A-Z][a-z]{2})-(?<shortYear>\d{2}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) GMT$/,
  // asctime-date: Sun Nov  6 08:49:37 1994
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<month>[A-Z][a-z]{2}) (?<day>\d{2}| \d) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) (?<year>\d{4})$/,
];

/** The time an HTTP-date names, in milliseconds since the epoch, or undefined for anything else. */
export function parseHttpDate(text: string, now: number): number | undefined {
  const parts = FORMATS.map((format) => format.exec(text)?.groups).find(Boolean);
  if (!parts) return undefined;
  const number = (name: string) => Number(parts[name]);
  const year = parts.year ? number("year") : yearOfTwoDigits(number("shortYear"), now);
  const month = MONTHS.indexOf(parts.month as string);
  if (month === -1) return undefined;
  const [day, hour, minute, second] = [number("day"), number("hour"), number("minute"), number("second")];
  // 60 is a leap second.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read a year below 100 as one in the 1900s.
  date.setUTCFullYear(year, month, day);
  // A day the month does not have (31 Feb) would roll over into the next month.
  if (day < 1 || date.getUTCDate() !== day) return undefined;
  return date.setUTCHours(hour, minute, second);
}

/** RFC 9110: a two-digit year more than 50 years ahead is the most recent past year with those digits. */
function yearOfTwoDigits(twoDigits: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  const year = thisYear - (thisYear % 100) + twoDigits;
  return year > thisYear + 50 ? year - 100 : year;
}
