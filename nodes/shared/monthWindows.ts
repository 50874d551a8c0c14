import type { DateTime } from 'luxon';

/** A run of whole calendar days: `first` and `last` are both included, each at the start of its day. */
export interface DayWindow {
	first: DateTime;
	last: DateTime;
}

/**
 * Splits the calendar days from `first` to `last` (both included) into windows that each
 * stay inside one calendar month: the first window starts on `first`, every later one on
 * the 1st of a month, and every window but the last ends on a month's last day. Days are
 * read in the zone the DateTimes carry, so a DST change inside a month moves nothing.
 * For APIs whose longest period is one month (VCC Live): each window is one request.
 */
export function* monthWindows(first: DateTime, last: DateTime): Generator<DayWindow> {
	if (!first.isValid || !last.isValid) throw new RangeError('Month windows need two valid dates');
	const lastDay = last.setZone(first.zone).startOf('day');
	let start = first.startOf('day');
	if (start > lastDay) {
		throw new RangeError(`The first day (${start.toISODate()}) is after the last day (${lastDay.toISODate()})`);
	}
	while (start <= lastDay) {
		const monthEnd = start.endOf('month').startOf('day');
		const end = monthEnd < lastDay ? monthEnd : lastDay;
		yield { first: start, last: end };
		// plus({ days: 1 }) is calendar arithmetic in luxon: the next day, whatever DST does.
		start = end.plus({ days: 1 }).startOf('day');
	}
}
