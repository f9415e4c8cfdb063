import { QueryOptions, SqlQueryable } from '@dateline/event-store';

/** Statement names by SQL text, for the whole process: a name must always mean the same text. */
const statementNames = new Map<string, string>();

/**
 * Runs a read as a prepared statement named after its text: PostgreSQL parses it once per
 * connection instead of on every request (half of a timeline read's server CPU was that, the
 * queries themselves take microseconds). It still plans it for each execution's parameters
 * unless it settles on the generic plan, which it may never do: `genericPlan` asks for that
 * plan where it was checked to serve every parameter well. The read models' query texts come
 * from fixed fragments, so there are a few dozen at most. A rebuild's table swap makes
 * PostgreSQL re-plan them.
 */
export function namedQuery<R>(sql: SqlQueryable, text: string, params: unknown[], options?: QueryOptions): Promise<{ rows: R[] }> {
  let name = statementNames.get(text);
  if (!name) {
    name = `dateline_read_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return sql.query<R>(text, params, name, options);
}
