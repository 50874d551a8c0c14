import { readServiceTab } from './readServiceTab';

/** The Phone tab of a service: caller IDs, operator, callback and agent call-in numbers. */
export const { description, execute } = readServiceTab('getPhone', '/phone');
