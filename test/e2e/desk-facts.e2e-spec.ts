import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { csrfOf, signedIn, type DeskClient } from '../support/desk-client';
import { EDITOR_TOKEN, startTestApp, TestApp } from '../support/test-app';

interface FactView {
  id: string;
  version: number;
  state: string;
  title: string;
  summary?: string;
  when: Record<string, unknown>;
  relations: { relation: string; fact: string }[];
  about: unknown[];
  participants: unknown[];
  sources: unknown[];
  storyIds: string[];
  history: { version: number; type: string; editor?: string; reason?: string; changes?: Record<string, unknown> }[];
}

/** A fact as the form posts it: the talks on 16 May in Istanbul, by the API's own property paths. */
const talks = (more: Record<string, string> = {}) => ({
  title: 'Delegations open direct talks in Istanbul',
  kind: 'talks',
  summary: '',
  'when.precision': 'day',
  'when.on': '2025-05-16',
  'when.time': '13:30',
  'when.timezone': 'Europe/Istanbul',
  'when.certainty': 'explicit',
  'when.wording': 'on May 16',
  status: 'happened',
  'participants.0.name': 'Ukrainian delegation',
  'participants.0.country': 'UA',
  'sources.0.attribution': 'named-source',
  'sources.0.name': 'Sky News',
  'location.name': 'Istanbul',
  'location.country': 'TR',
  cameoCode: '046 Engage in negotiation',
  intent: 'save',
  ...more,
});

