import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { DatelineEventType } from './dateline-event';
import { EVENT_DATA_SCHEMAS } from './event-schemas';

/**
 * Whether `upcast` checks data against its schema: everywhere but in production, where the
 * data was checked when it was written and the check would only cost time on every read.
 */
export const CHECK_EVENT_DATA: boolean = globalThis.process?.env.NODE_ENV !== 'production';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map<DatelineEventType, ValidateFunction>();

/** Throws, naming the type and every problem, when `data` does not match the type's schema. */
export function checkEventData(type: DatelineEventType, data: unknown): void {
  let validate = compiled.get(type);
  if (!validate) {
    validate = ajv.compile(EVENT_DATA_SCHEMAS[type]);
    compiled.set(type, validate);
  }
  if (!validate(data)) {
    const problems = ajv.errorsText(validate.errors, { dataVar: 'data', separator: '; ' });
    throw new Error(`${type} data does not match its schema: ${problems}`);
  }
}
