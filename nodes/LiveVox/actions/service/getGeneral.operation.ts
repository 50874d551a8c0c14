import { readServiceTab } from './readServiceTab';

/** The General tab of a service: name, call center, direction, ACD feature, preview mode. */
export const { description, execute } = readServiceTab('getGeneral', '');
