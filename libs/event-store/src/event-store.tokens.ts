/** Injection tokens for the storage parts, so that nothing depends on a concrete adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const SQL_CLIENT = Symbol('SQL_CLIENT');
