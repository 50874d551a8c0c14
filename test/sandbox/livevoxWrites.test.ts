/**
 * LiveVox sandbox: the Services writes are validated, visible to later reads, stamp
 * lastModified with the sandbox clock, and obey the "Modify Services" power.
 */
import { startSandbox } from './server';
import type { Sandbox } from './server';
import { LiveVoxTestClient } from './livevoxTestClient';

let sandbox: Sandbox;
let client: LiveVoxTestClient;
const base = '/configuration/services';

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(async () => {
	sandbox.livevox.reset();
	sandbox.livevox.now = () => 1_800_000_000_000;
	client = new LiveVoxTestClient(sandbox);
	await client.login();
});

describe('create and delete', () => {
	it('creates a copy (the doc example answers 53701) and stamps lastModified', async () => {
		const created = await client.call('POST', base, { query: { service: 53661, name: 'Documentation' } });
		expect(created).toMatchObject({ status: 201, body: { id: 53701 } });
		expect((await client.call('GET', `${base}/53701`)).body).toMatchObject({ name: 'Documentation', callCenterId: 433 });
		const info = await client.call('GET', `${base}/info`, { query: { callCenter: 433 } });
		expect(info.body).toEqual({ size: 13, lastModified: 1_800_000_000_000 });
		expect((await client.call('POST', base, { query: { service: 1, name: 'x' } })).status).toBe(404);
		expect((await client.call('POST', base, { query: { name: 'x' } })).status).toBe(400);
	});

	it('deletes a service, and refuses one with recent campaigns', async () => {
		const deleted = await client.call('DELETE', `${base}/17797`);
		expect(deleted).toEqual(expect.objectContaining({ status: 204, body: undefined }));
		expect((await client.call('GET', `${base}/17797`)).status).toBe(404);
		expect((await client.call('DELETE', `${base}/17797`)).status).toBe(404);
		expect(await client.call('DELETE', `${base}/5607`)).toMatchObject({
			status: 400,
			body: { message: 'A Service can only be deleted if no campaigns were associated to it in the past 90 days' },
		});
	});
});

