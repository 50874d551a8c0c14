import { readBody, withoutSecurityParameters } from './payload';

describe('reading a webhook body', () => {
	test('a JSON object, as the async events and Project Login send it', () => {
		expect(readBody(' {"projectId":1,"secondaryProjectIds":[2,3]} \n')).toEqual({ value: { projectId: 1, secondaryProjectIds: [2, 3] } });
	});

	test('form fields, as the IVR sends them with the form content type', () => {
		expect(readBody('customer=acme&projectid=4&pin=12%2034')).toEqual({ value: { customer: 'acme', projectid: '4', pin: '12 34' } });
	});

	test.each([
		['{"uuid": ', 'The body is not valid JSON'],
		['{"a":1} trailing', 'The body is not valid JSON'],
		['', 'The body is empty'],
		['just text', 'The body is neither a JSON object nor form fields'],
		['[1,2]', 'The body is neither a JSON object nor form fields'],
	])('%p is refused: %s', (text, reason) => {
		expect(readBody(text)).toEqual({ unreadable: reason });
	});

	test('the secret key and the iv never become event fields', () => {
		expect(withoutSecurityParameters({ 'secret-key': 's', iv: '00', projectid: '4' }, 'secret-key')).toEqual({ projectid: '4' });
		expect(withoutSecurityParameters({ token: 's', 'secret-key': 'kept' }, 'token')).toEqual({ 'secret-key': 'kept' });
	});
});