/** The editor desk's fact forms over HTTP: add, amend and retract through the API's commands, checked with its DTOs. */
describe('editor desk: facts over HTTP', () => {
  let t: TestApp;
  let desk: DeskClient;

  beforeAll(async () => {
    t = await startTestApp();
    desk = await signedIn(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function story(slug: string): Promise<string> {
    await desk.page('/desk/stories/new');
    const res = await desk.post('/desk/stories', { _csrf: desk.csrf(), slug, headline: `Talks: ${slug}`, body: 'Delegations met.' });
    expect(res.status).toBe(303);
    return res.headers.location.split('?')[0];
  }

  async function addFact(storyPath: string, fields: Record<string, string>): Promise<string> {
    await desk.page(`${storyPath}/facts/new`);
    const res = await desk.post(`${storyPath}/facts`, { _csrf: desk.csrf(), ...fields });
    expect([res.status, res.text.match(/<p class="problem"[^>]*>[^<]*/g)]).toEqual([303, null]);
    return /fact=([0-9a-f-]{36})/.exec(res.headers.location)![1];
  }

  const fact = async (id: string) => (await t.http().get(`/diplomatic-events/${id}`).expect(200)).body as FactView;
  const linked = async (storyPath: string) =>
    (
      (
        await t
          .http()
          .get(`/stories/${storyPath.split('/').pop()}`)
          .expect(200)
      ).body as { linkedEvents: { id: string }[] }
    ).linkedEvents;

  it('adds a fact with a bounded date and a relation: 303 to the story, and the API has it, signed by the editor', async () => {
    const path = await story('facts-added');
    const first = await addFact(path, talks());
    const res = await desk.post(`${path}/facts`, {
      _csrf: desk.csrf(),
      title: 'Putin puts Medinsky at the head of the delegation',
      kind: 'appointment',
      'when.precision': 'bounded',
      'when.onOrAfter': '2025-05-12',
      'when.onOrBefore': '2025-05-16',
      'when.certainty': 'inferred',
      status: 'happened',
      'relations.0.relation': 'before',
      'relations.0.fact': first,
      // An empty row says nothing and is not sent.
      'relations.1.relation': 'before',
      'relations.1.fact': '',
      'about.0.label': 'proposed start of the ceasefire',
      'about.0.date.precision': 'day',
      'about.0.date.on': '2025-05-12',
      'about.0.date.certainty': 'explicit',
      'sources.0.attribution': 'own-reporting',
      'quotes.0.text': 'We are ready.',
      'quotes.0.speaker': 'Rustem Umerov',
      'quotes.0.speakerInferred': 'on',
      intent: 'save',
    });
    expect(res.status).toBe(303);
    const id = /fact=([0-9a-f-]{36})&factSaved=recorded&version=1#fact-/.exec(res.headers.location)![1];
    const saved = await fact(id);
    expect(saved).toMatchObject({
      version: 1,
      state: 'active',
      kind: 'appointment',
      when: { precision: 'bounded', onOrAfter: '2025-05-12', onOrBefore: '2025-05-16', certainty: 'inferred' },
      relations: [{ relation: 'before', fact: first }],
      about: [{ label: 'proposed start of the ceasefire', date: { precision: 'day', on: '2025-05-12', certainty: 'explicit' } }],
      sources: [{ attribution: 'own-reporting' }],
      quotes: [{ text: 'We are ready.', speaker: 'Rustem Umerov', speakerInferred: true }],
      storyIds: [path.split('/').pop()],
    });
    expect(saved.history).toEqual([expect.objectContaining({ version: 1, type: 'DiplomaticEventRecorded', editor: 'alice' })]);
    // The local time in its zone became the API's instant; the CAMEO code came from the list's "code name".
    expect(await fact(first)).toMatchObject({
      when: { at: '2025-05-16T13:30:00+03:00' },
      cameoCode: '046',
      location: { name: 'Istanbul' },
    });

    const page = await desk.page(res.headers.location);
    expect(page.text).toContain('Fact recorded (version 1).');
    expect(page.text).toMatch(
      /id="fact-[0-9a-f-]{36}"><h3>Putin puts Medinsky at the head of the delegation<\/h3>\s*<p class="fact-meta"><span>between 12 and 16 May 2025 \(inferred\)<\/span> <span>Status: happened<\/span> <span>Version 1<\/span>/,
    );
    expect(page.text).toContain('on 16 May 2025 at 13:30 (Europe/Istanbul)');
  });

  it('bad input is a 400 page with each problem beside its control in the API’s words, and nothing is written', async () => {
    const path = await story('facts-bad');
    await desk.page(`${path}/facts/new`);
    const res = await desk.post(`${path}/facts`, {
      _csrf: desk.csrf(),
      ...talks({
        title: '  ',
        kind: '',
        'when.precision': 'bounded',
        'when.on': '',
        'when.time': '',
        'when.onOrBefore': 'soon',
        'participants.0.country': 'Ukraine',
      }),
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<p class="problem" id="f-title-problem">title should not be empty/);
    expect(res.text).toMatch(/<p class="problem" id="f-kind-problem">kind must be one of the following values: talks, meeting/);
    expect(res.text).toMatch(/<p class="problem" id="f-when-onOrBefore-problem">when.onOrBefore must be a date YYYY-MM-DD/);
    expect(res.text).toMatch(
      /<p class="problem" id="f-participants-0-country-problem">participants.0.country must be an ISO 3166-1 alpha-2 code such as UA/,
    );
    expect(res.text).toMatch(
      /<input type="text" id="f-when-onOrBefore" name="when.onOrBefore" aria-describedby="[^"]*f-when-onOrBefore-problem" aria-invalid="true"[^>]* value="soon">/,
    );
    // The summary at the top links each problem to its control.
    expect(res.text).toContain('<a href="#f-participants-0-country">Participant 1: country</a>');
    // What the editor typed comes back as typed.
    expect(res.text).toContain('value="Ukrainian delegation"');
    expect(await linked(path)).toEqual([]);

    // Past the DTO: the domain's own rules, beside the group they concern; and the desk's one rule (a time needs its zone).
    const domain = await desk.post(`${path}/facts`, {
      _csrf: csrfOf(res.text),
      ...talks({ 'when.precision': 'bounded', 'when.on': '', 'when.time': '', 'when.timezone': '' }),
    });
    expect(domain.status).toBe(400);
    expect(domain.text).toMatch(/<p class="problem" id="f-when-problem">when needs onOrAfter, onOrBefore or both/);
    const time = await desk.post(`${path}/facts`, { _csrf: csrfOf(domain.text), ...talks({ 'when.timezone': '' }) });
    expect(time.status).toBe(400);
    expect(time.text).toMatch(/<p class="problem" id="f-when-time-problem">when.time needs when.timezone/);
    expect(await linked(path)).toEqual([]);
  });

  it('"Add another" brings the form back with one more empty row, and saves nothing', async () => {
    const path = await story('facts-rows');
    await desk.page(`${path}/facts/new`);
    const res = await desk.post(`${path}/facts`, { _csrf: desk.csrf(), ...talks({ intent: 'add-participants' }) });
    expect(res.status).toBe(200);
    // One filled row, the empty row the form had and the one asked for; other lists keep one empty row.
    expect(res.text).toContain('name="participants.0.name" value="Ukrainian delegation"');
    expect(res.text).toContain('name="participants.2.name" value=""');
    expect(res.text).not.toContain('name="participants.3.name"');
    expect(res.text).toMatch(/name="sources\.1\.name"[^>]* value=""/);
    expect(res.text).not.toContain('name="sources.2.name"');
    expect(await linked(path)).toEqual([]);
  });

  it('amends with only the changed fields and a required reason; a stale version shows what changed and keeps the input', async () => {
    const path = await story('facts-amended');
    const id = await addFact(path, talks());
    const form = await desk.page(`${path}/facts/${id}/amendments`);
    expect(form.text).toContain('name="expectedVersion" value="1"');
    expect(form.text).toContain('value="13:30"');
    const changed = talks({ summary: 'The first direct talks since 2022.', expectedVersion: '1' });

    const noReason = await desk.post(`${path}/facts/${id}/amendments`, { _csrf: desk.csrf(), ...changed, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toMatch(/<p class="problem" id="f-reason-problem">reason should not be empty/);
    expect((await fact(id)).version).toBe(1);

    const ok = await desk.post(`${path}/facts/${id}/amendments`, { _csrf: desk.csrf(), ...changed, reason: 'Context' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toContain(`fact=${id}&factSaved=amended&version=2`);
    const amended = await fact(id);
    // Only the summary was sent: the date, its instant and everything else were as they were.
    expect(amended.history[1]).toMatchObject({ type: 'DiplomaticEventAmended', editor: 'alice', reason: 'Context' });
    expect(amended.history[1].changes).toEqual({ summary: 'The first direct talks since 2022.' });

    // Another client changes the title meanwhile; this editor's form still says version 2.
    await t
      .http()
      .post(`/diplomatic-events/${id}/amendments`)
      .set('Authorization', `Bearer ${EDITOR_TOKEN}`)
      .send({ expectedVersion: 2, changes: { title: 'Ukraine and Russia open talks in Istanbul' }, reason: 'Sharper title' })
      .expect(201);
    await desk.page(`${path}/facts/${id}/amendments`);
    const mine = talks({ summary: 'The first direct talks since 2022, hosted by Turkey.', expectedVersion: '2', reason: 'Host' });
    const stale = await desk.post(`${path}/facts/${id}/amendments`, { _csrf: desk.csrf(), ...mine });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Someone changed this fact first');
    expect(stale.text).toContain('Version 3: amended by alice (“Sharper title”)');
    expect(stale.text).toMatch(/<dt>Title<\/dt><dd>Ukraine and Russia open talks in Istanbul<\/dd>/);
    // The form: their title, this editor's summary and reason, on top of version 3.
    expect(stale.text).toMatch(/name="title"[^>]* value="Ukraine and Russia open talks in Istanbul"/);
    expect(stale.text).toContain('The first direct talks since 2022, hosted by Turkey.</textarea>');
    expect(stale.text).toContain('name="expectedVersion" value="3"');
    const onTop = await desk.post(`${path}/facts/${id}/amendments`, {
      _csrf: csrfOf(stale.text),
      ...mine,
      title: 'Ukraine and Russia open talks in Istanbul',
      expectedVersion: '3',
    });
    expect(onTop.status).toBe(303);
    expect(await fact(id)).toMatchObject({
      version: 4,
      title: 'Ukraine and Russia open talks in Istanbul',
      summary: 'The first direct talks since 2022, hosted by Turkey.',
    });
    expect((await fact(id)).history[3].changes).toEqual({ summary: 'The first direct talks since 2022, hosted by Turkey.' });

    const history = await desk.page(`${path}/facts/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.text).toMatch(
      /id="version-3"><h2>Version 3<\/h2>\s*<p class="entry__meta"><span class="kind">Amended<\/span> <time datetime="[^"]+">[^<]+<\/time> by alice<\/p>\s*<p>Reason: Sharper title<\/p>/,
    );
    expect(history.text).toContain('<dt>When</dt><dd>on 16 May 2025 at 13:30 (Europe/Istanbul)</dd>');
  });

  it('retracts with a public note (required), and the story lists the fact as retracted', async () => {
    const path = await story('facts-retracted');
    const id = await addFact(path, talks());
    const confirm = await desk.page(`${path}/facts/${id}/retraction`);
    expect(confirm.text).toContain('on 16 May 2025 at 13:30 (Europe/Istanbul)');
    const noNote = await desk.post(`${path}/facts/${id}/retraction`, { _csrf: desk.csrf(), expectedVersion: '1', reason: ' ' });
    expect(noNote.status).toBe(400);
    expect(noNote.text).toMatch(/<p class="problem" id="f-reason-problem">reason should not be empty/);
    expect((await fact(id)).state).toBe('active');
    // Amended meanwhile: the page says so, keeps the note, and asks again on top of the new version.
    await t
      .http()
      .post(`/diplomatic-events/${id}/amendments`)
      .set('Authorization', `Bearer ${EDITOR_TOKEN}`)
      .send({ expectedVersion: 1, changes: { status: 'postponed' }, reason: 'Moved to Monday' })
      .expect(201);
    const note = { expectedVersion: '1', reason: 'Duplicate of another fact' };
    const stale = await desk.post(`${path}/facts/${id}/retraction`, { _csrf: desk.csrf(), ...note });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Version 2: amended by alice (“Moved to Monday”)');
    expect(stale.text).toContain('name="expectedVersion" value="2"');
    expect(stale.text).toContain('Duplicate of another fact</textarea>');
    expect((await fact(id)).state).toBe('active');
    const res = await desk.post(`${path}/facts/${id}/retraction`, { _csrf: csrfOf(stale.text), ...note, expectedVersion: '2' });
    expect(res.status).toBe(303);
    expect(await fact(id)).toMatchObject({ state: 'retracted', version: 3 });
    expect((await fact(id)).history[2]).toMatchObject({
      type: 'DiplomaticEventRetracted',
      reason: 'Duplicate of another fact',
      editor: 'alice',
    });
    const page = await desk.page(res.headers.location);
    expect(page.text).toContain('Fact retracted (version 3): it has left the timeline.');
    expect(page.text).toMatch(/<span>Status: retracted<\/span> <span>Version 3<\/span>/);
    expect(page.text).not.toContain(`/facts/${id}/amendments`);
    expect(await linked(path)).toEqual([]);
    // Its amend form says why there is none.
    expect((await desk.agent.get(`${path}/facts/${id}/amendments`)).status).toBe(409);
  });

  it('refuses a fact form without its CSRF token with a 403 that writes nothing', async () => {
    const path = await story('facts-csrf');
    await desk.page(`${path}/facts/new`);
    const res = await desk.post(`${path}/facts`, talks());
    expect(res.status).toBe(403);
    expect(res.text).toContain('CSRF token is missing or wrong');
    expect(await linked(path)).toEqual([]);
  });

  it('refuses a relation to a fact of another story, as the API does, beside the relation', async () => {
    const elsewhere = await story('facts-elsewhere');
    const other = await addFact(elsewhere, talks());
    const path = await story('facts-here');
    await desk.page(`${path}/facts/new`);
    // The form offers only this story's facts; a post made by hand names another story's.
    expect(desk.csrf()).not.toBe('');
    const res = await desk.post(`${path}/facts`, {
      _csrf: desk.csrf(),
      ...talks({ 'relations.0.relation': 'after', 'relations.0.fact': other }),
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(
      new RegExp(
        `<p class="problem" id="f-relations-0-fact-problem">[^<]*is related to ${other}, which is not one of the story&#39;s facts`,
      ),
    );
    expect(await linked(path)).toEqual([]);
  });

  it('answers 404 for a fact that is not this story’s', async () => {
    const a = await story('facts-a');
    const b = await story('facts-b');
    const id = await addFact(a, talks());
    expect((await desk.agent.get(`${b}/facts/${id}/amendments`)).status).toBe(404);
    expect((await desk.agent.get(`${b}/facts/${id}/history`)).status).toBe(404);
    expect((await desk.agent.get(`${a}/facts/not-a-uuid/history`)).status).toBe(404);
  });
});

describe('editor desk: a fact form after the session ended', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DATELINE_SESSION_TTL_SECONDS: '1' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks to sign in again, writes nothing, and brings the fact form back filled', async () => {
    const desk = await signedIn(t);
    await desk.page('/desk/stories/new');
    const made = await desk.post('/desk/stories', {
      _csrf: desk.csrf(),
      slug: 'facts-expiry',
      headline: 'Talks',
      body: 'Delegations met.',
    });
    const path = made.headers.location.split('?')[0];
    await desk.page(`${path}/facts/new`);
    await new Promise((r) => setTimeout(r, 1500));
    const res = await desk.post(`${path}/facts`, { _csrf: desk.csrf(), ...talks() });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Your session has ended, so nothing was saved');
    expect(res.text).toContain('name="carry.participants.0.name" value="Ukrainian delegation"');
    expect(res.text).not.toContain('name="carry._csrf"');
    const storyId = path.split('/').pop()!;
    expect(((await t.http().get(`/stories/${storyId}`).expect(200)).body as { linkedEvents: unknown[] }).linkedEvents).toEqual([]);
    const carried = Object.fromEntries([...res.text.matchAll(/name="(carry\.[^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const back = await desk.post('/desk/sign-in', {
      _csrf: csrfOf(res.text),
      token: EDITOR_TOKEN,
      returnTo: '/desk/stories',
      carryAction: `${path}/facts`,
      ...carried,
    });
    expect(back.status).toBe(200);
    expect(back.text).toContain('Your text is back in the form');
    expect(back.text).toMatch(/name="when\.timezone"[^>]* value="Europe\/Istanbul"/);
    expect(back.text).toMatch(/name="participants\.0\.name"[^>]* value="Ukrainian delegation"/);
    const saved = await desk.post(`${path}/facts`, { _csrf: csrfOf(back.text), ...talks() });
    expect(saved.status).toBe(303);
  });
});
