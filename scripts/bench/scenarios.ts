/**
 * The benchmark's scenarios: each one job, done by this package's node (the first variant)
 * and by the HTTP Request node built as a user would (the others), with the limit that
 * latency and concurrency allow.
 */
import type { Sandbox } from '../../test/sandbox/server';
import type { BenchWorkflow, ReportRange } from './workflows';
import {
	cerBaseline,
	cerNode,
	csvBaseline,
	servicesBatched,
	servicesNode,
	servicesPaginated,
	vccBaseline,
	vccNode,
} from './workflows';

export interface Variant {
	label: string;
	workflow: BenchWorkflow;
}

/** The scenarios run in one n8n, by the key `--only` names them with (the `queue` scenario is scripts/bench/queueScale.ts). */
export const SCENARIO_KEYS = ['cer90', 'services', 'ratelimit', 'vcc12', 'csv'] as const;

export interface Scenario {
	key: (typeof SCENARIO_KEYS)[number];
	title: string;
	/** Which sandbox answers it (the services scenario has its own, seeded with 10,000 services). */
	sandbox: Sandbox;
	vendor: 'livevox' | 'vcclive';
	/** Sandbox settings for this scenario; undone by `after`. */
	before(): void;
	after(): void;
	/** The node first, then the baselines. */
	variants: Variant[];
	/** The best time latency and concurrency allow, and how it is computed. */
	limitMs: number;
	limitFormula: string;
	/** What the reader should know to read the figures. */
	note?: string;
	/** Marks the CSV scenario: its limit comes from csv-parse in a bare Node process. */
	csv?: boolean;
}

export interface BenchSettings {
	latencyMs: number;
	concurrency: number;
	/** The rate-limit scenario's K: more requests in flight get 429. */
	rateLimit: number;
	cerCallsPerDay: number;
	csvRows: number;
	services: number;
}

export interface Credentials {
	liveVox: { id: string; name: string };
	liveVoxServices: { id: string; name: string };
	vccLive: { id: string; name: string };
}

export const SERVICES_CALL_CENTER = 7000;

