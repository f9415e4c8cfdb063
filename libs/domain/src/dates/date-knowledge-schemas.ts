import Type from 'typebox';
import { calendarDate, closedObject, instant, nonEmptyText, oneOf, readonlyArray, text, uuid } from '../catalogue/schema-parts';
import { ATTRIBUTIONS } from './attribution';
import { FACT_DATE_CERTAINTIES } from './fact-date';
import { FACT_RELATIONS } from './fact-relations';

/**
 * The v2 date knowledge as stored in events (docs/adr/0013-date-knowledge-v2.md): JSON Schema
 * for the catalogue and the AsyncAPI document. Their static types equal the hand-written domain
 * types (FactDate, FactRelation, AboutDate, AttributedSource); date-knowledge-schemas.spec.ts
 * holds them equal. The rules beyond shape (real dates, `at` on `on`, bounds in order) are
 * `dateKnowledgeV2Problems`.
 */

const common = {
  certainty: oneOf(FACT_DATE_CERTAINTIES),
  wording: Type.Optional(text()),
  timezone: Type.Optional(text()),
};

export const DayDateSchema = closedObject({ precision: Type.Literal('day'), on: calendarDate(), at: Type.Optional(instant()), ...common });
export const MonthDateSchema = closedObject({
  precision: Type.Literal('month'),
  on: text({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
  ...common,
});
export const YearDateSchema = closedObject({ precision: Type.Literal('year'), on: text({ pattern: '^\\d{4}$' }), ...common });
export const PeriodDateSchema = closedObject({ precision: Type.Literal('period'), from: calendarDate(), until: calendarDate(), ...common });
export const BoundedDateSchema = closedObject({
  precision: Type.Literal('bounded'),
  onOrAfter: Type.Optional(calendarDate()),
  onOrBefore: Type.Optional(calendarDate()),
  ...common,
});

export const FactDateSchema = Type.Union([DayDateSchema, MonthDateSchema, YearDateSchema, PeriodDateSchema, BoundedDateSchema]);

export const FactRelationSchema = closedObject({ relation: oneOf(FACT_RELATIONS), fact: uuid() });

export const AboutDateSchema = closedObject({ label: nonEmptyText(), date: FactDateSchema });

export const AttributedSourceSchema = closedObject({
  attribution: oneOf(ATTRIBUTIONS),
  name: Type.Optional(text()),
  wording: Type.Optional(text()),
  url: Type.Optional(text()),
  note: Type.Optional(text()),
});

export const relationsSchema = () => readonlyArray(FactRelationSchema);
export const aboutDatesSchema = () => readonlyArray(AboutDateSchema);
export const attributedSourcesSchema = () => readonlyArray(AttributedSourceSchema);
