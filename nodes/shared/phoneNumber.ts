import { InvalidInput } from './input';

export interface PhoneNumberRules {
	/** Accept any 4 to 15 digits (E.164's longest) instead of requiring a North American number. */
	allowOtherFormats?: boolean;
}

/** Characters people write around the digits of a phone number; anything else means it is not one. */
const NUMBER_TEXT = /^\+?[\d\s\-().]+$/;
/** Area code and exchange start with 2-9 (NANP): 4152057483. */
const NORTH_AMERICAN = /^[2-9]\d{2}[2-9]\d{6}$/;
const MIN_OTHER_DIGITS = 4;
const MAX_OTHER_DIGITS = 15;

/**
 * A phone number as the dialer wants it: digits only. Spaces, dashes, dots, brackets and a
 * leading + are dropped; by default it must then be a 10-digit North American number (a
 * leading country code 1 is dropped too), otherwise any 4 to 15 digits.
 */
export function normalisePhoneNumber(value: unknown, label: string, rules: PhoneNumberRules = {}): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (text === '') {
		throw new InvalidInput(`${label} is missing`, `Enter the ${label}, for example 4152057483.`);
	}
	const shown = text.slice(0, 30);
	const digits = text.replace(/\D/g, '');
	if (!NUMBER_TEXT.test(text)) {
		throw new InvalidInput(
			`${label} "${shown}" is not a phone number`,
			'A phone number holds digits, optionally with spaces, dashes, dots, brackets or a leading +.',
		);
	}
	if (rules.allowOtherFormats) {
		if (digits.length < MIN_OTHER_DIGITS || digits.length > MAX_OTHER_DIGITS) {
			throw new InvalidInput(
				`${label} "${shown}" has ${digits.length} digits`,
				`A phone number has ${MIN_OTHER_DIGITS} to ${MAX_OTHER_DIGITS} digits.`,
			);
		}
		return digits;
	}
	const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
	if (!NORTH_AMERICAN.test(national)) {
		throw new InvalidInput(
			`${label} "${shown}" is not a 10-digit North American number`,
			'Enter 10 digits whose area code and exchange do not start with 0 or 1, for example 4152057483 or (415) 205-7483. For other numbers, turn on the option "Allow Other Phone Formats".',
		);
	}
	return national;
}