export function scenarios(main: Sandbox, services: Sandbox, credentials: Credentials, settings: BenchSettings): Scenario[] {
	const { latencyMs: latency, concurrency: c, rateLimit: k } = settings;
	const cerRange: ReportRange = { startDay: '2024-01-01', days: 90, zone: 'America/New_York' };
	const windows = Math.ceil(cerRange.days / 3);
	const csvRange: ReportRange = { startDay: '2024-06-03', days: 3, zone: 'America/New_York' };
	const pages = Math.ceil(settings.services / 1000);
	const reporting = (callsPerDay: number) => () => {
		main.livevox.reporting.configure({ callsPerDay });
		main.livevox.reporting.cacheAnswers = true;
	};
	const resetReporting = () => main.livevox.reporting.reset();
	const one = { batch: 1 };
	const same = { batch: c };
	return [
		{
			key: 'cer90',
			title: `Call Event Recovery, 90 days (${windows} windows of 3 days)`,
			sandbox: main,
			vendor: 'livevox',
			before: reporting(settings.cerCallsPerDay),
			after: resetReporting,
			variants: [
				{ label: `LiveVox node (${c} at a time)`, workflow: cerNode(credentials.liveVox, cerRange, c, 'cer90') },
				{ label: 'HTTP Request, Loop Over Items, 1 at a time', workflow: cerBaseline(main, cerRange, one, 'cer90one') },
				{ label: `HTTP Request, Loop Over Items, ${c} at a time`, workflow: cerBaseline(main, cerRange, same, 'cer90same') },
			],
			limitMs: Math.ceil(windows / c) * latency,
			limitFormula: `ceil(${windows} / ${c}) × ${latency} ms`,
		},
		{
			key: 'services',
			title: `Every service of a call center with ${settings.services.toLocaleString('en-US')} services (${pages} pages of 1000)`,
			sandbox: services,
			vendor: 'livevox',
			before: () => undefined,
			after: () => undefined,
			variants: [
				{ label: 'LiveVox node (List, Return All)', workflow: servicesNode(credentials.liveVoxServices, SERVICES_CALL_CENTER, 'svc') },
				{ label: 'HTTP Request, built-in pagination', workflow: servicesPaginated(services, SERVICES_CALL_CENTER, 'svcpaged') },
				{ label: `HTTP Request, size first, Loop Over Items, ${c} at a time`, workflow: servicesBatched(services, SERVICES_CALL_CENTER, same, 'svcsame') },
			],
			note:
				`One at a time, the HTTP Request node's pagination cannot go below (1 login + ${pages} pages) × ${latency} ms = ${(1 + pages) * latency} ms, the node's limit is ${(1 + Math.ceil(pages / c)) * latency} ms: at most ${((1 + pages) / (1 + Math.ceil(pages / c))).toFixed(2)}× apart. ` +
				`The node asks for the size together with the first page, then the other ${pages - 1} pages ${c} at a time: ${1 + Math.ceil((pages - 1) / c)} rounds, ${(1 + Math.ceil((pages - 1) / c)) * latency} ms. The 3× target cannot be met here: (1 + ${pages}) rounds against ${1 + Math.ceil(pages / c)}.`,
			limitMs: (1 + Math.ceil(pages / c)) * latency,
			limitFormula: `(1 size lookup + ceil(${pages} / ${c})) × ${latency} ms`,
		},
		{
			key: 'ratelimit',
			title: `Call Event Recovery, 90 days, tenant limit: 429 with Retry-After: 1 above ${k} requests in flight`,
			sandbox: main,
			vendor: 'livevox',
			before: () => {
				reporting(settings.cerCallsPerDay)();
				main.setInFlightLimit({ maxInFlight: k, retryAfterSeconds: 1, vendor: 'livevox' });
			},
			after: () => {
				main.setInFlightLimit(undefined);
				resetReporting();
			},
			variants: [
				{ label: `LiveVox node (${c} at a time, retries built in)`, workflow: cerNode(credentials.liveVox, cerRange, c, 'cer90') },
				{ label: 'HTTP Request, Loop Over Items, 1 at a time', workflow: cerBaseline(main, cerRange, one, 'cer90one') },
				{
					label: `HTTP Request, Loop Over Items, ${c} at a time, Retry On Fail (5 tries, 1 s apart)`,
					workflow: cerBaseline(main, cerRange, { batch: c, retry: true }, 'ratesame'),
				},
			],
			note:
				`Retry On Fail runs the whole node again: each try sends the batch of ${c} again, and the tenant refuses ${c - k} of them every time, so that workflow fails once its tries are used up (its requests: 1 login + tries × ${c}). ` +
				'The node retries only the refused requests, after the Retry-After the tenant asked for.',
			limitMs: Math.ceil(windows / k) * latency,
			limitFormula: `ceil(${windows} / ${k}) × ${latency} ms`,
		},
		{
			key: 'vcc12',
			title: 'VCC Live inbound statistics, 12 months (12 month windows)',
			sandbox: main,
			vendor: 'vcclive',
			before: () => undefined,
			after: () => undefined,
			variants: [
				{ label: `VCC Live node (${c} at a time)`, workflow: vccNode(credentials.vccLive, 2024, 'vcc12') },
				{ label: 'HTTP Request, Loop Over Items, 1 at a time', workflow: vccBaseline(main, 2024, one, 'vcc12one') },
				{ label: `HTTP Request, Loop Over Items, ${c} at a time`, workflow: vccBaseline(main, 2024, same, 'vcc12same') },
			],
			limitMs: Math.ceil(12 / c) * latency,
			limitFormula: `ceil(12 / ${c}) × ${latency} ms`,
		},
		{
			key: 'csv',
			title: `A large Call Event Recovery CSV (${settings.csvRows.toLocaleString('en-US')} rows, one request) into items`,
			sandbox: main,
			vendor: 'livevox',
			before: reporting(Math.ceil(settings.csvRows / csvRange.days)),
			after: resetReporting,
			variants: [
				{ label: 'LiveVox node (Call Event Recovery, Items)', workflow: cerNode(credentials.liveVox, csvRange, c, 'csv') },
				{ label: 'HTTP Request (file) + Extract From File (CSV)', workflow: csvBaseline(main, csvRange, 'csv') },
			],
			limitMs: latency,
			limitFormula: `${latency} ms + csv-parse on the same bytes in a bare Node process`,
			csv: true,
		},
	];
}

export const CSV_RANGE: ReportRange = { startDay: '2024-06-03', days: 3, zone: 'America/New_York' };
