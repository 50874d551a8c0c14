import { dispositionChoices, fieldChoices, projectResults } from '../../nodes/VccLive/methods/projectChoices';

describe('projectResults', () => {
	const answer = [
		{ projectid: 9002, name: 'Sales', status: 'active', folderid: 0, container: true, folder: '' },
		{ projectid: 370, name: 'Sales - Debrecen', status: 'inactive', folderid: 9002, container: false, folder: 'Sales' },
		{ projectid: 214, name: 'Sales - Budapest', status: 'active', folderid: 9002, container: false, folder: 'Sales' },
	];

	it('lists the projects, not the folders, by name, with their IDs and a status other than active', () => {
		expect(projectResults(answer)).toEqual([
			{ name: 'Sales - Budapest (214)', value: '214' },
			{ name: 'Sales - Debrecen (370) — inactive', value: '370' },
		]);
	});

	it('narrows to the search text, in the name or the ID, whatever its case', () => {
		expect(projectResults(answer, ' budapest ').map((result) => result.value)).toEqual(['214']);
		expect(projectResults(answer, '37').map((result) => result.value)).toEqual(['370']);
		expect(projectResults(answer, 'nothing like it')).toEqual([]);
	});

	it('reads an object keyed by position as a list, and skips entries without an ID', () => {
		expect(projectResults({ 0: answer[2], 1: { name: 'no id' }, 2: 'text' })).toEqual([{ name: 'Sales - Budapest (214)', value: '214' }]);
		expect(projectResults(null)).toEqual([]);
	});
});

describe('dispositionChoices', () => {
	it('gives each disposition its name and ID, the assessment as description, by name', () => {
		expect(
			dispositionChoices({
				dispositions: [
					{ dispositionid: 2, name: 'Not interested', assessment: 'failure' },
					{ dispositionid: 1, label: 'Sale' },
					{ name: 'no id' },
				],
			}),
		).toEqual([
			{ name: 'Not interested (2)', value: '2', description: 'Assessment: failure' },
			{ name: 'Sale (1)', value: '1' },
		]);
	});

	it('is empty for an answer without dispositions', () => {
		expect(dispositionChoices(undefined)).toEqual([]);
		expect(dispositionChoices({ fields: [] })).toEqual([]);
	});
});

describe('fieldChoices', () => {
	it('lists the project’s fields by label, then the phone fields it does not list', () => {
		const choices = fieldChoices({
			fields: [
				{ name: 'city', label: 'City', type: 'simple' },
				{ name: 'phone1', label: 'Mobile', type: 'text' },
				{ label: 'nameless' },
			],
		});
		expect(choices.slice(0, 2)).toEqual([
			{ name: 'City (city)', value: 'city', description: 'Type: simple' },
			{ name: 'Mobile (phone1)', value: 'phone1', description: 'Type: text' },
		]);
		expect(choices.slice(2).map((choice) => choice.value)).toEqual(['phone2', 'phone3', 'phone4', 'phone5', 'phone6', 'phone7', 'phone8', 'phone9']);
		expect(choices[2]).toEqual({ name: 'Phone 2 (phone2)', value: 'phone2', description: 'Phone field' });
	});

	it('gives the phone fields alone for an answer without fields', () => {
		expect(fieldChoices(undefined).map((choice) => choice.value)).toHaveLength(9);
	});
});
