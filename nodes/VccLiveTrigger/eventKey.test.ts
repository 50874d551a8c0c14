import { buildPayload } from '../../test/sandbox/vcclive/webhookPayloads';
import { canonicalJson, eventKey } from './eventKey';

describe('the event key', () => {
	test('a resend of the same event gets the same key, whatever the order of its fields', () => {
		const body = buildPayload('callDisposition', 1);
		const reordered = Object.fromEntries(Object.entries(body).reverse());
		expect(eventKey('callDisposition', reordered)).toBe(eventKey('callDisposition', body));
		expect(eventKey('callDisposition', body)).toMatch(/^[0-9a-f]{64}$/);
	});

	test('a disposition is identified by its call, record, project and time', () => {
		const body = buildPayload('callDisposition', 1);
		// A field that does not identify the occurrence (the agent's comment) does not change it.
		expect(eventKey('callDisposition', { ...body, agent_description: 'edited' })).toBe(eventKey('callDisposition', body));
		expect(eventKey('callDisposition', { ...body, timestamp: '2026-03-02T11:00:00+01:00' })).not.toBe(eventKey('callDisposition', body));
		expect(eventKey('callDisposition', buildPayload('callDisposition', 2))).not.toBe(eventKey('callDisposition', body));
	});

	test('the same body as another event type is another event', () => {
		const body = buildPayload('callDisposition', 1);
		expect(eventKey('mobileDisposition', body)).not.toBe(eventKey('callDisposition', body));
	});

	test('a payment\'s in-progress and final objects are two events', () => {
		const final = buildPayload('paymentTransaction', 1);
		const inProgress = { ...final, payment: { ...(final.payment as object), status: 'in_progress' } };
		expect(eventKey('paymentTransaction', inProgress)).not.toBe(eventKey('paymentTransaction', final));
	});

	test('events without documented ids are identified by their whole body', () => {
		const user = buildPayload('userCreated', 1);
		expect(eventKey('userCreated', JSON.parse(JSON.stringify(user)))).toBe(eventKey('userCreated', user));
		expect(eventKey('userCreated', buildPayload('userCreated', 2))).not.toBe(eventKey('userCreated', user));
		// A disposition missing its ids falls back to the body too.
		expect(eventKey('callDisposition', { projectid: 1 })).not.toBe(eventKey('callDisposition', { projectid: 2 }));
	});

	test('canonical JSON sorts keys at every level and keeps arrays in order', () => {
		expect(canonicalJson({ b: [2, 1], a: { d: 1, c: null } })).toBe('{"a":{"c":null,"d":1},"b":[2,1]}');
	});
});
