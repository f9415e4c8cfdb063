import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expectTypeOf } from 'expect-type';
import type { Static } from 'typebox';
import { AboutDate } from './about-date';
import { AttributedSource } from './attribution';
import { AboutDateSchema, AttributedSourceSchema, FactDateSchema, FactRelationSchema } from './date-knowledge-schemas';
import { FactDate } from './fact-date';
import { FactRelation } from './fact-relations';

describe('the stored shape of date knowledge v2', () => {
  it('declares exactly the domain types', () => {
    expectTypeOf<Static<typeof FactDateSchema>>().toEqualTypeOf<FactDate>();
    expectTypeOf<Static<typeof FactRelationSchema>>().toEqualTypeOf<FactRelation>();
    expectTypeOf<Static<typeof AboutDateSchema>>().toEqualTypeOf<AboutDate>();
    expectTypeOf<Static<typeof AttributedSourceSchema>>().toEqualTypeOf<AttributedSource>();
  });

  it('accepts each precision with its own fields only', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const valid = ajv.compile(FactDateSchema);
    expect(valid({ precision: 'day', on: '2025-05-16', at: '2025-05-16T10:00:00+03:00', certainty: 'explicit' })).toBe(true);
    expect(valid({ precision: 'month', on: '2025-05', certainty: 'inferred' })).toBe(true);
    expect(valid({ precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred', wording: 'before the talks' })).toBe(true);
    expect(valid({ precision: 'month', on: '2025-05-16', certainty: 'inferred' })).toBe(false);
    expect(valid({ precision: 'period', from: '2025-05-14', certainty: 'explicit' })).toBe(false);
    expect(valid({ precision: 'day', on: '2025-05-16', until: '2025-05-17', certainty: 'explicit' })).toBe(false);
  });
});
