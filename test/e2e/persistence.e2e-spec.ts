import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { story } from '../support/fixtures';
import { startTestApp } from '../support/test-app';

describe('embedded default (PGlite on disk)', () => {
  it('keeps the data across a restart, and makes an editor and an admin token once, mode 0600', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dateline-persist-'));
    const env = { DATELINE_DATA_DIR: dataDir, DATELINE_IN_MEMORY: '0', DATELINE_EDITOR_TOKENS: '', DATELINE_ADMIN_TOKENS: '' };

    const first = await startTestApp({ env });
    expect(first.generatedToken?.created).toBe(true);
    const token = first.generatedToken!.token;
    expect(statSync(join(dataDir, 'editor-token')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600);
    expect(first.generatedAdminToken?.token).not.toBe(token);
    const created = await first
      .http()
      .post('/stories')
      .set('Authorization', `Bearer ${token}`)
      .send(story({ slug: 'survives' }))
      .expect(201);
    await first.close();

    const second = await startTestApp({ env });
    try {
      expect(second.generatedToken).toMatchObject({ created: false, token });
      const read = await second.http().get(`/stories/${created.body.id}?minPosition=${created.body.position}`).expect(200);
      expect(read.body).toMatchObject({ slug: 'survives', revision: 1 });
      await second
        .http()
        .post(`/stories/${created.body.id}/revisions`)
        .set('Authorization', `Bearer ${token}`)
        .send({ expectedRevision: 1, body: 'Later', changeNote: 'after restart' })
        .expect(201);
    } finally {
      await second.close();
    }
    // Two on-disk PGlite starts, the first with initdb: over a minute on a loaded machine.
  }, 180_000);
});
