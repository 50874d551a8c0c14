import { documentedErrorWords, errorCodesIn, parseVccLiveJson, readEnvelope, splitElementErrors } from '../../nodes/VccLive/vccLiveErrors';

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

describe('splitElementErrors', () => {
	it('returns the errors naming an element sent, and leaves the others in the envelope', () => {
		const body =
			'{"errors": [{"errorcode": 417, "index": 1, "errormessage": "error.missing_arguments"}, {"index": 5, "errormessage": "error.x"}, "error.y", {"index": "0", "errormessage": "error.z"}], "response": {"0": true}}';
		expect(splitElementErrors(body, 2)).toEqual({
			envelope: { response: { '0': true }, errors: ['error.x', 'error.y', 'error.z'] },
			elementErrors: [{ index: 1, code: 'error.missing_arguments', errorcode: 417 }],
		});
	});

	it('reads parsed bodies and gives undefined for a body that is no envelope', () => {
		expect(splitElementErrors({ errors: [{ index: 0, errormessage: 'error.a' }], response: {} }, 1)?.elementErrors).toEqual([{ index: 0, code: 'error.a' }]);
		expect(splitElementErrors('[1, 2]', 2)).toBeUndefined();
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
