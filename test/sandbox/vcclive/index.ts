/**
 * The VCC Live imitation, mounted at /vcclive (a test's base URL is `${sandbox.url}/vcclive`),
 * and the controls tests use to steer it.
 *
 * Order of checks on every call: HTTP Basic (`account`; anything else → 401) →
 * route (routes below; another path → 404, another method → 405) → the resource's checks →
 * the "errors with 200" switch → the answer. Inbound statistics: the documented 417 checks
 * (inboundRequest.ts); records and quota limits with state (records.ts, quotas.ts); CDRs (cdrRequest.ts).
 * Every answer is the `{response, errors}` envelope except CSV and tab data and errors.
 */
import type { SandboxRequest, SandboxResponse, SandboxVendor } from '../types';
import { inboundRows } from './inboundData';
import { cdrLog, cdrOfCall } from './cdrRequest';
import { emailLog } from './emailData';
import type { RenderStyle } from './inboundRequest';
import { readInboundQuery, renderError, renderRows } from './inboundRequest';
import { listProjects, readProjectParameters } from './projects';
import { QuotaStore } from './quotas';
import { RecordStore } from './records';
import { voiceFileList } from './voiceFiles';

export type { Dimension, InboundQuery, InboundRow } from './inboundData';
export { INBOUND_COLUMNS, inboundRows, PROJECTS } from './inboundData';
export { ERROR_CODES } from './inboundRequest';
export type { Cdr } from './cdrData';
export { CDRS_PER_DAY, cdrsOfDay, cdrUuid, recordIdsOf } from './cdrData';
export { EMAILS_PER_MONTH, emailsOfMonth } from './emailData';
export { voiceFilesOfMonth } from './voiceFiles';
export { RECORD_CDR_DAY, RecordStore } from './records';
export { PROJECT_LIST, projectParameters } from './projects';
export type { SandboxQuota } from './quotas';
export { QUOTAS_PER_PROJECT, quotaIdsOf, QuotaStore } from './quotas';

/** The customer whose calls are let in: HTTP Basic with its name as user and its API token. */
export interface VccLiveAccount {
	user: string;
	token: string;
}

export const DEMO_ACCOUNT: Readonly<VccLiveAccount> = Object.freeze({ user: 'acme', token: 'acme-demo-token' });

const INBOUND_PATH = '/v2/statistics/inbound';

type Route = { method: string; pattern: RegExp; handle: (sandbox: VccLiveSandbox, request: SandboxRequest, parts: string[]) => SandboxResponse };

/** The resources the imitation serves besides inbound statistics (ids as digits, as VCC Live has them). */
const ROUTES: Route[] = [
	{ method: 'GET', pattern: /^\/v2\/projects$/, handle: () => listProjects() },
	{ method: 'GET', pattern: /^\/v2\/projects\/(\d+)$/, handle: (_sandbox, _request, [p]) => readProjectParameters(p) },
	{ method: 'GET', pattern: /^\/v2\/projects\/(\d+)\/quotas$/, handle: (sandbox, _request, [p]) => sandbox.quotas.read(p) },
	{ method: 'POST', pattern: /^\/v2\/projects\/(\d+)\/quotas$/, handle: (sandbox, request, [p]) => sandbox.quotas.modify(p, request.body) },
	{ method: 'POST', pattern: /^\/v2\/projects\/(\d+)\/records$/, handle: (sandbox, request, [p]) => sandbox.records.add(p, request.body) },
	{ method: 'PUT', pattern: /^\/v2\/projects\/(\d+)\/records$/, handle: (sandbox, request, [p]) => sandbox.records.batchModify(p, request.body) },
	{ method: 'PUT', pattern: /^\/v2\/projects\/(\d+)\/records\/dispositions$/, handle: (sandbox, request, [p]) => sandbox.records.batchDisposition(p, request.body) },
	{ method: 'GET', pattern: /^\/v2\/projects\/(\d+)\/records\/(\d+)$/, handle: (sandbox, _request, [p, n]) => sandbox.records.read(p, n) },
	{ method: 'PUT', pattern: /^\/v2\/projects\/(\d+)\/records\/(\d+)$/, handle: (sandbox, request, [p, n]) => sandbox.records.modify(p, n, request.body, request.query) },
	{
		method: 'POST',
		pattern: /^\/v2\/projects\/(\d+)\/records\/(\d+)\/dispositions$/,
		handle: (sandbox, request, [p, n]) => sandbox.records.addDisposition(p, n, request.body),
	},
	{
		method: 'PUT',
		pattern: /^\/v2\/projects\/(\d+)\/records\/(\d+)\/contacts\/(\d+)$/,
		handle: (sandbox, request, [p, n, c]) => sandbox.records.modifyContact(p, n, c, request.body),
	},
	{
		method: 'GET',
		pattern: /^\/v2\/projects\/(\d+)\/emails\/(\d{4})\/(\d{2})$/,
		handle: (sandbox, request, [p, y, m]) => emailLog(p, y, m, request.query, sandbox.emailPageCap),
	},
	{ method: 'GET', pattern: /^\/v2\/voicefiles\/(\d{4})\/(\d{2})$/, handle: (_sandbox, request, [y, m]) => voiceFileList(y, m, request.query) },
	{ method: 'GET', pattern: /^\/v2\/cdrs\/([^/]+)\/([^/]+)\/([^/]+)$/, handle: (_sandbox, request, [y, m, d]) => cdrLog(y, m, d, request.query) },
	{ method: 'GET', pattern: /^\/v2\/cdr\/([^/]+)\/([^/]+)\/([^/]+)$/, handle: (_sandbox, _request, [y, m, uuid]) => cdrOfCall(y, m, uuid) },
];

