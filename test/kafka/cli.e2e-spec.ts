import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { topicNames } from '@dateline/kafka';
import type { RecordedEvent } from '@dateline/event-store';
import { diplomaticEvent, story } from '../support/fixtures';
import { testBrokers, testTopicPrefix } from '../support/kafka-broker';
import { consumeUntil } from '../support/kafka-records';
import { ADMIN_TOKEN, bearer, EDITOR_TOKEN, startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);

/** `npm run cli -- tail` and `-- replay`, the built CLI against the running service and broker. */
describe('CLI: tail and replay', () => {
  const brokers = testBrokers();
  const prefix = testTopicPrefix();
  let t: TestApp;
  let baseUrl: string;
  let log: RecordedEvent[];

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
      env: {
        ...process.env,
        KAFKA_BROKERS: brokers,
        KAFKA_TOPIC_PREFIX: prefix,
        DATELINE_URL: baseUrl,
        DATELINE_ADMIN_TOKEN: ADMIN_TOKEN,
        ...env,
      },
      timeout: 60_000,
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
    const s = (
      await t
        .http()
        .post('/stories')
        .set(bearer())
        .send(story({ slug: 'cli-tail' }))
        .expect(201)
    ).body;
    await t
      .http()
      .post(`/stories/${s.id}/revisions`)
      .set(bearer())
      .send({ expectedRevision: 1, body: 'Updated body', changeNote: 'update' })
      .expect(201);
    const last = (
      await t
        .http()
        .post('/diplomatic-events')
        .set(bearer())
        .send(diplomaticEvent({ title: 'Tail me' }))
        .expect(201)
    ).body;
    for (;;) {
      if ((await t.http().get('/admin/status').set(bearer(ADMIN_TOKEN))).body.relay.position >= last.position) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    log = await t.storage.store.readAll(0, 100);
  });
  afterAll(async () => t?.close());

  it('tail prints each record decoded: envelope line, then the data', async () => {
    const { stdout } = await cli(['tail', '--topic', 'stories', '--from-beginning', '--max', '2']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\S+Z ${prefix.replace('.', '\\.')}stories\\.v1\\[\\d\\]@0 dateline\\.StoryCreated\\.v1 key=${log[0].streamId.slice(6)} id=${log[0].id} position=${log[0].position} v1 editor=alice$`,
      ),
    );
    expect(JSON.parse(lines[1])).toMatchObject({ slug: 'cli-tail', revision: 1 });
    expect(lines[2]).toContain('dateline.StoryRevised.v1');
  });

  it('replay republishes a range of the log to another topic, in the relay format', async () => {
    const toTopic = `${prefix}replayed`;
    const { stdout } = await cli(['replay', '--from', String(log[1].position), '--to-topic', toTopic]);
    expect(stdout).toContain(`replayed 2 events (positions ${log[1].position}..${log[2].position}) to ${toTopic}`);
    const records = await consumeUntil(brokers, [toTopic], (rs) => rs.length >= 2, { settleMs: 1000 });
    expect(new Set(records.map((r) => r.headers.ce_id))).toEqual(new Set([log[1].id, log[2].id]));
    for (const r of records) {
      const logged = log.find((e) => e.id === r.headers.ce_id)!;
      expect(r.headers).toMatchObject({ ce_specversion: '1.0', dateline_position: String(logged.position) });
      expect(JSON.parse(r.value!)).toEqual(logged.data);
    }
  });

  it("replay refuses the relay's own topics, bad input, and an editor token", async () => {
    const own = topicNames(prefix).stories;
    await expect(cli(['replay', '--from', '0', '--to-topic', own])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("relay's own topics"),
    });
    await expect(cli(['replay', '--from', 'yesterday', '--to-topic', 'x'])).rejects.toMatchObject({
      stderr: expect.stringContaining('--from must be a whole number'),
    });
    await expect(cli(['replay', '--from', '0', '--to-topic', 'x'], { DATELINE_ADMIN_TOKEN: EDITOR_TOKEN })).rejects.toMatchObject({
      stderr: expect.stringContaining('403'),
    });
    const bad = await t.http().post('/admin/replay').set(bearer(ADMIN_TOKEN)).send({ from: -1, toTopic: 'no spaces allowed' }).expect(400);
    expect(bad.body.message.join(' ')).toMatch(/from must not be less than 0/);
  });
});
