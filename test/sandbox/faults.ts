/**
 * Fault injection: tests arm rules that make the sandbox misbehave for matching requests,
 * to exercise retries, error mapping and the "never retry a write" rule.
 */

export type Fault =
	/** Answer with this status instead of handling the request (no state change). */
	| { kind: 'status'; status: number; retryAfter?: number; body?: unknown }
	/** Destroy the socket before handling (no state change, recorded status 0). */
	| { kind: 'drop' }
	/** Handle the request fully (state changes happen), then destroy the socket instead of answering. */
	| { kind: 'dropAfterProcessing' }
	/**
	 * Handle the request fully (state changes happen), send the status line, the headers (with the
	 * full Content-Length) and part of the body, then destroy the socket: a reset in the middle of
	 * the body. `fraction` is the share of the body sent first (default 0.5; at least one byte is
	 * held back). Recorded with status 0, since the answer never arrived whole.
	 */
	| { kind: 'dropMidBody'; fraction?: number }
	/** Handle normally, answer after an extra delay. */
	| { kind: 'delay'; ms: number };

export interface FaultRule {
	/** Vendor name ("livevox"); any vendor when absent. */
	vendor?: string;
	/** HTTP method, case-insensitive; any when absent. */
	method?: string;
	/** Path without vendor prefix and query: a string must be equal, a RegExp must match. */
	path?: string | RegExp;
	/** How many matching requests this rule applies to (default 1; Infinity allowed). */
	times?: number;
	fault: Fault;
}

interface ArmedRule {
	rule: FaultRule;
	remaining: number;
}

export class FaultQueue {
	private armed: ArmedRule[] = [];

	add(rule: FaultRule): void {
		const times = rule.times ?? 1;
		// A rule that can never fire is a test bug: say so at once rather than silently ignoring it.
		if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
			throw new Error(`Fault rule "times" must be a positive integer or Infinity, got ${String(times)}`);
		}
		this.armed.push({ rule, remaining: times });
	}

	clear(): void {
		this.armed = [];
	}

	/** Number of rules that can still fire. */
	get pending(): number {
		return this.armed.length;
	}

	/**
	 * The fault for this request, if a rule matches. The first armed rule (in the order added)
	 * wins; each match uses up one of its `times`.
	 */
	take(vendor: string, method: string, path: string): Fault | undefined {
		const index = this.armed.findIndex(({ rule }) => ruleMatches(rule, vendor, method, path));
		if (index < 0) return undefined;
		const entry = this.armed[index];
		entry.remaining -= 1;
		if (entry.remaining <= 0) this.armed.splice(index, 1);
		return entry.rule.fault;
	}
}

function ruleMatches(rule: FaultRule, vendor: string, method: string, path: string): boolean {
	if (rule.vendor !== undefined && rule.vendor !== vendor) return false;
	if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
	if (rule.path === undefined) return true;
	if (typeof rule.path === 'string') return rule.path === path;
	// A /g or /y RegExp keeps state between test() calls; reset it so matching is repeatable.
	rule.path.lastIndex = 0;
	return rule.path.test(path);
}
