import { describe, expect, it } from '@jest/globals';
import { formatRecord } from './tail-format';

const headers = {
  ce_specversion: '1.0',
  ce_id: '0b3c1f7e-2a59-4c1e-9d55-6f0c6b1f4a10',
  ce_type: 'dateline.DiplomaticEventRecorded.v1',
  ce_source: '/dateline/diplomatic-events',
  ce_subject: '7d1e2c3b-1111-4222-8333-944455556666',
  ce_time: '2025-05-16T10:00:00.000Z',
  ce_editor: 'alice',
  'content-type': 'application/json',
  dateline_position: '42',
  dateline_version: '1',
};

describe('tail output', () => {
  it('shows the envelope on one line and the decoded data below it', () => {
    const out = formatRecord({
      topic: 'dateline.diplomatic-events.v1',
      partition: 2,
      offset: '7',
      key: headers.ce_subject,
      value: '{"title":"Talks open"}',
      headers,
    });
    expect(out).toBe(
      `2025-05-16T10:00:00.000Z dateline.diplomatic-events.v1[2]@7 dateline.DiplomaticEventRecorded.v1 key=${headers.ce_subject} id=${headers.ce_id} position=42 v1 editor=alice\n  {"title":"Talks open"}`,
    );
  });

  it('shows a tombstone for what it is', () => {
    const out = formatRecord({
      topic: 'dateline.timeline-entries.v1',
      partition: 0,
      offset: '3',
      key: 'k',
      value: null,
      headers: { ...headers, ce_type: 'dateline.TimelineEntryRemoved.v1' },
    });
    expect(out).toContain('dateline.TimelineEntryRemoved.v1 key=k');
    expect(out).toContain('(tombstone');
  });

  it('says when a record is not a CloudEvent instead of failing', () => {
    expect(formatRecord({ topic: 't', partition: 0, offset: '0', key: 'k', value: 'hello', headers: {} })).toContain('not a CloudEvent');
  });
});
