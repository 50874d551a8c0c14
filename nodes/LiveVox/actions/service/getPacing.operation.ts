import { readServiceTab } from './readServiceTab';

/** The pacing of a service's outbound calls: method, throttle and maximum wait. */
export const { description, execute } = readServiceTab('getPacing', '/pacing');
