import { describe, expect, it } from '@jest/globals';
import { firstScreen } from './first-screen';

const baseUrl = 'http://127.0.0.1:3000';

describe('the first screen', () => {
  it('names the reader page, the API docs and the token files, one per line, and no page that does not exist', () => {
    const screen = firstScreen({
      baseUrl,
      tokenFiles: { editor: '/d/editor-token', admin: '/d/admin-token' },
      sample: { kind: 'loaded', file: 'data/seed/istanbul-talks.json', storyId: 's1' },
    });
    const lines = screen.split('\n');
    expect(lines).toContain('  Reader page  http://127.0.0.1:3000/');
    expect(lines).toContain('  API docs     http://127.0.0.1:3000/docs');
    expect(lines).toContain('  Tokens       /d/editor-token (editor), /d/admin-token (admin)');
    expect(screen).toMatch(/Sample {7}the Istanbul talks story is loaded \(data\/seed\/istanbul-talks\.json\).*DATELINE_SAMPLE=none/);
    // Only the two pages that exist today (the desk's hook is in first-screen.ts).
    expect(screen.match(/http:\/\/\S+/g)).toEqual([baseUrl, `${baseUrl}/`, `${baseUrl}/docs`]);
    expect(screen.endsWith('Stop it with Ctrl-C.\n\n')).toBe(true);
  });

  it('says where configured tokens come from, and how to load the sample when it was not', () => {
    const declined = firstScreen({ baseUrl, sample: { kind: 'declined' } });
    expect(declined).toContain('from DATELINE_EDITOR_TOKENS and DATELINE_ADMIN_TOKENS');
    expect(declined).toContain('not loaded (DATELINE_SAMPLE=none); `npm run cli -- seed` loads it any time');
    expect(firstScreen({ baseUrl, sample: { kind: 'store-not-empty' } })).toContain('not loaded (the store has events already)');
    expect(firstScreen({ baseUrl, sample: { kind: 'not-embedded' } })).toContain('never loaded by itself into PostgreSQL or EventStoreDB');
    expect(firstScreen({ baseUrl, sample: { kind: 'failed', file: 'f', error: 'POST /stories answered 429' } })).toContain(
      'could not be loaded (POST /stories answered 429); try `npm run cli -- seed`',
    );
  });
});
