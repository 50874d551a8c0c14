import { settingsFields } from './settingsFields';
import { updateServiceTab } from './updateServiceTab';

/** Changes the Settings tab of a service: only the fields added are sent. */
export const { description, execute } = updateServiceTab('updateSettings', '/settings', settingsFields, 'Settings tab');
