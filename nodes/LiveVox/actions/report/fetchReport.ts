import type { IDataObject } from 'n8n-workflow';

import type { TimeWindow } from '../../../shared/dayWindows';
import { runPool } from '../../../shared/pool';
import type { FailureCodeWords, LiveVoxClient } from '../../transport';
import { MAX_SERVICES_PER_REQUEST } from './reportFields';
import type { ReportPlan } from './reportPlan';
import { filterBody } from './reportPlan';

/** LiveVox's "202 error": a report that would cover more than 150 services. */
const TOO_MANY_SERVICES: FailureCodeWords = {
	message: `LiveVox refused the report: it would cover more than ${MAX_SERVICES_PER_REQUEST} services (202)`,
	description: `Without a service filter LiveVox counts every service your user can see, and refuses more than ${MAX_SERVICES_PER_REQUEST}. Filter by call center (Filters > Call Center IDs): LiveVox then accepts any number of services. Or list the services you want; the node splits lists longer than ${MAX_SERVICES_PER_REQUEST}.`,
};

const REPORT_HINTS = {
	400: 'Check the message. If it is about the date range, your tenant allows fewer days per request than documented: lower Options > Max Days per Request.',
	403: 'Reports need the Sysadmin, Superuser, Manager, Report Admin or Auditor role; some need an optional power (e.g. "Access to Call Recording Report"): ask an administrator.',
};

/** The answers for one date window: one per service chunk, in chunk order. */
export interface WindowAnswers<T> {
	window: TimeWindow;
	answers: T[];
}

/** How a report's answers are asked for and read; JSON answers need only `read`. */
export interface AnswerReading<T> {
	headers?: Record<string, string>;
	/** For an answer that is not JSON: reads the body as it arrives (see LiveVoxRequest). */
	readBody?: (bytes: AsyncIterable<Uint8Array>) => Promise<unknown>;
	/** Turns an answer into what is kept, once the next requests have gone out (e.g. parses a CSV into items). */
	read: (answer: unknown, window: TimeWindow) => T | Promise<T>;
}

/** The body of one request: the window as epoch milliseconds, the end as its last millisecond. */
function reportBody(window: TimeWindow, fields: IDataObject | undefined, filter: IDataObject | undefined): IDataObject {
	const body: IDataObject = { startDate: window.start, endDate: window.end - 1, ...fields };
	if (filter) body.filter = filter;
	return body;
}

/**
 * Sends the plan's requests (windows × service chunks) with at most `plan.concurrency` in
 * flight, and returns the answers grouped by window, in time order. Reports are reads by
 * meaning, though sent as POST: the transport retries them on transient failures.
 */
export async function fetchReport<T>(
	client: LiveVoxClient,
	plan: ReportPlan,
	path: string,
	fields: IDataObject | undefined,
	reading: AnswerReading<T>,
): Promise<Array<WindowAnswers<T>>> {
	const tasks = plan.windows.flatMap((window) => plan.serviceChunks.map((serviceIds) => ({ window, serviceIds })));
	const answers = await runPool(
		tasks,
		plan.concurrency,
		async ({ window, serviceIds }) =>
			await client.request<unknown>({
				method: 'POST',
				path,
				body: reportBody(window, fields, filterBody(plan, serviceIds)),
				kind: 'read',
				headers: reading.headers,
				readBody: reading.readBody,
				failureCodes: { 202: TOO_MANY_SERVICES },
				hints: REPORT_HINTS,
			}),
		(answer, index) => reading.read(answer, tasks[index].window),
	);
	const perWindow = plan.serviceChunks.length;
	return plan.windows.map((window, index) => ({
		window,
		answers: answers.slice(index * perWindow, (index + 1) * perWindow),
	}));
}
