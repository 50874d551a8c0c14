import { readServiceTab } from './readServiceTab';

/** The Settings tab of a service. */
export const { kind, description, execute } = readServiceTab('getSettings', '/settings');
