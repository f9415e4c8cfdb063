import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The catalogue's guarantee (issue 15, docs/adr/0011-event-catalogue.md): a new event type is a
 * compile error at every place that must handle it. One TypeScript program over the production
 * sources (apps and libs, no specs), with the diplomatic-event union file swapped in memory for a
 * version that adds `MeetingPostponed`; the files that stop compiling must be exactly the list
 * below. A place that handles event types and is missing from this list fails silently today:
 * make it exhaustive (`eventRoutes`, or `satisfies { [T in DatelineEventType]: … }`) and add it.
 */
const ROOT = resolve('.');
const UNION_FILE = 'libs/domain/src/diplomatic-event/diplomatic-event.events.ts';

/** Every place that must know a new event type, with why. Sorted by path. */
const MUST_HANDLE: Record<string, string> = {
  'libs/domain/src/catalogue/event-catalogue.ts': 'its catalogue entry: version, category, description',
  'libs/domain/src/catalogue/event-schemas.ts': 'its data schema',
  'libs/domain/src/catalogue/event-upcasters.ts': 'its upcaster table',
  'libs/domain/src/diplomatic-event/diplomatic-event.decider.ts': "what it does to the aggregate's state (evolve)",
  'libs/kafka/src/timeline-entry-tracker.ts': 'what it does to the compacted timeline-entries topic, or that it does nothing',
  'libs/projections/src/read-models/event-history/event-history.projection.ts': 'what the event history (and so the live stream) records',
  'libs/projections/src/read-models/fact-candidates/fact-candidates.projection.ts':
    'what it does to the fact candidates and their reviews, or that it does nothing',
  'libs/projections/src/read-models/story-revisions/story-revisions.projection.ts':
    'what it does to story revisions, or that it does nothing',
  'libs/projections/src/read-models/timeline-entries/timeline-entries.projection.ts':
    'what it does to the timeline, or that it does nothing',
};

/** The fixture: a new diplomatic-event type, declared the way the others are, and added to the union. */
function withMeetingPostponed(source: string): string {
  const union = 'export type DiplomaticEventEvent = DiplomaticEventRecorded | DiplomaticEventAmended | DiplomaticEventRetracted;';
  if (!source.includes(union)) throw new Error(`${UNION_FILE} no longer declares the union as this fixture expects: update the fixture`);
  return source.replace(union, '').concat(`
export const MeetingPostponedData = closedObject({ eventId: uuid(), version: laterVersion(), reason: nonEmptyText() });
export interface MeetingPostponed {
  readonly type: 'MeetingPostponed';
  readonly data: Static<typeof MeetingPostponedData>;
}
${union.replace(';', ' | MeetingPostponed;')}
`);
}

/** Files with type errors, each with its first message, when the program is built over `rootNames` with `swap` applied. */
function typeErrors(swap: (path: string, text: string) => string): Record<string, string> {
  const configFile = ts.readConfigFile(resolve(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const production = config.fileNames.filter((f) => /^(apps|libs)\//.test(relative(ROOT, f)) && !/\.[a-z-]*spec\.ts$/.test(f));
  const host = ts.createCompilerHost(config.options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (path) => {
    const text = readFile(path);
    return text === undefined ? undefined : swap(relative(ROOT, path), text);
  };
  const program = ts.createProgram({ rootNames: production, options: { ...config.options, noEmit: true }, host });
  const errors: Record<string, string> = {};
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file ? relative(ROOT, d.file.fileName) : '(no file)';
    errors[file] ??= ts.flattenDiagnosticMessageText(d.messageText, ' ');
  }
  return errors;
}

describe('the event catalogue is exhaustive', () => {
  const places = Object.keys(MUST_HANDLE).sort();
  it(
    `adding MeetingPostponed to the union fails the type-check in exactly: ${places.join(', ')}`,
    () => {
      expect(withMeetingPostponed(readFileSync(resolve(ROOT, UNION_FILE), 'utf8'))).toContain("'MeetingPostponed'");
      const errors = typeErrors((path, text) => (path === UNION_FILE ? withMeetingPostponed(text) : text));
      // On failure, each file with its first error: a place to add to MUST_HANDLE, or one that no longer fails.
      expect(errors).toEqual(Object.fromEntries(places.map((p) => [p, expect.any(String)])));
    },
    // One program over ~250 files: ~10 s alone, more with other suites on two cores.
    180_000,
  );
});
