import { factKnowledge, headingKey, headingWords, placement, TimelineEntry } from '@dateline/domain';
import { renderEntry } from './templates/entry.template';
import { renderStoryUpdate } from './templates/story-updates.template';
import { toEntryView } from './view-models/entry.view-model';
import { storyUpdateView } from './view-models/story-updates.view-model';

/** Where the page's script puts a live entry and the markup it puts there (see reader-script.ts). */
export interface LiveEntryMarkup {
  readonly domId: string;
  /** `facts`: a fact under its heading; `updates`: a story's line in the day's "story updates" strip. */
  readonly list: 'facts' | 'updates';
  /** For a fact: the section's key (`headingKey`) and its heading, absent for the day's own facts. */
  readonly section?: { readonly key: string; readonly heading?: string };
  readonly html: string;
}

/**
 * A live entry as the reader page shows it: a fact under the heading its placement gives, or a
 * story revision as its story's line in the day's updates, which replaces the line the story had.
 * Entries of a kind the page does not show live (dates a fact names) come back undefined: the
 * next load shows them.
 */
export function liveEntryMarkup(entry: TimelineEntry): LiveEntryMarkup | undefined {
  if (entry.type === 'story-revision') {
    const view = storyUpdateView(entry);
    return { domId: view.domId, list: 'updates', html: renderStoryUpdate(view).value };
  }
  if (entry.type !== 'diplomatic-event') return undefined;
  const k = factKnowledge(entry);
  const own = placement({ id: entry.id, when: k.when })[0];
  const view = toEntryView(entry);
  return {
    domId: view.domId,
    list: 'facts',
    section: { key: headingKey(entry.date, own.heading), ...(own.heading.kind === 'day' ? {} : { heading: headingWords(own.heading) }) },
    html: renderEntry(view).value,
  };
}
