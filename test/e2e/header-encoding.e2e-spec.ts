import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toEventMessage, topicNames } from '@dateline/kafka';
import { story } from '../support/fixtures';
import { EDITOR_TOKEN, listen, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 13, part 8: a non-ASCII X-Correlation-Id was double-encoded in the Kafka headers
 * (Node hands header bytes over as ISO-8859-1, and the relay encoded that text as UTF-8 again).
 * From the HTTP request to the relay's record, without a broker: the bytes the client sent are
 * the bytes of the record's ce_correlationid header.
 */
describe('non-ASCII header values, from the request to the Kafka record', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
  });
  afterAll(async () => t?.close());

  /** Writes a story with these header bytes as X-Correlation-Id; answers the logged event. */
  const writeWith = async (bytes: Buffer, slug: string) => {
    // fetch sends a header's characters as bytes (a ByteString): these exact bytes. (supertest's
    // client re-encoded them as UTF-8.)
    const res = await fetch(`${base}/stories`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${EDITOR_TOKEN}`,
        'Content-Type': 'application/json',
        'X-Correlation-Id': bytes.toString('latin1'),
      },
      body: JSON.stringify(story({ slug })),
    });
    expect(res.status).toBe(201);
    const [event] = await t.storage.store.readStream(`story-${((await res.json()) as { id: string }).id}`);
    return event;
  };

  it('UTF-8 bytes are read as UTF-8 once, stored as that text, and go out as the same bytes', async () => {
    const text = 'Zürich — «Genève» 東京';
    const sent = Buffer.from(text, 'utf8');
    const event = await writeWith(sent, 'utf8-correlation');
    expect(event.metadata.correlationId).toBe(text);
    const header = toEventMessage(event, topicNames('dateline.')).headers.ce_correlationid;
    // What kafkajs puts on the wire for a string header value.
    expect(Buffer.from(header, 'utf8')).toEqual(sent);
  });

  it('bytes that are not UTF-8 are read as ISO-8859-1 and go out as their UTF-8 spelling', async () => {
    const event = await writeWith(Buffer.from('Zürich', 'latin1'), 'latin1-correlation');
    expect(event.metadata.correlationId).toBe('Zürich');
    expect(toEventMessage(event, topicNames('dateline.')).headers.ce_correlationid).toBe('Zürich');
  });
});
