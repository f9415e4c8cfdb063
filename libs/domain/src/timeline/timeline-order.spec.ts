import { describe, expect, it } from '@jest/globals';
import { factFields } from '../testing/fact-fields';
import { DateKnowledgeV2 } from '../dates/date-knowledge-v2';
import { DiplomaticEventFields } from '../diplomatic-event/diplomatic-event-fields';
import {
  anton,
  ceasefireCall,
  istanbulFacts,
  officials,
  talks,
  talks2022,
  trumpDownplays,
  trumpOptimism,
  umerov,
  welcome,
  yermak,
} from '../testing/istanbul-facts';
import { diplomaticEventEntries, entriesOf, StoryRevisionEntry, TimelineEntry } from './timeline-entry';
import { entrySortKey, headingSortKey, orderTimeline, timelineOrderKeys } from './timeline-order';

/** The fields of a fact on 16 May; the specs that order by other dates give their knowledge beside them (entriesOf). */
const fields = (title: string, over: Partial<DiplomaticEventFields> = {}): DiplomaticEventFields => factFields({ title, ...over });

const at = (minute: number) => new Date(Date.UTC(2025, 4, 16, 12, minute)).toISOString();

/** The sample's facts as entries, recorded in the order given, with their v2 knowledge by id. */
function sample(order: readonly string[] = istanbulFacts.map((f) => f.id)) {
  const knowledge = new Map<string, DateKnowledgeV2>();
  const entries = order.flatMap((id, i) => {
    const f = istanbulFacts.find((x) => x.id === id)!;
    const k: DateKnowledgeV2 = { when: f.when, status: 'happened', relations: f.relations, about: f.about ?? [], sources: [] };
    knowledge.set(id, k);
    const times = { recordedAt: at(i), firstRecordedAt: at(i), publishedAt: at(i) };
    return entriesOf({ id, version: 1, fields: fields(f.name ?? id), times }, k);
  });
  return { entries, knowledgeOf: (e: { id: string }) => knowledge.get(e.id)! };
}

const revision: StoryRevisionEntry = {
  type: 'story-revision',
  id: 'story',
  slug: 'istanbul',
  revision: 1,
  date: '2025-05-16',
  recordedAt: at(0),
  publishedAt: at(0),
  headline: 'Talks open',
  kind: 'created',
};

const ids = (entries: readonly TimelineEntry[]) => entries.map((e) => (e.type === 'story-revision' ? `${e.id}#${e.revision}` : e.id));

describe('timeline entries: where each fact and each date it is about sits', () => {
  it('given the sample, when placed, then nothing sits on 1 May, the ceasefire start has its own entry on 12 May, linked to its fact', () => {
    const { entries } = sample();
    expect(entries.filter((e) => e.date === '2025-05-01')).toEqual([]);
    const onMay12 = entries.filter((e) => e.date === '2025-05-12');
    expect(onMay12).toEqual([
      expect.objectContaining({
        type: 'about-date',
        id: `${ceasefireCall}/about/0`,
        fact: ceasefireCall,
        label: 'unconditional ceasefire proposed to start',
        heading: { kind: 'day', day: '2025-05-12' },
        dating: 'exact-day',
      }),
    ]);
    expect(entries.find((e) => e.id === anton)).toMatchObject({
      date: '2025-05-16',
      heading: { kind: 'on-or-before', day: '2025-05-16' },
      dating: 'on-or-before',
    });
    expect(entries.find((e) => e.id === talks2022)).toMatchObject({ date: '2022-12-31', dating: 'year' });
  });

  it('given bounds on both sides, when made into entries through factKnowledge, then the fact sits on its last day under "between"', () => {
    const times = { recordedAt: at(0), firstRecordedAt: at(0), publishedAt: at(1) };
    const span = fields('Delegations meet', {
      when: { precision: 'bounded', onOrAfter: '2025-05-01', onOrBefore: '2025-05-16', certainty: 'explicit' },
    });
    expect(diplomaticEventEntries({ id: 'a', version: 1, fields: span, times })).toEqual([
      expect.objectContaining({
        type: 'diplomatic-event',
        id: 'a',
        date: '2025-05-16',
        heading: { kind: 'between', from: '2025-05-01', until: '2025-05-16' },
        sortKey: '2025-05-16|2|2025-05-01',
        dating: 'between',
        publishedAt: at(1),
      }),
    ]);
  });
});

