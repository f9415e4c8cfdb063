import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ApiClient } from '../api-client';

interface SeedRevision {
  headline: string;
  body: string;
  editorsNote?: string;
  developing?: boolean;
  changeNote?: string;
  kind?: 'update' | 'correction';
  /** When the newsroom published this revision (RFC 3339): its editorial time, sent with it. */
  publishedAt?: string;
}

interface SeedFile {
  story: { slug: string; byline?: string; tags?: string[]; revisions: SeedRevision[] };
  /** The fact list (data/seed/istanbul-facts.json), relative to this file. */
  facts: string;
}

/** A relation as the fact list writes it: to another fact by its key. */
interface KeyedRelation {
  relation: string;
  fact: string;
}

/** A fact of the fact list: the API's fields, with a key to name it and the revision that first reports it. */
interface ListedFact extends Record<string, unknown> {
  key: string;
  revision: number;
  title: string;
  kind: string;
  relations?: KeyedRelation[];
  amendments?: { revision: number; reason: string; changes: Record<string, unknown> & { relations?: KeyedRelation[] } }[];
}

interface FactList {
  facts: ListedFact[];
}

interface Written {
  id: string;
  version: number;
  position: number;
}

export const DEFAULT_SEED_FILE = 'data/seed/istanbul-talks.json';

/**
 * Loads a sample story through the running service's API, as the newsroom would have written
 * it: revision 1, the facts it reported, revision 2, the facts it added and the amendments it
 * made, and so on, each with the revision's publication time as its editorial time. Facts come
 * from the fact list (diplomatic events v2): relations name facts by key, sent as the ids the
 * facts got; within a revision a fact is recorded after the facts it names. Every request
 * carries an Idempotency-Key, so running seed twice writes nothing twice.
 */
export async function seed(
  api: Pick<ApiClient, 'post'>,
  file = DEFAULT_SEED_FILE,
  log: (line: string) => void = console.log,
): Promise<{ storyId: string; position: number }> {
  const path = resolve(file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as SeedFile;
  const list = JSON.parse(readFileSync(resolve(dirname(path), data.facts), 'utf8')) as FactList;
  const { slug, byline, tags, revisions } = data.story;
  const key = (part: string) => `seed:${slug}:${part}`;

  const [first, ...later] = revisions;
  const { changeNote: _c, kind: _k, ...firstFields } = first;
  const story = await api.post<Written>(
    '/stories',
    { slug, ...(byline ? { byline } : {}), ...(tags ? { tags } : {}), ...firstFields },
    key('story'),
  );
  log(`story ${slug}: ${story.id} (revision 1)`);
  let position = story.position;

  const ids = new Map<string, string>();
  const versions = new Map<string, number>();
  const idOf = (factKey: string): string => {
    const id = ids.get(factKey);
    if (!id) throw new Error(`the fact list relates to ${factKey} before it is recorded`);
    return id;
  };
  const withIds = (relations: KeyedRelation[] | undefined) => relations?.map((r) => ({ relation: r.relation, fact: idOf(r.fact) }));

  const factsOf = async (revision: number, publishedAt: string | undefined) => {
    const { order, deferred } = inRelationOrder(list.facts.filter((f) => f.revision === revision));
    for (const fact of order) {
      const { key: factKey, revision: _r, from: _f, amendments: _a, relations: all, ...fields } = fact;
      const relations = deferred.has(factKey) ? all?.filter((r) => ids.has(r.fact)) : all;
      const body = {
        ...fields,
        ...(relations ? { relations: withIds(relations) } : {}),
        storyIds: [story.id],
        ...(publishedAt ? { publishedAt } : {}),
      };
      const written = await api.post<Written>('/diplomatic-events', body, key(`fact:${factKey}`));
      ids.set(factKey, written.id);
      versions.set(factKey, written.version);
      position = written.position;
      log(`  fact ${String(fact.kind).padEnd(11)} ${fact.title}`);
    }
    // Facts of one revision that name each other: the relations to facts recorded after them, now.
    for (const factKey of deferred) {
      const fact = order.find((f) => f.key === factKey)!;
      const written = await api.post<Written>(
        `/diplomatic-events/${idOf(factKey)}/amendments`,
        {
          expectedVersion: versions.get(factKey),
          changes: { relations: withIds(fact.relations) },
          reason: 'Its order against facts of the same revision, recorded after it',
          ...(publishedAt ? { publishedAt } : {}),
        },
        key(`relations:${factKey}`),
      );
      versions.set(factKey, written.version);
      position = written.position;
    }
    for (const fact of list.facts) {
      for (const amendment of fact.amendments ?? []) {
        if (amendment.revision !== revision) continue;
        const { relations, ...changes } = amendment.changes;
        const written = await api.post<Written>(
          `/diplomatic-events/${idOf(fact.key)}/amendments`,
          {
            expectedVersion: versions.get(fact.key),
            changes: { ...changes, ...(relations ? { relations: withIds(relations) } : {}) },
            reason: amendment.reason,
            ...(publishedAt ? { publishedAt } : {}),
          },
          key(`amendment:${fact.key}:${revision}`),
        );
        versions.set(fact.key, written.version);
        position = written.position;
        log(`  amended    ${fact.title}: ${amendment.reason}`);
      }
    }
  };

  await factsOf(1, first.publishedAt);
  for (const [i, r] of later.entries()) {
    const revision = i + 2;
    const written = await api.post<Written>(
      `/stories/${story.id}/revisions`,
      { expectedRevision: revision - 1, ...r },
      key(`revision:${revision}`),
    );
    position = written.position;
    log(`story revision ${revision} (${r.kind ?? 'update'}): ${r.changeNote ?? ''}`);
    await factsOf(revision, r.publishedAt);
  }
  return { storyId: story.id, position };
}

/**
 * The facts of one revision, each after the facts of the same revision it relates to (the API
 * refuses a relation to a fact that does not exist yet), otherwise in the list's order. Facts
 * that name each other ("A before B" and "B after A") cannot all come after the other: the
 * first of them is recorded without its relations to the later ones (`deferred`), which an
 * amendment then adds.
 */
export function inRelationOrder(facts: readonly ListedFact[]): { order: ListedFact[]; deferred: Set<string> } {
  const here = new Set(facts.map((f) => f.key));
  const done = new Set<string>();
  const deferred = new Set<string>();
  const order: ListedFact[] = [];
  while (order.length < facts.length) {
    const waiting = facts.filter((f) => !done.has(f.key));
    const ready = waiting.find((f) => (f.relations ?? []).every((r) => !here.has(r.fact) || done.has(r.fact)));
    const next = ready ?? waiting[0];
    if (!ready) deferred.add(next.key);
    done.add(next.key);
    order.push(next);
  }
  return { order, deferred };
}
