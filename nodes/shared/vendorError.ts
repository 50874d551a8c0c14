import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FailureWords } from './failureMessage';
import { redact } from './redact';

/**
 * The error a transport throws for a call that failed for good: our words, with every known
 * secret masked, and nothing of the request (n8n's own error would carry its headers).
 */
export function vendorError(
	node: INode,
	words: FailureWords,
	options: { secrets: readonly unknown[]; httpCode?: string; itemIndex?: number; details?: IDataObject },
): NodeApiError {
	const message = redact(words.message, options.secrets);
	const description = redact(words.description, options.secrets);
	const { httpCode, itemIndex } = options;
	return new NodeApiError(node, { ...options.details, message, description, httpCode } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
}
