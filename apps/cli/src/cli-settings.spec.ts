import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCliSettings } from './cli-settings';

describe('CLI settings', () => {
  it('reach the service at DATELINE_URL, or at the HOST and PORT the service itself reads', () => {
    expect(loadCliSettings({ DATELINE_URL: 'http://svc:8080/', HOST: 'ignored' }).baseUrl).toBe('http://svc:8080');
    expect(loadCliSettings({ HOST: '10.0.0.2', PORT: '3100' }).baseUrl).toBe('http://10.0.0.2:3100');
  });

  it('take the tokens from the environment, else the ones the service made in its data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
    writeFileSync(join(dir, 'editor-token'), 'made-editor\n');
    expect(loadCliSettings({ DATELINE_DATA_DIR: dir })).toMatchObject({ editorToken: 'made-editor', adminToken: undefined });
    expect(loadCliSettings({ DATELINE_DATA_DIR: dir, DATELINE_TOKEN: 'mine', DATELINE_ADMIN_TOKEN: 'root' })).toMatchObject({
      editorToken: 'mine',
      adminToken: 'root',
    });
  });

  it('read Kafka for tail at KAFKA_BROKERS with KAFKA_TOPIC_PREFIX, with the local defaults', () => {
    expect(loadCliSettings({})).toMatchObject({ kafkaBrokers: ['127.0.0.1:9092'], kafkaTopicPrefix: 'dateline.' });
    expect(loadCliSettings({ KAFKA_BROKERS: 'a:1,b:2', KAFKA_TOPIC_PREFIX: 'x.' })).toMatchObject({
      kafkaBrokers: ['a:1', 'b:2'],
      kafkaTopicPrefix: 'x.',
    });
  });
});
