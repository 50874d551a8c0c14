/**
 * The LiveVox icon at the sizes n8n shows it (32 px on the canvas): the "V" is one stroke,
 * down and up, with no horizontal bar at its top that blurs into stray marks when scaled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const icons = ['livevox.svg', 'livevox.dark.svg'];

/** The stroked paths of an SVG (the "V"; the "L" is a filled shape). */
function strokedPaths(svg: string): Array<{ d: string; attributes: string }> {
	return [...svg.matchAll(/<path\b([^>]*)\/?>/g)]
		.map((match) => match[1])
		.filter((attributes) => /\bstroke="/.test(attributes))
		.map((attributes) => ({ d: /\bd="([^"]+)"/.exec(attributes)?.[1] ?? '', attributes }));
}

/** The points a path of M/L/l commands visits, in icon units; other commands are refused. */
function pointsOf(d: string): Array<[number, number]> {
	const points: Array<[number, number]> = [];
	for (const [, command, args] of d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
		const numbers = (args.match(/-?\d*\.?\d+/g) ?? []).map(Number);
		expect(['M', 'L', 'l']).toContain(command);
		for (let index = 0; index < numbers.length; index += 2) {
			const [x, y] = [numbers[index], numbers[index + 1]];
			const last = points[points.length - 1];
			points.push(command === 'l' ? [last[0] + x, last[1] + y] : [x, y]);
		}
	}
	return points;
}

describe.each(icons)('%s', (file) => {
	const svg = readFileSync(path.join(__dirname, '../icons', file), 'utf8');

	test('the V is a single stroke down to one point and up again, with rounded ends', () => {
		const [v, ...others] = strokedPaths(svg);
		expect(others).toEqual([]);
		const points = pointsOf(v.d);
		expect(points).toHaveLength(3);
		const [top1, bottom, top2] = points;
		expect(bottom[1]).toBeGreaterThan(top1[1]);
		expect(bottom[1]).toBeGreaterThan(top2[1]);
		// No horizontal segment: every segment goes down or up.
		for (let index = 1; index < points.length; index++) expect(points[index][1]).not.toBe(points[index - 1][1]);
		expect(v.attributes).toContain('stroke-linecap="round"');
		expect(v.attributes).toContain('stroke-linejoin="round"');
	});

	test('the V stays inside the icon\'s margin with its stroke, clear of the stem of the L', () => {
		const [v] = strokedPaths(svg);
		const width = Number(/stroke-width="([\d.]+)"/.exec(v.attributes)?.[1]);
		const points = pointsOf(v.d);
		const xs = points.map(([x]) => x);
		const ys = points.map(([, y]) => y);
		expect(Math.min(...xs) - width / 2).toBeGreaterThanOrEqual(22 + 8); // the L's stem ends at x = 22
		expect(Math.max(...xs) + width / 2).toBeLessThanOrEqual(64 - 8);
		expect(Math.min(...ys) - width / 2).toBeGreaterThanOrEqual(8);
	});
});
