/**
 * Failures: the documented 417 codes in any output format, errors inside an HTTP 200, a
 * refused login, transient failures retried, bad input stopped before any request, and
 * "Continue On Fail". No message may carry the API token.
 */
import { retryClock } from '../../nodes/shared/retry';
import { DEMO_ACCOUNT, ERROR_CODES } from '../sandbox/vcclive';
import { expectedMonthRows, jsonOf, runInbound, useSandbox, vccCredentials, vccRequests } from './kit';

const sandbox = useSandbox();

const realSleep = retryClock.sleep;
const waits: number[] = [];
beforeAll(() => {
	retryClock.sleep = async (ms: number) => {
		waits.push(ms);
	};
});
afterAll(() => {
	retryClock.sleep = realSleep;
});
beforeEach(() => {
	waits.length = 0;
});

const ONE_DAY = { from: '2024-04-01', to: '2024-04-01' };

/** Every message and description a failed run shows, to check for the token. */
const shown = (error: { message: string; description?: string } | undefined) => `${error?.message} ${error?.description ?? ''}`;

describe('the documented 417 errors', () => {
	const cases = [
		[ERROR_CODES.format, 'VCC Live rejected a parameter as badly formatted (error.argument_format_error)', /check the period/i],
		[ERROR_CODES.missing, 'VCC Live says a required parameter is missing or empty (error.argument_missing_or_empty)', /ends before \/v2/],
		[
			ERROR_CODES.interval,
			'VCC Live refused the period as longer than its maximum of one month (error.maximum_date_interval_reached)',
			/ask for a shorter period/,
		],
	] as const;

	describe.each(['json', 'csv', 'tab'] as const)('asked for %s', (outputFormat) => {
		it.each(cases)('%s as the JSON envelope', async (code, message, advice) => {
			sandbox().faults.add({ vendor: 'vcclive', fault: { kind: 'status', status: 417, body: { response: null, errors: [code] } } });
			const result = await runInbound(sandbox(), { ...ONE_DAY, outputFormat });
			expect(result.error).toMatchObject({ message, httpCode: '417' });
			expect(result.error?.description).toMatch(advice);
			expect(vccRequests(sandbox())).toHaveLength(1);
		});

		it.each(cases)('%s as a bare line of text', async (code, message) => {
			sandbox().faults.add({ vendor: 'vcclive', fault: { kind: 'status', status: 417, body: `${code}\n` } });
			const result = await runInbound(sandbox(), { ...ONE_DAY, outputFormat });
			expect(result.error).toMatchObject({ message, httpCode: '417' });
		});
	});

	it('reads the code from the sandbox’s own validation (of=csv refused, answered in JSON)', async () => {
		sandbox().vcclive.refusedFormatValues.add('tab');
		const result = await runInbound(sandbox(), { ...ONE_DAY, outputFormat: 'tab' });
		expect(vccRequests(sandbox())[0].status).toBe(417);
		expect(result.error?.message).toBe('VCC Live rejected a parameter as badly formatted (error.argument_format_error)');
		// Only a CSV request gets the advice about the "cvs" spelling.
		expect(result.error?.description).not.toContain('cvs');
	});

	it('names an unknown code and any further codes', async () => {
		sandbox().faults.add({
			vendor: 'vcclive',
			fault: { kind: 'status', status: 417, body: { response: null, errors: ['error.something_new', ERROR_CODES.missing] } },
		});
		const result = await runInbound(sandbox(), ONE_DAY);
		expect(result.error?.message).toContain('error.argument_missing_or_empty');
		expect(result.error?.description).toContain('VCC Live also said: error.something_new');
	});
});

describe('errors inside an HTTP 200', () => {
	it.each(['json', 'csv'] as const)('fail the run (%s)', async (outputFormat) => {
		sandbox().vcclive.errorsWithSuccess = ['error.internal_statistics_failure'];
		const result = await runInbound(sandbox(), { ...ONE_DAY, outputFormat });
		expect(vccRequests(sandbox())[0].status).toBe(200);
		expect(result.error).toMatchObject({
			message: 'VCC Live answered with errors: error.internal_statistics_failure',
			httpCode: '200',
		});
		expect(result.items).toEqual([]);
	});

	it('use the documented words for a documented code', async () => {
		sandbox().vcclive.errorsWithSuccess = [ERROR_CODES.interval];
		const result = await runInbound(sandbox(), ONE_DAY);
		expect(result.error?.message).toContain('longer than its maximum of one month');
	});
});

