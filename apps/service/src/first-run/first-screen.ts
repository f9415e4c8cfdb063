import type { SampleOutcome } from './sample-on-first-start';

export interface FirstScreenFacts {
  /** Where a person on this machine reaches the service, e.g. http://127.0.0.1:3000. */
  readonly baseUrl: string;
  /** The token files the service made, when no tokens were configured. */
  readonly tokenFiles?: { readonly editor: string; readonly admin: string };
  readonly sample: SampleOutcome;
}

/**
 * The pages a newcomer opens first, in the order they would. The editors' desk does not exist
 * yet: when it lands, its entry goes here (e.g. `{ label: 'Desk', path: '/desk' }`), and not
 * before, so that the screen never points at a page that answers 404.
 */
const PAGES: readonly { readonly label: string; readonly path: string }[] = [
  { label: 'Reader page', path: '/' },
  { label: 'API docs', path: '/docs' },
];

/**
 * The short plain block printed after the service listens, for the person who ran `npm start`:
 * where to look, where the tokens are, and what happened to the sample. The log lines around
 * it stay JSON (or pino-pretty at a terminal) for machines.
 */
export function firstScreen(facts: FirstScreenFacts): string {
  const rows: [string, string][] = PAGES.map((p) => [p.label, `${facts.baseUrl}${p.path}`]);
  rows.push([
    'Tokens',
    facts.tokenFiles
      ? `${facts.tokenFiles.editor} (editor), ${facts.tokenFiles.admin} (admin)`
      : 'from DATELINE_EDITOR_TOKENS and DATELINE_ADMIN_TOKENS',
  ]);
  rows.push(['Sample', sampleLine(facts.sample)]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  return ['', `Dateline is up at ${facts.baseUrl}`, ...lines, '  Stop it with Ctrl-C.', ''].join('\n') + '\n';
}

const SEED = 'npm run cli -- seed';

function sampleLine(sample: SampleOutcome): string {
  switch (sample.kind) {
    case 'loaded':
      return `the Istanbul talks story is loaded (${sample.file}), as this store was empty; start with DATELINE_SAMPLE=none on an empty data dir to skip it`;
    case 'declined':
      return `not loaded (DATELINE_SAMPLE=none); \`${SEED}\` loads it any time`;
    case 'store-not-empty':
      return `not loaded (the store has events already); \`${SEED}\` loads it, and writes nothing twice`;
    case 'not-embedded':
      return `\`${SEED}\` loads the Istanbul talks story (never loaded by itself into PostgreSQL or EventStoreDB)`;
    case 'failed':
      return `could not be loaded (${sample.error}); try \`${SEED}\``;
  }
}
