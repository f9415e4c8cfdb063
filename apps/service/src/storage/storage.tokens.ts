export { EVENT_STORE, SQL_CLIENT } from '@dateline/event-store';
export const SETTINGS = Symbol('SETTINGS');
