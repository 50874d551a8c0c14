import { readServiceTab } from './readServiceTab';

/** The Settings tab of a service. */
export const { description, execute } = readServiceTab('getSettings', '/settings');
