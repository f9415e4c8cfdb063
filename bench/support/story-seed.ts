/**
 * Stories for the desk benchmark, written through the JSON API as an editor would: each created,
 * then revised, so that the desk's list, forms and history have a realistic amount to show.
 */

const WORDS = (
  'talks delegation minister ceasefire envoy summit agreement statement officials border aid convoy ' +
  'negotiators prisoners exchange council vote sanctions embassy spokesman meeting capital region ' +
  'president parliament week morning evening late early report sources said according confirmed ' +
  'denied proposal draft memorandum guarantee withdrawal monitors observers security humanitarian'
).split(' ');

const PLACES = ['Geneva', 'Istanbul', 'Doha', 'Vienna', 'Cairo', 'Oslo', 'Nairobi', 'Jeddah', 'Brussels', 'Minsk'];

/** Deterministic words: the same seed gives the same stories in every run. */
function wordsFrom(seed: number) {
  let state = Math.imul(seed, 2654435761) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 16; // the low bits of this generator repeat quickly
  };
  const word = () => WORDS[next() % WORDS.length];
  const sentence = (n: number) => {
    const ws = Array.from({ length: n }, word);
    return ws.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(8 + (next() % 10))).join(' ');
  return { sentence, paragraph };
}

export interface StoryRevisionText {
  headline: string;
  body: string;
  changeNote?: string;
}

/** Story `i`'s revisions: about 350 words in five paragraphs, then two edits of a sentence, a headline and a paragraph. */
export function storyTexts(i: number, revisions: number): { slug: string; revisions: StoryRevisionText[] } {
  const w = wordsFrom(i + 1);
  const place = PLACES[i % PLACES.length];
  const paragraphs = Array.from({ length: 5 }, () => w.paragraph(4));
  const texts: StoryRevisionText[] = [{ headline: `${place} ${w.sentence(8).slice(0, -1)}`, body: paragraphs.join('\n\n') }];
  for (let r = 2; r <= revisions; r++) {
    const previous = texts[texts.length - 1];
    const edited = previous.body.split('\n\n');
    edited[r % edited.length] = w.paragraph(4);
    if (r % 2 === 1) edited.push(w.paragraph(2));
    texts.push({
      headline: r % 2 === 1 ? `${place} ${w.sentence(9).slice(0, -1)}` : previous.headline,
      body: edited.join('\n\n'),
      changeNote: `Revision ${r}: ${w.sentence(5)}`,
    });
  }
  return { slug: `bench-story-${i + 1}-${place.toLowerCase()}`, revisions: texts };
}

export interface SeededStories {
  ids: string[];
  /** The highest log position of the writes: a read with this minPosition sees every revision. */
  lastPosition: number;
}

async function write(url: string, token: string, body: unknown): Promise<{ id: string; position: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; position: number };
}

/** Writes `count` stories of `revisions` revisions each through POST /stories and POST /stories/:id/revisions, `parallel` at a time. */
export async function seedStories(base: string, token: string, count: number, revisions: number, parallel = 8): Promise<SeededStories> {
  const ids: string[] = new Array<string>(count);
  let lastPosition = 0;
  let nextStory = 0;
  const worker = async () => {
    for (let i = nextStory++; i < count; i = nextStory++) {
      const { slug, revisions: texts } = storyTexts(i, revisions);
      const [first, ...later] = texts;
      const created = await write(`${base}/stories`, token, { slug, ...first, developing: i % 3 === 0, byline: 'Bench Desk' });
      ids[i] = created.id;
      let position = created.position;
      for (const [k, t] of later.entries()) {
        const revised = await write(`${base}/stories/${created.id}/revisions`, token, { expectedRevision: k + 1, kind: 'update', ...t });
        position = revised.position;
      }
      lastPosition = Math.max(lastPosition, position);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { ids, lastPosition };
}

/** Waits until the story-revision read model holds every seeded write (the desk reads from it). */
export async function waitForStories(base: string, seeded: SeededStories, timeoutMs = 60_000): Promise<void> {
  const last = seeded.ids[seeded.ids.length - 1];
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`${base}/stories/${last}/revisions?minPosition=${seeded.lastPosition}`);
    await res.arrayBuffer();
    if (res.status === 200 && res.headers.get('x-dateline-caught-up') === 'true') return;
  }
  throw new Error(`the read models did not reach position ${seeded.lastPosition} within ${timeoutMs} ms`);
}