describe('timeline order: local time, then relations, then recording order; revisions last on their day', () => {
  it('given 16 May, when ordered, then the meetings held earlier in the day come before the talks and Yermak after them', () => {
    const { entries, knowledgeOf } = sample();
    const ordered = orderTimeline([revision, ...entries.filter((e) => e.date === '2025-05-16')], knowledgeOf);
    expect(ids(ordered)).toEqual([
      officials,
      umerov,
      talks,
      welcome,
      yermak,
      `${trumpOptimism}/about/0`,
      // On or before 16 May: after the day's own facts.
      ceasefireCall,
      anton,
      trumpOptimism,
      trumpDownplays,
      'story#1',
    ]);
  });

  it('given "later" recorded before "initially", when ordered, then the relation puts "initially" first', () => {
    const order = istanbulFacts.map((f) => f.id).filter((id) => id !== trumpOptimism);
    order.splice(order.indexOf(trumpDownplays) + 1, 0, trumpOptimism);
    const { entries, knowledgeOf } = sample(order);
    const onOrBefore = orderTimeline(entries, knowledgeOf).filter((e) => e.heading.kind === 'on-or-before');
    expect(ids(onOrBefore)).toEqual([ceasefireCall, anton, trumpOptimism, trumpDownplays]);
  });

  it('given a timed fact and one without a time that must precede it, when ordered, then the untimed one sorts as if at that time', () => {
    const k = (over: Partial<DateKnowledgeV2>): DateKnowledgeV2 => ({
      when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' },
      status: 'happened',
      relations: [],
      about: [],
      sources: [],
      ...over,
    });
    const knowledge = new Map<string, DateKnowledgeV2>([
      ['late', k({ when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T15:00:00Z', certainty: 'explicit' } })],
      ['early', k({ when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T08:00:00Z', certainty: 'explicit' } })],
      ['before-late', k({ relations: [{ relation: 'before', fact: 'late' }] })],
      ['untimed', k({})],
    ]);
    const entries = [...knowledge].flatMap(([id, kn], i) =>
      entriesOf({ id, version: 1, fields: fields(id), times: { recordedAt: at(i), firstRecordedAt: at(i), publishedAt: at(i) } }, kn),
    );
    expect(ids(orderTimeline(entries, (e) => knowledge.get(e.id)!))).toEqual(['early', 'before-late', 'late', 'untimed']);
  });

  it('given days and headings, when ordered, then by day first, and entrySortKey agrees on days and headings', () => {
    const { entries, knowledgeOf } = sample();
    const ordered = orderTimeline([revision, ...entries], knowledgeOf);
    expect(ordered.map((e) => e.date)).toEqual([...ordered.map((e) => e.date)].sort());
    const keys = ordered.map((e) => entrySortKey(e).split('|').slice(0, 2).join('|'));
    expect(keys).toEqual([...keys].sort());
  });

  it("given the sample and a revision, when sorted by heading and stored order key, then in orderTimeline's order", () => {
    const { entries, knowledgeOf } = sample();
    const all = [revision, ...entries];
    const keys = timelineOrderKeys(all, knowledgeOf);
    const sorted = [...all].sort((a, b) => {
      const [ka, kb] = [`${headingSortKey(a)}\u0000${keys.get(a)}`, `${headingSortKey(b)}\u0000${keys.get(b)}`];
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    expect(ids(sorted)).toEqual(ids(orderTimeline(all, knowledgeOf)));
  });
});
