import { KeyedOrderable, orderKeysWithinDay } from '@dateline/domain';
import { EntryRow } from './timeline-entries.table';

/** An open row of a heading, as ordering needs it: its order inputs, its key now, and its staged row when this batch writes it. */
export interface OrderMember extends KeyedOrderable {
  readonly entry_id: string;
  readonly event_id: string;
  readonly version: number;
  order_key: string;
  readonly row?: EntryRow;
}

/**
 * The open rows of the headings a batch reorders, kept for the batch: loaded from the table the
 * first time a heading is reordered, then kept up to date with what the batch stages and closes,
 * so that each event's reorder sees the heading as it is after that event. Keys depend only on
 * the events, never on where batches end: a rebuild and the live projector write the same rows.
 */
export class HeadingOrder {
  private readonly loaded = new Map<string, Map<string, OrderMember>>();
  /** Rows staged in this batch, by heading, open or closed since. */
  private readonly stagedRows = new Map<string, EntryRow[]>();
  /** Stored versions this batch closed, `<event id>/<version>`: a heading loaded later must leave them out. */
  private readonly closedVersions = new Set<string>();

  /** An entry's key on its own: its key among the others too, unless it is related to one of them. */
  static aloneKey(order: KeyedOrderable): string {
    return orderKeysWithinDay([order])[0];
  }

  /** The members whose key is not the one the heading's order gives them now, with that key. */
  static changed(members: readonly OrderMember[]): { member: OrderMember; key: string }[] {
    const keys = orderKeysWithinDay(members);
    return members.flatMap((member, i) => (keys[i] === member.order_key ? [] : [{ member, key: keys[i] }]));
  }

  staged(row: EntryRow): void {
    const rows = this.stagedRows.get(row.sort_key) ?? [];
    rows.push(row);
    this.stagedRows.set(row.sort_key, rows);
    this.loaded.get(row.sort_key)?.set(row.entry_id, memberOf(row));
  }

  closed(sortKey: string, entryId: string): void {
    this.loaded.get(sortKey)?.delete(entryId);
  }

  closedStored(eventId: string, version: number): void {
    this.closedVersions.add(`${eventId.toLowerCase()}/${version}`);
  }

  /** The heading's open rows now: loaded once per batch with `load`, then kept here. */
  async members(sortKey: string, load: (sortKey: string) => Promise<OrderMember[]>): Promise<OrderMember[]> {
    let members = this.loaded.get(sortKey);
    if (!members) {
      const stored = (await load(sortKey)).filter((m) => !this.closedVersions.has(`${m.event_id.toLowerCase()}/${m.version}`));
      members = new Map(stored.map((m) => [m.entry_id, m]));
      for (const row of this.stagedRows.get(sortKey) ?? []) if (row.recorded_to === null) members.set(row.entry_id, memberOf(row));
      this.loaded.set(sortKey, members);
    }
    return [...members.values()];
  }
}

function memberOf(row: EntryRow): OrderMember {
  return {
    entry_id: row.entry_id,
    event_id: row.event_id,
    version: row.version,
    key: row.entry_id,
    recording: `${String(row.first_recorded_at)}|${row.entry_id}`,
    ...(row.order_at !== null ? { at: row.order_at } : {}),
    relations: row.relations ?? [],
    order_key: row.order_key,
    row,
  };
}