describe('login and transient failures', () => {
	it('says what to check on a refused login, without the token', async () => {
		const result = await runInbound(sandbox(), ONE_DAY, { credentials: vccCredentials(sandbox(), { apiToken: 'wrong-token-value' }) });
		expect(result.error).toMatchObject({ message: 'VCC Live did not accept the login: error.authentication_failed', httpCode: '401' });
		expect(result.error?.description).toContain('allow-listed IP addresses');
		expect(shown(result.error)).not.toContain('wrong-token-value');
		expect(vccRequests(sandbox())).toHaveLength(1);
	});

	it('logs in as the user typed in, when there is one', async () => {
		sandbox().vcclive.account = { user: 'api.reader', token: DEMO_ACCOUNT.token };
		const result = await runInbound(sandbox(), ONE_DAY, { credentials: vccCredentials(sandbox(), { user: 'api.reader' }) });
		expect(result.error).toBeUndefined();
		const expected = `Basic ${Buffer.from(`api.reader:${DEMO_ACCOUNT.token}`).toString('base64')}`;
		expect(vccRequests(sandbox())[0].headers.authorization).toBe(expected);
	});

	it('retries a read after 503 and 429, honouring Retry-After, then gets the rows', async () => {
		sandbox().faults.add({ vendor: 'vcclive', fault: { kind: 'status', status: 503 } });
		sandbox().faults.add({ vendor: 'vcclive', fault: { kind: 'status', status: 429, retryAfter: 2 } });
		const result = await runInbound(sandbox(), ONE_DAY);
		expect(result.error).toBeUndefined();
		expect(vccRequests(sandbox()).map((request) => request.status)).toEqual([503, 429, 200]);
		expect(waits[1]).toBe(2000);
		expect(jsonOf(result)).toEqual(expectedMonthRows({ from: '2024-04-01', to: '2024-04-01', dimensions: ['project'] }));
	});

	it('gives up after four attempts and says so', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'status', status: 502, body: 'Bad gateway' } });
		const result = await runInbound(sandbox(), ONE_DAY);
		expect(vccRequests(sandbox())).toHaveLength(4);
		expect(result.error?.message).toBe('VCC Live had a server error (502) (tried 4 times): Bad gateway');
	});

	it('does not retry a 417', async () => {
		sandbox().faults.add({ vendor: 'vcclive', times: Infinity, fault: { kind: 'status', status: 417, body: ERROR_CODES.format } });
		await runInbound(sandbox(), ONE_DAY);
		expect(vccRequests(sandbox())).toHaveLength(1);
	});
});

describe('answers read leniently', () => {
	it('reads JSON with the trailing comma of the documented example', async () => {
		sandbox().vcclive.style.trailingComma = true;
		const result = await runInbound(sandbox(), ONE_DAY);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual(expectedMonthRows({ ...ONE_DAY, dimensions: ['project'] }));
	});

	it.each(['csv', 'tab'] as const)('reads %s text sent inside the envelope', async (outputFormat) => {
		sandbox().vcclive.style.textInEnvelope = true;
		const result = await runInbound(sandbox(), { ...ONE_DAY, outputFormat, options: { attachFile: true } });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual(expectedMonthRows({ ...ONE_DAY, dimensions: ['project'] }));
		expect(result.items[0].binary?.data).toBeDefined();
	});

	it('fails clearly when JSON was asked for and something else came', async () => {
		sandbox().faults.add({ vendor: 'vcclive', fault: { kind: 'status', status: 200, body: '<html>Login</html>' } });
		const result = await runInbound(sandbox(), ONE_DAY);
		expect(result.error?.message).toBe('VCC Live answered with something other than its JSON envelope');
	});
});

describe('bad input, stopped before any request', () => {
	it.each([
		[{ from: '2024-04-02', to: '2024-04-01' }, 'From "2024-04-02" is after To "2024-04-01"'],
		[{ from: 'next tuesday', to: '2024-04-01' }, 'From "next tuesday" is not a date'],
		[{ from: '2024-04-01', to: '2023-02-29' }, 'To "2023-02-29" is not a date'],
		[{ from: '={{ "" }}', to: '2024-04-01' }, 'From is missing'],
		[{ dimensions: '={{ [] }}' }, 'Choose at least one dimension'],
		[{ dimensions: '={{ ["project", "agent"] }}' }, 'Unknown dimension "agent"'],
		[{ projects: '53, abc' }, 'each of Project IDs must be a whole number, got "abc"'],
		[{ teams: '3;-4' }, 'each of Team IDs must be a whole number, got "-4"'],
		[{ options: { manualSla: 0 } }, 'Manual SLA must be a whole number of seconds above 0, got "0"'],
		[{ options: { manualSla: -5 } }, 'Manual SLA must be a whole number of seconds above 0, got "-5"'],
		[{ options: { manualSla: 2.5 } }, 'Manual SLA must be a whole number of seconds above 0, got "2.5"'],
		[{ requestOptions: { concurrency: 0 } }, 'Concurrent Requests must be a whole number of at least 1, got 0'],
		[{ outputFormat: 'csv', options: { attachFile: true, binaryPropertyName: ' ' } }, 'Put Output File in Field is empty'],
	])('%j', async (parameters, message) => {
		const result = await runInbound(sandbox(), { ...ONE_DAY, ...parameters });
		expect(result.error?.message).toBe(message);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(result.error?.description).toBeTruthy();
		expect(sandbox().requests).toEqual([]);
	});
});

describe('required fields left empty in the editor', () => {
	it.each([[{ from: '' }], [{ dimensions: [] }]])('%j: n8n itself refuses to run the workflow', async (parameters) => {
		await expect(runInbound(sandbox(), { ...ONE_DAY, ...parameters })).rejects.toThrow('The workflow has issues');
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Continue On Fail', () => {
	it('gives an error item for the failing item and the rows of the others', async () => {
		const result = await runInbound(
			sandbox(),
			{ from: '={{ $json.from }}', to: '={{ $json.to }}' },
			{ continueOnFail: true, items: [{ from: '2024-04-05', to: '2024-04-01' }, { from: '2024-04-01', to: '2024-04-01' }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toEqual({
			json: { error: 'From "2024-04-05" is after To "2024-04-01"', description: expect.any(String) },
			pairedItem: { item: 0 },
		});
		expect(result.items.slice(1).map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 1 }, { item: 1 }]);
		expect(vccRequests(sandbox())).toHaveLength(1);
	});

	it('turns a VCC Live error into an error item too', async () => {
		sandbox().vcclive.errorsWithSuccess = [ERROR_CODES.format];
		const result = await runInbound(sandbox(), ONE_DAY, { continueOnFail: true });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe('VCC Live rejected a parameter as badly formatted (error.argument_format_error)');
	});
});
