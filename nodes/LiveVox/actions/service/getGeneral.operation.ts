import { readServiceTab } from './readServiceTab';

/** The General tab of a service: name, call center, direction, ACD feature, preview mode. */
export const { kind, description, execute } = readServiceTab('getGeneral', '');
