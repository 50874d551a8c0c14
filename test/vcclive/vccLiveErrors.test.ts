import { documentedErrorWords, errorCodesIn, parseVccLiveJson, readEnvelope } from '../../nodes/VccLive/vccLiveErrors';

describe('parseVccLiveJson', () => {
	it('reads the documented example’s trailing comma, but leaves commas inside strings alone', () => {
		expect(parseVccLiveJson('{"response": [{"a": 1,}], "errors": [],\n}')).toEqual({ response: [{ a: 1 }], errors: [] });
		expect(parseVccLiveJson('{"note": "x,}", "list": [1,],}')).toEqual({ note: 'x,}', list: [1] });
		expect(parseVccLiveJson('\ufeff{"response": null}')).toEqual({ response: null });
	});

	it('gives undefined for text that is no JSON', () => {
		expect(parseVccLiveJson('projectid,queueid')).toBeUndefined();
		expect(parseVccLiveJson('{broken')).toBeUndefined();
	});
});

describe('readEnvelope and errorCodesIn', () => {
	it('finds the envelope in text or parsed bodies, and normalizes error entries', () => {
		expect(readEnvelope('  {"response": [], "errors": ["error.a", {"code": "error.b"}, {"message": "text"}]}')).toEqual({
			response: [],
			errors: ['error.a', 'error.b', 'text'],
		});
		expect(readEnvelope({ errors: ['error.c'] })).toEqual({ response: undefined, errors: ['error.c'] });
		expect(readEnvelope('a,b\n1,2')).toBeUndefined();
		expect(readEnvelope('{"other": 1}')).toBeUndefined();
	});

	it('reads codes written as plain text, once each', () => {
		expect(errorCodesIn('error.argument_format_error\nerror.argument_format_error\n')).toEqual(['error.argument_format_error']);
		expect(errorCodesIn('Bad gateway')).toEqual([]);
		expect(errorCodesIn(undefined)).toEqual([]);
	});
});

describe('documentedErrorWords', () => {
	it('has words for the three documented codes only', () => {
		expect(documentedErrorWords(['error.maximum_date_interval_reached'])?.message).toContain('one month');
		expect(documentedErrorWords(['error.unheard_of'])).toBeUndefined();
	});

	it('takes the operation’s advice over its own', () => {
		const words = documentedErrorWords(['error.argument_format_error'], { 'error.argument_format_error': 'Try cvs.' });
		expect(words?.description).toBe('Try cvs.');
	});
});
