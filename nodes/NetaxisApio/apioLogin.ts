/**
 * Every message of a failed login starts with these words. The login runs in the
 * credential's preAuthentication, and n8n wraps what it throws in a NodeApiError that keeps
 * the message and description but not the error itself, so the transport recognises a
 * failed login by them.
 */
export const LOGIN_FAILED = 'Netaxis APIO login failed';
