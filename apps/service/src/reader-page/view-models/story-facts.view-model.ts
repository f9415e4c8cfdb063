import { DiplomaticEventEntry, factKnowledge, FactRelation, headingWords, orderWithinDay, placement, Placement } from '@dateline/domain';
import { queryString } from '../html';
import { aboutDateWords, FactWords, factWords, statusLabel, titlesOf } from './fact-words';
import { provenanceWords, RevisionTimes } from './provenance-words';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';

/** One heading of a story's facts: "Friday 16 May 2025", "On or before 16 May 2025", "Some time in 2022". */
export interface StoryFactGroup {
  readonly heading: string;
  readonly facts: readonly StoryFactView[];
}

export interface StoryFactView {
  readonly key: string;
  /** The day the timeline files it on. */
  readonly day: string;
  readonly role: Placement['role'];
  readonly title: string;
  readonly kind: string;
  readonly words: FactWords;
  readonly statusLabel?: string;
  /** The fact on its day's page. */
  readonly href: string;
  /** A fact accepted from a fact candidate: "From the story of 16 May 2025, paragraph 4". */
  readonly provenance?: string;
  /** The language the fact is written in (BCP 47), when the newsroom said. */
  readonly language?: string;
}

/**
 * A story's facts by date, oldest first, as the timeline files them: each heading in placement
 * order (`sortKey`), and within it by time, relations, then recording order (`orderWithinDay`),
 * never by title. A date a fact names is listed on its own day too, as on the timeline.
 */
export function storyFacts(
  facts: readonly DiplomaticEventEntry[],
  revisionTimes: RevisionTimes = new Map(),
  m: Messages = messagesFor(),
): StoryFactGroup[] {
  const inRecordingOrder = [...facts].sort((a, b) =>
    a.firstRecordedAt < b.firstRecordedAt ? -1 : a.firstRecordedAt > b.firstRecordedAt ? 1 : 0,
  );
  const titles = titlesOf(inRecordingOrder);
  const groups = new Map<
    string,
    { heading: string; items: { key: string; at?: string; relations: readonly FactRelation[]; view: StoryFactView }[] }
  >();
  for (const fact of inRecordingOrder) {
    const k = factKnowledge(fact);
    const words = factWords(fact, titles);
    const provenance = provenanceWords(fact.provenance, revisionTimes, m);
    const dates = [k.when, ...k.about.map((a) => a.date)];
    placement({ id: fact.id, when: k.when, about: k.about }).forEach((p, i) => {
      const d = dates[i];
      const group = groups.get(p.sortKey) ?? { heading: headingWords(p.heading), items: [] };
      const href = `/${queryString({ from: p.day, to: p.day })}#${p.role === 'fact' ? `event-${fact.id}` : `event-${fact.id}-about-${p.about!.index}`}`;
      const view: StoryFactView =
        p.role === 'fact'
          ? {
              key: p.key,
              day: p.day,
              role: 'fact',
              title: fact.title,
              kind: fact.kind,
              words,
              ...(words.statusWords ? { statusLabel: statusLabel(words.statusWords) } : {}),
              href,
              ...(provenance ? { provenance } : {}),
              ...(fact.language ? { language: fact.language } : {}),
            }
          : {
              key: p.key,
              day: p.day,
              role: 'about',
              title: m.story.namedIn(p.about!.label, fact.title),
              kind: 'about',
              words: aboutDateWords(d),
              href,
              ...(fact.language ? { language: fact.language } : {}),
            };
      const at = d.precision === 'day' ? d.at : undefined;
      group.items.push({ key: p.key, ...(at ? { at } : {}), relations: p.role === 'fact' ? k.relations : [], view });
      groups.set(p.sortKey, group);
    });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({ heading: g.heading, facts: orderWithinDay(g.items).map((x) => x.view) }));
}
