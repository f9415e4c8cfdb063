/**
 * Dated facts of one story for the desk benchmark, through POST /diplomatic-events as an API
 * client writes them: `count` facts on consecutive days, every other one after the fact before
 * it, with participants, sources and a quote, so that the fact pages have a realistic amount to
 * show (a relation select listing the story's facts, a history). Returns the last fact's id and
 * the highest log position written.
 */
export async function seedFacts(
  base: string,
  token: string,
  storyId: string,
  count: number,
): Promise<{ lastId: string; position: number }> {
  let previous: string | undefined;
  let position = 0;
  for (let i = 0; i < count; i++) {
    const day = `2025-05-${String(1 + (i % 28)).padStart(2, '0')}`;
    const body = {
      title: `Envoys meet for round ${i + 1} of the talks`,
      kind: 'meeting',
      when: { precision: 'day', on: day, certainty: i % 2 === 0 ? 'explicit' : 'inferred' },
      summary: `Round ${i + 1}: the delegations met again and agreed to keep talking.`,
      storyIds: [storyId],
      location: { name: 'Geneva', country: 'CH' },
      participants: [
        { name: 'Alpha delegation', country: 'FR' },
        { name: 'Jane Doe', role: 'Envoy', country: 'DE' },
      ],
      sources: [{ attribution: 'named-source', name: 'Wire service' }],
      quotes: [{ text: 'We came to talk.', speaker: 'Jane Doe', speakerInferred: false }],
      cameoCode: '046',
      ...(previous && i % 2 === 1 ? { relations: [{ relation: 'after', fact: previous }] } : {}),
    };
    const res = await fetch(`${base}/diplomatic-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`POST /diplomatic-events answered ${res.status}: ${await res.text()}`);
    const written = (await res.json()) as { id: string; position: number };
    previous = written.id;
    position = Math.max(position, written.position);
  }
  // One amendment, so the last fact's history has two versions.
  const res = await fetch(`${base}/diplomatic-events/${previous}/amendments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      expectedVersion: 1,
      reason: 'A later report names the venue',
      changes: { summary: 'They met at the Palais des Nations.' },
    }),
  });
  if (res.status !== 201) throw new Error(`POST /diplomatic-events/:id/amendments answered ${res.status}: ${await res.text()}`);
  position = Math.max(position, ((await res.json()) as { position: number }).position);
  return { lastId: previous!, position };
}

/** Waits until a read of the fact at `position` is caught up: the desk's fact pages read the same models. */
export async function waitForFacts(base: string, factId: string, position: number, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`${base}/diplomatic-events/${factId}?minPosition=${position}`);
    await res.arrayBuffer();
    if (res.status === 200 && res.headers.get('x-dateline-caught-up') === 'true') return;
  }
  throw new Error(`the read models did not reach position ${position} within ${timeoutMs} ms`);
}
