import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationMessages } from '../http/validation-messages';
import { CreateStoryDto } from '../stories/commands/create-story/create-story.dto';
import { ReviseStoryDto } from '../stories/commands/revise-story/revise-story.dto';

/** A posted form as @fastify/formbody parses it: a repeated name gives an array. */
export type FormBody = Record<string, string | string[] | undefined>;

/** The story form's fields as text, exactly as the editor typed them (a page shows them back unchanged). */
export interface StoryFormValues {
  slug: string;
  headline: string;
  body: string;
  editorsNote: string;
  byline: string;
  tags: string;
  developing: boolean;
  changeNote: string;
  kind: string;
  expectedRevision: string;
}

/** The names a story form posts; anything else in a body is dropped, not stored. */
export const STORY_FIELDS = [
  'slug',
  'headline',
  'body',
  'editorsNote',
  'byline',
  'tags',
  'developing',
  'changeNote',
  'kind',
  'expectedRevision',
];

/** Problems by field name; `form` holds those that belong to no single field. */
export type FieldProblems = Record<string, string[]>;

export function text(body: FormBody, name: string): string {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** Browsers send CRLF line ends from a textarea; the log keeps LF, so a diff never shows them as changes. */
const lines = (s: string) => s.replace(/\r\n?/g, '\n');

export function storyFormValues(body: FormBody): StoryFormValues {
  return {
    slug: text(body, 'slug').trim(),
    headline: text(body, 'headline'),
    body: lines(text(body, 'body')),
    editorsNote: lines(text(body, 'editorsNote')),
    byline: text(body, 'byline'),
    tags: text(body, 'tags'),
    developing: text(body, 'developing') === 'on' || text(body, 'developing') === 'true',
    changeNote: text(body, 'changeNote'),
    kind: text(body, 'kind') || 'update',
    expectedRevision: text(body, 'expectedRevision'),
  };
}

/**
 * The API's own DTOs and rules check the desk's input, so an editor reads the same messages as
 * a client of POST /stories; each message goes next to the field it names.
 */
async function check<T extends object>(
  type: new () => T,
  input: Record<string, unknown>,
): Promise<{ value: T } | { problems: FieldProblems }> {
  const instance = plainToInstance(type, input);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length === 0) return { value: instance };
  const problems: FieldProblems = {};
  for (const e of errors) (problems[e.property] ??= []).push(...validationMessages([e]));
  return { problems };
}

export function createInput(v: StoryFormValues) {
  const tags = v.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return check(CreateStoryDto, {
    slug: v.slug,
    headline: v.headline,
    body: v.body,
    developing: v.developing,
    ...(v.editorsNote.trim() ? { editorsNote: v.editorsNote } : {}),
    ...(v.byline.trim() ? { byline: v.byline.trim() } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  });
}

/** Only what changed is sent, as an API client would; an emptied editor's note removes it. */
export function reviseInput(v: StoryFormValues, current: { headline: string; body: string; editorsNote?: string; developing: boolean }) {
  const expected = /^\d{1,15}$/.test(v.expectedRevision) ? Number(v.expectedRevision) : v.expectedRevision;
  return check(ReviseStoryDto, {
    expectedRevision: expected,
    changeNote: v.changeNote,
    kind: v.kind,
    ...(v.headline !== current.headline ? { headline: v.headline } : {}),
    ...(v.body !== current.body ? { body: v.body } : {}),
    ...(v.editorsNote !== (current.editorsNote ?? '') ? { editorsNote: v.editorsNote } : {}),
    ...(v.developing !== current.developing ? { developing: v.developing } : {}),
  });
}