describe('updates', () => {
	it('updates only the given general fields and rejects unknown keys', async () => {
		expect((await client.call('POST', `${base}/20575`, { body: { name: 'Renamed', previewMode: null } })).status).toBe(204);
		expect((await client.call('GET', `${base}/20575`)).body).toMatchObject({
			name: 'Renamed',
			previewMode: null,
			abbreviation: '6',
		});
		const unknownKey = await client.call('POST', `${base}/20575`, { body: { nmae: 'typo' } });
		expect(unknownKey).toMatchObject({ status: 400, body: { code: 400 } });
		expect((await client.call('POST', `${base}/20575`, { body: { unattended: 'yes' } })).status).toBe(400);
	});

	it('updates settings, keeping the old and new names of a setting in step', async () => {
		const update = await client.call('POST', `${base}/18892/settings`, {
			body: { serviceLevelSeconds: 45, contactMaxAttemptsPerDay: 3 },
		});
		expect(update.status).toBe(204);
		expect((await client.call('GET', `${base}/18892/settings`)).body).toMatchObject({
			serviceLevelSeconds: 45,
			contactMaxAttemptsPerDay: 3,
			accountMaxAttemptsPerDay: 3,
		});
		expect((await client.call('POST', `${base}/18892/settings`, { body: { screenPopId: 1 } })).status).toBe(400);
	});

	it('stores a messaging property under its lower-case key', async () => {
		const update = await client.call('POST', `${base}/20575/messaging`, {
			query: { property: 'INBOUND_TEMPLATE_ID', value: '14206' },
		});
		expect(update.status).toBe(204);
		const messaging = await client.call('GET', `${base}/20575/messaging`);
		expect((messaging.body as { property: unknown[] }).property).toContainEqual({ key: 'inbound_template_id', value: '14206' });
		expect((await client.call('POST', `${base}/20575/messaging`, { query: { property: 'X' } })).status).toBe(400);
	});

	it('adds, defaults and removes caller ids, and updates the phone tab', async () => {
		expect((await client.call('POST', `${base}/20575/phone/7347324396`, { query: { default: true } })).status).toBe(204);
		let phone = (await client.call('GET', `${base}/20575/phone`)).body as { callerId: string[]; defaultCallerId: string };
		expect(phone.callerId).toContain('7347324396');
		expect(phone.defaultCallerId).toBe('7347324396');
		expect((await client.call('POST', `${base}/20575/phone/12ab`)).status).toBe(400);

		const update = await client.call('POST', `${base}/20575/phone`, {
			body: { operatorPhone: '8773402033', defaultCallerId: '8773402031' },
		});
		expect(update.status).toBe(204);
		expect((await client.call('POST', `${base}/20575/phone`, { body: { defaultCallerId: '5550000000' } })).status).toBe(400);

		expect((await client.call('DELETE', `${base}/20575/phone/8886542232`)).status).toBe(204);
		phone = (await client.call('GET', `${base}/20575/phone`)).body as { callerId: string[]; defaultCallerId: string };
		expect(phone.callerId).not.toContain('8886542232');
		expect(phone.defaultCallerId).toBe('8773402031');
		expect((await client.call('DELETE', `${base}/20575/phone/8886542232`)).status).toBe(404);
	});

	it('adds, updates and removes inbound hours (the doc example answers 29857)', async () => {
		const added = await client.call('POST', `${base}/20575/inboundHours`, {
			body: { dayOfWeek: 'SATURDAY', startTime: 50400000, endTime: 61200000 },
		});
		expect(added).toMatchObject({ status: 200, body: { id: 29857 } });
		const invalidBodies = [
			{ dayOfWeek: 'SPECIFIC_DATE', startTime: 0, endTime: 1000 },
			{ dayOfWeek: 'MONDAY', startTime: 5000, endTime: 5000 },
			{ dayOfWeek: 'MONDAY', startTime: 0, endTime: 48 * 3600 * 1000 + 1 },
			{ dayOfWeek: 'monday', startTime: 0, endTime: 1000 },
			{ startTime: 0, endTime: 1000 },
		];
		for (const body of invalidBodies) {
			expect((await client.call('POST', `${base}/20575/inboundHours`, { body })).status).toBe(400);
		}
		const holiday = await client.call('POST', `${base}/20575/inboundHours`, {
			body: { dayOfWeek: 'SPECIFIC_DATE', date: 1580446800000, startTime: 54000000, endTime: 61200000 },
		});
		expect(holiday.body).toEqual({ id: 29858 });

		expect((await client.call('POST', `${base}/20575/inboundHours/29857`)).status).toBe(400);
		const update = await client.call('POST', `${base}/20575/inboundHours/29857`, { body: { startTime: 62100000, endTime: 82500000 } });
		expect(update.status).toBe(204);
		const hours = (await client.call('GET', `${base}/20575/inboundHours`)).body as { inboundHour: Array<{ id: number }> };
		expect(hours.inboundHour).toContainEqual({ id: 29857, dayOfWeek: 'SATURDAY', startTime: 62100000, endTime: 82500000 });

		expect((await client.call('DELETE', `${base}/20575/inboundHours/29857`)).status).toBe(204);
		expect((await client.call('DELETE', `${base}/20575/inboundHours/29857`)).status).toBe(404);
		expect((await client.call('POST', `${base}/20575/inboundHours/29857`, { body: { startTime: 1 } })).status).toBe(404);
	});
});

describe('permissions', () => {
	it('refuses every write without the Modify Services power, but not the reads', async () => {
		sandbox.livevox.permissions = { modifyServices: false };
		const forbidden = { status: 403, body: { code: 403, message: "User does not have the 'Modify Services' power" } };
		expect(await client.call('POST', base, { query: { service: 53661, name: 'x' } })).toMatchObject(forbidden);
		expect(await client.call('DELETE', `${base}/17797`)).toMatchObject(forbidden);
		expect(await client.call('POST', `${base}/20575`, { body: { name: 'x' } })).toMatchObject(forbidden);
		expect(await client.call('POST', `${base}/20575/phone/5551234567`)).toMatchObject(forbidden);
		expect(await client.call('DELETE', `${base}/20575/inboundHours/1012878`)).toMatchObject(forbidden);
		expect((await client.call('GET', `${base}/17797`)).status).toBe(200);
		const search = await client.call('POST', `${base}/search`, {
			query: { count: 5, offset: 0 },
			body: { callDirection: 'INBOUND', acdFeature: ['AGENT_AT_READY_IN'] },
		});
		expect(search.status).toBe(200);
		expect((await client.call('GET', `${base}/20575/inboundHours`)).body).toMatchObject({
			inboundHour: expect.arrayContaining([expect.objectContaining({ id: 1012878 })]),
		});
	});

	it('reset() brings back the seed data and full permissions', async () => {
		await client.call('DELETE', `${base}/17797`);
		sandbox.livevox.permissions = { modifyServices: false };
		sandbox.livevox.reset();
		expect(sandbox.livevox.permissions.modifyServices).toBe(true);
		await client.login();
		expect((await client.call('GET', `${base}/17797`)).status).toBe(200);
	});
});
