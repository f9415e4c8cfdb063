import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiClient } from '../api-client';

interface SeedRevision {
  headline: string;
  body: string;
  editorsNote?: string;
  developing?: boolean;
  changeNote?: string;
  kind?: 'update' | 'correction';
  /** When the newsroom published this revision (ISO 8601). Kept in the file, not sent: the API has no editorial time yet. */
  publishedAt?: string;
}

interface SeedFile {
  story: { slug: string; byline?: string; tags?: string[]; revisions: SeedRevision[] };
  diplomaticEvents: ({ withRevision: number } & Record<string, unknown>)[];
}

interface Written {
  id: string;
  version: number;
  position: number;
}

export const DEFAULT_SEED_FILE = 'data/seed/istanbul-talks.json';

/**
 * Loads a sample story through the running service's API, as the newsroom would have written
 * it: revision 1, the facts it reported, revision 2, the facts it added, and so on. Every
 * request carries an Idempotency-Key, so running seed twice writes nothing twice.
 */
export async function seed(
  api: Pick<ApiClient, 'post'>,
  file = DEFAULT_SEED_FILE,
  log: (line: string) => void = console.log,
): Promise<{ storyId: string; position: number }> {
  const data = JSON.parse(readFileSync(resolve(file), 'utf8')) as SeedFile;
  const { slug, byline, tags, revisions } = data.story;
  const key = (part: string) => `seed:${slug}:${part}`;

  const [first, ...later] = revisions;
  const { changeNote: _c, kind: _k, publishedAt: _p, ...firstFields } = first;
  const story = await api.post<Written>(
    '/stories',
    { slug, ...(byline ? { byline } : {}), ...(tags ? { tags } : {}), ...firstFields },
    key('story'),
  );
  log(`story ${slug}: ${story.id} (revision 1)`);
  let position = story.position;

  const recordEventsOf = async (revision: number) => {
    for (const [i, e] of data.diplomaticEvents.entries()) {
      if (e.withRevision !== revision) continue;
      const { withRevision: _w, ...fields } = e;
      const written = await api.post<Written>('/diplomatic-events', { ...fields, storyIds: [story.id] }, key(`event:${i}`));
      position = written.position;
      log(`  event ${String(fields.occurredOn)} ${String(fields.kind).padEnd(11)} ${String(fields.title)}`);
    }
  };

  await recordEventsOf(1);
  for (const [i, { publishedAt: _published, ...r }] of later.entries()) {
    const revision = i + 2;
    const written = await api.post<Written>(
      `/stories/${story.id}/revisions`,
      { expectedRevision: revision - 1, ...r },
      key(`revision:${revision}`),
    );
    position = written.position;
    log(`story revision ${revision} (${r.kind ?? 'update'}): ${r.changeNote ?? ''}`);
    await recordEventsOf(revision);
  }
  return { storyId: story.id, position };
}
