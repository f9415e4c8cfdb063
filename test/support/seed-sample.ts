import { ApiClient } from '../../apps/cli/src/api-client';
import { DEFAULT_SEED_FILE, seed } from '../../apps/cli/src/commands/seed.command';
import { ADMIN_TOKEN, EDITOR_TOKEN } from './test-app';

/** Loads the Istanbul sample story into a listening test app, the way `npm run cli -- seed` does. */
export function seedIstanbul(baseUrl: string): Promise<{ storyId: string; position: number }> {
  return seed(new ApiClient(baseUrl, { editor: EDITOR_TOKEN, admin: ADMIN_TOKEN }), DEFAULT_SEED_FILE, () => undefined);
}