const defaultStyle = (): RenderStyle => ({ trailingComma: false, textInEnvelope: false });

export class VccLiveSandbox implements SandboxVendor {
	readonly name = 'vcclive';
	readonly prefix = '/vcclive';

	/** The Basic-auth pair that is let in; tests may replace it. */
	account: VccLiveAccount = { ...DEMO_ACCOUNT };

	/** `of` values answered with error.argument_format_error, e.g. 'csv' to accept only the documented 'cvs'. */
	refusedFormatValues = new Set<string>();

	/** When set, a valid request gets HTTP 200 with these codes in `errors` (and no data). */
	errorsWithSuccess: string[] | undefined;

	style: RenderStyle = defaultStyle();

	/** When set, the email log gives at most this many per request, whatever `num` asks (not documented either way). */
	emailPageCap: number | undefined;

	/** The projects' records (state: dispositions added). */
	readonly records = new RecordStore();

	/** The projects' quota limits (state: Modify quota limits sets them). */
	readonly quotas = new QuotaStore();

	reset(): void {
		this.records.reset();
		this.quotas.reset();
		this.emailPageCap = undefined;
		this.account = { ...DEMO_ACCOUNT };
		this.refusedFormatValues = new Set();
		this.errorsWithSuccess = undefined;
		this.style = defaultStyle();
	}

	handle(request: SandboxRequest): Promise<SandboxResponse> {
		return Promise.resolve(this.answer(request));
	}

	private authorized(request: SandboxRequest): boolean {
		const expected = `Basic ${Buffer.from(`${this.account.user}:${this.account.token}`).toString('base64')}`;
		return request.headers.authorization === expected;
	}

	private answer(request: SandboxRequest): SandboxResponse {
		if (!this.authorized(request)) {
			return {
				status: 401,
				headers: { 'www-authenticate': 'Basic realm="VCC Live API"' },
				body: { response: null, errors: ['error.authentication_failed'] },
			};
		}
		const routed = ROUTES.map((route) => ({ route, match: route.pattern.exec(request.path) })).filter(({ match }) => match !== null);
		if (routed.length > 0) {
			const chosen = routed.find(({ route }) => route.method === request.method);
			if (!chosen) return { status: 405, body: { response: null, errors: ['error.method_not_allowed'] } };
			if (this.errorsWithSuccess) return { status: 200, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ response: null, errors: this.errorsWithSuccess }) };
			return chosen.route.handle(this, request, (chosen.match as RegExpExecArray).slice(1));
		}
		if (request.path !== INBOUND_PATH) return { status: 404, body: { response: null, errors: ['error.not_found'] } };
		if (request.method !== 'GET') return { status: 405, body: { response: null, errors: ['error.method_not_allowed'] } };

		const read = readInboundQuery(request.query, this.refusedFormatValues);
		if (!read.ok) return renderError(417, [read.code], read.format, this.style);
		if (this.errorsWithSuccess) {
			return { status: 200, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ response: null, errors: this.errorsWithSuccess }) };
		}
		return renderRows(inboundRows(read.query), read.format, this.style);
	}
}
