import { InvalidInput } from './input';
import { normalisePhoneNumber } from './phoneNumber';

describe('normalisePhoneNumber', () => {
	test.each([
		['4152057483', '4152057483'],
		['(415) 205-7483', '4152057483'],
		['415.205.7483', '4152057483'],
		['+1 415 205 7483', '4152057483'],
		['14152057483', '4152057483'],
		[4152057483, '4152057483'],
	])('%p becomes %p', (input, expected) => {
		expect(normalisePhoneNumber(input, 'Phone Number')).toBe(expected);
	});

	test.each([
		['', 'Phone Number is missing'],
		['415205748', 'is not a 10-digit North American number'],
		['0152057483', 'is not a 10-digit North American number'],
		['4151057483', 'is not a 10-digit North American number'],
		['+44 20 7946 0958', 'is not a 10-digit North American number'],
		['415-CALL-NOW', 'is not a phone number'],
		['4152057483 x12', 'is not a phone number'],
	])('%p is refused: %s', (input, message) => {
		expect(() => normalisePhoneNumber(input, 'Phone Number')).toThrow(InvalidInput);
		expect(() => normalisePhoneNumber(input, 'Phone Number')).toThrow(message);
	});

	test('other formats: any 4 to 15 digits', () => {
		const rules = { allowOtherFormats: true };
		expect(normalisePhoneNumber('+44 20 7946 0958', 'Phone', rules)).toBe('442079460958');
		expect(normalisePhoneNumber('1234', 'Phone', rules)).toBe('1234');
		expect(() => normalisePhoneNumber('123', 'Phone', rules)).toThrow('has 3 digits');
		expect(() => normalisePhoneNumber('1234567890123456', 'Phone', rules)).toThrow('has 16 digits');
	});

	test('the hint names the option for numbers outside North America', () => {
		try {
			normalisePhoneNumber('+44 20 7946 0958', 'Phone Number');
			throw new Error('not refused');
		} catch (error) {
			expect((error as InvalidInput).hint).toContain('Allow Other Phone Formats');
		}
	});
});
