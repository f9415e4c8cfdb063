import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { instantAtLocalTime, isLocalTime, localTime, type DiplomaticEventFields, type FactDate } from '@dateline/domain';
import { AmendDiplomaticEventDto, RetractDiplomaticEventDto } from '../diplomatic-events/dto/amend-retract.dto';
import { RecordDiplomaticEventDto } from '../diplomatic-events/dto/diplomatic-event-fields.dto';
import { validationMessages } from '../http/validation-messages';
import type { DateValues, FactFormValues } from './fact-form-values';
import { placeProblems, problemTargets } from './fact-problems';
import type { FieldProblems } from './story-form';

/** The fields the fact form edits; `storyIds` is the story's own and never changes from the desk. */
export const FACT_FIELDS = [
  'title',
  'kind',
  'summary',
  'when',
  'status',
  'relations',
  'about',
  'location',
  'participants',
  'sources',
  'quotes',
  'cameoCode',
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

type Fields = Record<FactField, unknown>;
type Checked<T> = { value: T } | { problems: FieldProblems };

const add = (problems: FieldProblems, key: string, message: string) => (problems[key] ??= []).push(message);
/** Optional text: left out when empty, as an API client would. */
const opt = (name: string, value: string) => (value.trim() === '' ? {} : { [name]: value.trim() });

/**
 * The API's `at` from the form's local time. A time as it was stored is kept as it was stored,
 * so an unchanged date is no change; a new one needs the place's zone to name an instant.
 */
function atOf(d: DateValues, path: string, problems: FieldProblems, previous?: FactDate): string | undefined {
  const [time, on, zone] = [d.time.trim(), d.on.trim(), d.timezone.trim()];
  if (previous?.precision === 'day' && previous.at && previous.on === on && (previous.timezone ?? '') === zone) {
    if (localTime(previous.at, previous.timezone) === time) return previous.at;
  }
  // With another precision the API names `at` as not allowed: it gets the text as typed.
  if (d.precision !== 'day') return time;
  if (!isLocalTime(time)) return void add(problems, `${path}.time`, `${path}.time must be a local time HH:MM (24-hour), e.g. 14:30`);
  if (zone === '')
    return void add(
      problems,
      `${path}.time`,
      `${path}.time needs ${path}.timezone, the IANA time zone of the place (e.g. Europe/Istanbul), to say which instant it is`,
    );
  // Undefined when `on` or the zone is wrong: the API names those.
  return instantAtLocalTime(on, time, zone);
}

function dateInput(d: DateValues, path: string, problems: FieldProblems, previous?: FactDate): Record<string, unknown> {
  const at = d.time.trim() === '' ? undefined : atOf(d, path, problems, previous);
  return {
    precision: d.precision,
    certainty: d.certainty,
    ...opt('on', d.on),
    ...opt('from', d.from),
    ...opt('until', d.until),
    ...opt('onOrAfter', d.onOrAfter),
    ...opt('onOrBefore', d.onOrBefore),
    ...(at !== undefined ? { at } : {}),
    ...opt('wording', d.wording),
    ...opt('timezone', d.timezone),
  };
}

/** "046", or "046 Engage in negotiation" as the codebook list shows it: the code. */
function cameoCodeOf(value: string): string {
  const v = value.trim();
  return /^(\d{2,4})(\s|$)/.exec(v)?.[1] ?? v;
}

/** What the form says, as the API's fields (an optional field left empty is undefined), and the desk's own problems. */
export function fieldsOf(v: FactFormValues, base?: DiplomaticEventFields): { fields: Fields; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const place = v.location.name.trim() === '' && v.location.country.trim() === '';
  const summary = v.summary.trim();
  const fields: Fields = {
    title: v.title.trim(),
    kind: v.kind,
    summary: summary === '' ? undefined : summary,
    when: dateInput(v.when, 'when', problems, base?.when),
    status: v.status,
    relations: v.relations.map((r) => ({ relation: r.relation, fact: r.fact })),
    about: v.about.map((a, i) => ({ label: a.label.trim(), date: dateInput(a.date, `about.${i}.date`, problems, base?.about[i]?.date) })),
    location: place ? undefined : { name: v.location.name.trim(), ...opt('country', v.location.country) },
    participants: v.participants.map((p) => ({ name: p.name.trim(), ...opt('role', p.role), ...opt('country', p.country) })),
    sources: v.sources.map((s) => ({
      attribution: s.attribution,
      ...opt('name', s.name),
      ...opt('wording', s.wording),
      ...opt('url', s.url),
      ...opt('note', s.note),
    })),
    quotes: v.quotes.map((q) => ({
      text: q.text.trim(),
      speaker: q.speaker.trim(),
      speakerInferred: q.speakerInferred,
      ...opt('context', q.context),
    })),
    cameoCode: v.cameoCode.trim() === '' ? undefined : cameoCodeOf(v.cameoCode),
  };
  return { fields, problems };
}

/** Key order and an instant's spelling say nothing: two values are the same when this is. */
function canonical(value: unknown, key = ''): unknown {
  if (key === 'at' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  if (Array.isArray(value)) return value.map((x) => canonical(x));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, canonical(x, k)]),
    );
  return value;
}

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The fields whose values differ between two versions of a fact (or a form and a version). */
export function changedFields(a: Partial<Record<FactField, unknown>>, b: Partial<Record<FactField, unknown>>): FactField[] {
  return FACT_FIELDS.filter((k) => !sameValue(a[k], b[k]));
}

/**
 * The API's own DTO checks the desk's input, so an editor reads the same messages as a client of
 * the API; each message is then placed beside the control it names (fact-problems.ts).
 */
async function check<T extends object>(type: new () => T, input: Record<string, unknown>, v: FactFormValues, own: FieldProblems) {
  const instance = plainToInstance(type, input);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  const problems = placeProblems([...Object.values(own).flat(), ...validationMessages(errors)], problemTargets(v), v.relations);
  return Object.keys(problems).length === 0 ? { value: instance } : { problems };
}

const defined = (f: Fields) => Object.fromEntries(Object.entries(f).filter(([, x]) => x !== undefined));
const expected = (s: string): number | string => (/^\d{1,15}$/.test(s) ? Number(s) : s);

/** A new fact of the story: every field the form has, linked to this story. */
export function recordInput(v: FactFormValues, storyId: string): Promise<Checked<RecordDiplomaticEventDto>> {
  const { fields, problems } = fieldsOf(v);
  return check(RecordDiplomaticEventDto, { ...defined(fields), storyIds: [storyId], ...opt('publishedAt', v.publishedAt) }, v, problems);
}

/**
 * An amendment sends only what the editor changed against the version the form started from
 * (`base`), as an API client would: an emptied optional field is removed (null).
 */
export async function amendInput(
  v: FactFormValues,
  base: DiplomaticEventFields,
): Promise<Checked<AmendDiplomaticEventDto> & { changed: FactField[] }> {
  const { fields, problems } = fieldsOf(v, base);
  const changed = changedFields(fields, base);
  const changes = Object.fromEntries(changed.map((k) => [k, fields[k] ?? null]));
  const input = { expectedVersion: expected(v.expectedVersion), changes, reason: v.reason.trim(), ...opt('publishedAt', v.publishedAt) };
  return { ...(await check(AmendDiplomaticEventDto, input, v, problems)), changed };
}

export function retractInput(v: FactFormValues): Promise<Checked<RetractDiplomaticEventDto>> {
  return check(RetractDiplomaticEventDto, { expectedVersion: expected(v.expectedVersion), reason: v.reason.trim() }, v, {});
}
