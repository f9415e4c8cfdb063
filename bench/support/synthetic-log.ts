import { createHash } from 'node:crypto';
import { DatelineEventType, EVENT_CATALOGUE } from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';

const uuid = (seed: string) => {
  const h = createHash('md5').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const addDays = (days: number) => new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

interface Row {
  position: number;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
}

/**
 * Fills an empty log with `count` valid events, set-based (10k rows a statement): diplomatic
 * events, every fifth amended, every fiftieth retracted, and every twentieth a story with a
 * revision. Dates spread over `days` days (one day holds about 0.77 * count / days entries).
 * Positions 1..count sit below every real transaction's positions (ADR 0001).
 */
export async function fillSyntheticLog(q: SqlQueryable, count: number, days = 20_000): Promise<{ sampleDate: string }> {
  let rows: Row[] = [];
  let position = 0;
  const flush = async () => {
    await q.query(
      `INSERT INTO dateline_events (position, event_id, stream_id, stream_version, type, schema_version, data, metadata)
       SELECT r.position, r.event_id, r.stream_id, r.stream_version, r.type, r.schema_version, r.data, r.metadata
         FROM jsonb_to_recordset($1::jsonb) AS r(position bigint, event_id uuid, stream_id text, stream_version integer, type text, schema_version integer, data jsonb, metadata jsonb)`,
      [JSON.stringify(rows)],
    );
    rows = [];
  };
  const push = async (stream: string, version: number, type: string, data: unknown) => {
    position++;
    const recordedAt = new Date(Date.UTC(2025, 0, 1) + position * 1000).toISOString();
    rows.push({
      position,
      event_id: uuid(`e${position}`),
      stream_id: stream,
      stream_version: version,
      type,
      // The current version of each type's data (diplomatic events at v2 since issue 16), as new writes store it.
      schema_version: EVENT_CATALOGUE[type as DatelineEventType].version,
      data,
      metadata: { editor: 'bench', correlationId: uuid(`c${position}`), recordedAt },
    });
    if (rows.length === 10_000) await flush();
  };

  for (let g = 0; position < count; g++) {
    const eventId = uuid(`d${g}`);
    const stream = `diplomatic-event-${eventId}`;
    await push(stream, 1, 'DiplomaticEventRecorded', {
      eventId,
      title: `Delegations meet, round ${g}`,
      kind: 'meeting',
      when: { precision: 'day', on: addDays(g % days), timezone: 'Europe/Istanbul', certainty: 'explicit' },
      status: 'happened',
      relations: [],
      about: [],
      summary: 'Delegations met to discuss a ceasefire and a prisoner exchange.',
      participants: [
        { name: `Envoy ${g % 97}`, country: 'UA' },
        { name: `Minister ${g % 89}`, country: 'RU' },
      ],
      sources: [{ attribution: g % 3 === 0 ? 'reportedly' : 'named-source', name: 'Wire' }],
      quotes: [],
      storyIds: [],
      cameoCode: '046',
    });
    let version = 1;
    if (g % 5 === 0 && position < count)
      await push(stream, ++version, 'DiplomaticEventAmended', {
        eventId,
        version,
        changes: { summary: `Amended ${g}` },
        reason: 'more detail',
      });
    if (g % 50 === 0 && position < count)
      await push(stream, ++version, 'DiplomaticEventRetracted', { eventId, version, reason: 'withdrawn' });
    if (g % 20 === 0 && position < count) {
      const storyId = uuid(`s${g}`);
      await push(`story-${storyId}`, 1, 'StoryCreated', {
        storyId,
        slug: `story-${g}`,
        headline: `Story ${g}`,
        body: 'Talks began in Istanbul.',
        developing: true,
        tags: [],
        revision: 1,
      });
      if (position < count)
        await push(`story-${storyId}`, 2, 'StoryRevised', {
          storyId,
          revision: 2,
          kind: 'update',
          changeNote: 'more',
          body: 'Talks began in Istanbul and went on late.',
        });
    }
  }
  if (rows.length > 0) await flush();
  // Day 1: day 0 holds only groups divisible by 50 (retracted ones) when days is a multiple of 50.
  return { sampleDate: addDays(1) };
}
