import { readServiceTab } from './readServiceTab';

/** The call center, agents, campaigns and resource groups a service is tied to. */
export const { description, execute } = readServiceTab('getRelated', '/related');
