import {
  aboutWords,
  attributionWords,
  factDateWords,
  lookupCameo,
  statusWords,
  type AboutDate,
  type AttributedSource,
  type DiplomaticEventFields,
  type FactDate,
  type FactRelation,
  type Participant,
  type Place,
  type Quote,
} from '@dateline/domain';
import { targetLabel } from './fact-problems';

/**
 * A field's value in an editor's words, for a fact's history and for "what they changed" after a
 * conflict: dates as readers read them ("on or before 16 May 2025"), lists one item a line. The
 * values come from the log (the history's `changes`), so anything unexpected is shown as it is.
 */
export function valueWords(field: string, value: unknown, titles: ReadonlyMap<string, string> = new Map()): string[] {
  if (value === null || value === undefined) return ['(removed)'];
  try {
    switch (field) {
      case 'when':
        return [factDateWords(value as FactDate)];
      case 'status':
        return [statusWords(value as DiplomaticEventFields['status']) ?? 'happened'];
      case 'about':
        return list(value, (a: AboutDate) => aboutWords(a));
      case 'relations':
        return list(
          value,
          (r: FactRelation) => `${r.relation === 'same-day' ? 'same day as' : r.relation} ${titles.get(r.fact) ?? r.fact}`,
        );
      case 'participants':
        return list(value, (p: Participant) => [p.name, p.role, p.country].filter(Boolean).join(', '));
      case 'sources':
        return list(
          value,
          (s: AttributedSource) => `${s.name ?? 'own reporting'}${attributionPhrase(s)}${s.wording ? `: “${s.wording}”` : ''}`,
        );
      case 'quotes':
        return list(value, (q: Quote) => `“${q.text}” (${q.speaker}${q.speakerInferred ? ', inferred' : ''})`);
      case 'location': {
        const p = value as Place;
        return [p.country ? `${p.name}, ${p.country}` : p.name];
      }
      case 'cameoCode': {
        const code = typeof value === 'string' ? value : JSON.stringify(value);
        return [`${code} ${lookupCameo(code)?.name ?? ''}`.trim()];
      }
      default:
        return [typeof value === 'string' ? value : JSON.stringify(value)];
    }
  } catch {
    // A value of a shape this page does not know (an old event): as it is stored.
    return [JSON.stringify(value)];
  }
}

function attributionPhrase(s: AttributedSource): string {
  const words = attributionWords(s);
  return words ? ` (${words})` : '';
}

function list<T>(value: unknown, words: (item: T) => string): string[] {
  if (!Array.isArray(value)) return [JSON.stringify(value)];
  return value.length === 0 ? ['(none)'] : (value as T[]).map(words);
}

/** A field's name as the form labels it: "When", "Sources", "CAMEO code". */
export function fieldName(field: string): string {
  return targetLabel(field);
}
