import { describe, expect, it } from '@jest/globals';
import { loadSettings } from './settings';

describe('settings: EVENTSTORE_URL', () => {
  it('is unset by default (the event store stays in PostgreSQL or PGlite)', () => {
    expect(loadSettings({}).eventStoreUrl).toBeUndefined();
    expect(loadSettings({ EVENTSTORE_URL: '' }).eventStoreUrl).toBeUndefined();
  });

  it('takes single-node and cluster connection strings', () => {
    expect(loadSettings({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' }).eventStoreUrl).toBe('esdb://localhost:2113?tls=false');
    expect(loadSettings({ EVENTSTORE_URL: 'esdb+discover://a:2113,b:2113,c:2113' }).eventStoreUrl).toBe('esdb+discover://a:2113,b:2113,c:2113');
  });

  it('refuses anything else rather than quietly using another store', () => {
    expect(() => loadSettings({ EVENTSTORE_URL: 'http://localhost:2113' })).toThrow(/EVENTSTORE_URL/);
    expect(() => loadSettings({ EVENTSTORE_URL: 'postgres://localhost/dateline' })).toThrow(/EVENTSTORE_URL/);
  });

  it('keeps DATABASE_URL for the read models next to it', () => {
    const s = loadSettings({ EVENTSTORE_URL: 'esdb://kurrentdb:2113?tls=false', DATABASE_URL: 'postgres://postgres@postgres:5432/dateline' });
    expect(s).toMatchObject({ eventStoreUrl: 'esdb://kurrentdb:2113?tls=false', databaseUrl: 'postgres://postgres@postgres:5432/dateline' });
  });
});
