import { dateKnowledgeFromV1, sourceFromV1 } from '../dates/v1-date-mapping';
import type { DiplomaticEventAmendedV1, DiplomaticEventRecordedV1 } from '../diplomatic-event/diplomatic-event-fields-v1';

const V1_DATE_FIELDS = ['occurredOn', 'occurredUntil', 'occurredAt', 'timezone', 'datePrecision', 'dateCertainty', 'dateText'] as const;

/**
 * `DiplomaticEventRecorded` v1 → v2: the v1 date fields and hedged sources become the v2 date
 * knowledge (dateKnowledgeFromV1, docs/adr/0013-date-knowledge-v2.md); everything else stays.
 */
export function recordedV1ToV2(data: unknown): unknown {
  const v1 = data as DiplomaticEventRecordedV1;
  const {
    occurredOn: _o,
    occurredUntil: _u,
    occurredAt: _a,
    timezone: _t,
    datePrecision: _p,
    dateCertainty: _c,
    dateText: _d,
    sources: _s,
    ...rest
  } = v1;
  return { ...rest, ...dateKnowledgeFromV1(v1) };
}

/**
 * `DiplomaticEventAmended` v1 → v2. Sources map one by one. A v1 amendment's date fields say
 * what the date became only with the date before them, which one event does not hold: they
 * move, as they are, to `changes.v1Dates`, which applyChanges applies to the date as it stood.
 */
export function amendedV1ToV2(data: unknown): unknown {
  const v1 = data as DiplomaticEventAmendedV1;
  const changes: Record<string, unknown> = {};
  const v1Dates: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v1.changes)) {
    if ((V1_DATE_FIELDS as readonly string[]).includes(key)) v1Dates[key] = value;
    else if (key === 'sources' && Array.isArray(value)) changes.sources = (value as Parameters<typeof sourceFromV1>[0][]).map(sourceFromV1);
    else changes[key] = value;
  }
  if (Object.keys(v1Dates).length > 0) changes.v1Dates = v1Dates;
  return { ...v1, changes };
}
