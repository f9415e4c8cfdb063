import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTempDatabase, TempDatabase } from '../testing/temp-database';
import { PgClient } from './pg-client';

/**
 * Named statements asked to run under their generic plan (QueryOptions.genericPlan) are planned
 * once per session, never for each execution's parameters; the others keep PostgreSQL's own
 * choice, which plans the first five executions afresh (and may do so forever). Counted by
 * PostgreSQL itself, in pg_prepared_statements of the session that ran them (a pool of one).
 */
describe('generic plans on request (PostgreSQL)', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase();
  });
  afterAll(async () => db.drop());

  const plansOf = async (sql: PgClient, name: string, genericPlan: boolean) => {
    const { rows } = await sql.query<{ generic_plans: string; custom_plans: string }>(
      'SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1',
      [name],
      `plans_of_${genericPlan ? 'generic' : 'auto'}`,
      { genericPlan },
    );
    return { generic: Number(rows[0].generic_plans), custom: Number(rows[0].custom_plans) };
  };

  it('plans a named statement once when asked, and for each execution otherwise', async () => {
    const sql = new PgClient(db.url, 1);
    try {
      for (let n = 0; n < 3; n++) {
        expect((await sql.query<{ n: number }>('SELECT $1::int + 1 AS n', [n], 'generic_probe', { genericPlan: true })).rows).toEqual([
          { n: n + 1 },
        ]);
        expect((await sql.query<{ n: number }>('SELECT $1::int + 2 AS n', [n], 'auto_probe')).rows).toEqual([{ n: n + 2 }]);
      }
      expect(await plansOf(sql, 'generic_probe', true)).toEqual({ generic: 3, custom: 0 });
      expect(await plansOf(sql, 'auto_probe', false)).toEqual({ generic: 0, custom: 3 });
    } finally {
      await sql.close();
    }
  });

  it('leaves unnamed statements and transactions in PostgreSQL’s own mode', async () => {
    const sql = new PgClient(db.url, 1);
    try {
      const setting = 'SELECT current_setting($1) AS mode';
      expect((await sql.query(setting, ['plan_cache_mode'], undefined, { genericPlan: true })).rows).toEqual([{ mode: 'auto' }]);
      expect((await sql.query(setting, ['plan_cache_mode'], 'mode_generic', { genericPlan: true })).rows).toEqual([
        { mode: 'force_generic_plan' },
      ]);
      expect(await sql.transaction(async (tx) => (await tx.query(setting, ['plan_cache_mode'])).rows)).toEqual([{ mode: 'auto' }]);
    } finally {
      await sql.close();
    }
  });
});
