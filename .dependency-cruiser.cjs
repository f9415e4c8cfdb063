/**
 * Dateline's layer rules, checked by dependency-cruiser over apps, libs, test and bench
 * (`npm run lint:layers`; test/layering.spec.ts runs the same in `npm test`, and proves that
 * each rule catches a deliberate violation). docs/architecture.md explains the layers.
 *
 * Paths are relative to the repository root; `@dateline/<lib>` imports are resolved through
 * tsconfig.json's paths, so a rule about `libs/kafka/` also holds for `@dateline/kafka`.
 */
// Specs and the `testing/` helpers they share: test code that lives beside what it tests.
const TEST_CODE = '(\\.(spec|contract-spec|e2e-spec|browser-spec)\\.ts$)|(^libs/[^/]+/src/testing/)';
// The packages the domain may use: its event schemas are TypeBox declarations, checked with ajv
// (docs/adr/0011-event-catalogue.md). Pure computation, no I/O.
const DOMAIN_PACKAGES = '(^|/)node_modules/(typebox|ajv|ajv-formats)/';
// The fact finder's language tools (docs/fact-finder.md): a date parser and an NLP library with its English model.
const FACT_FINDER_PACKAGES = '(^|/)node_modules/(chrono-node|wink-nlp|wink-eng-lite-web-model)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment:
        'libs/domain is pure TypeScript: it imports nothing outside itself. No other lib, no app, no ' +
        'framework and no Node built-in at all (not even node:crypto: ids and clocks are passed in), so ' +
        'deciders run the same anywhere and cannot do I/O. The one exception: the schema libraries its ' +
        'event catalogue is declared and checked with (typebox, ajv, ajv-formats).',
      severity: 'error',
      from: { path: '^libs/domain/src/', pathNot: TEST_CODE },
      to: { pathNot: `^libs/domain/src/|${DOMAIN_PACKAGES}` },
    },
    {
      name: 'domain-tests-import-only-domain-and-test-tools',
      comment:
        "libs/domain's specs and testing helpers import the domain, its schema libraries and devDependencies " +
        '(jest, fast-check, expect-type) only: no other lib, app, top-level test helper or Node built-in.',
      severity: 'error',
      from: { path: '^libs/domain/src/(.*\\.spec\\.ts$|testing/)' },
      to: { pathNot: `^libs/domain/src/|${DOMAIN_PACKAGES}`, dependencyTypesNot: ['npm-dev'] },
    },
    {
      name: 'fact-finder-imports-domain-and-language-tools',
      comment:
        'libs/fact-finder proposes facts from story text: it imports the domain (the v2 fact vocabulary, the CAMEO ' +
        'codebook), its language packages (chrono-node, wink-nlp and its English model) and node:crypto for stable ' +
        'candidate ids; nothing else: no store, no projection, no Kafka, no framework. It stays a pure function that ' +
        'a projection, a command or a benchmark can call alike. (That the domain never imports it is the rule above.)',
      severity: 'error',
      from: { path: '^libs/fact-finder/src/', pathNot: TEST_CODE },
      to: { pathNot: `^libs/(fact-finder|domain)/src/|${FACT_FINDER_PACKAGES}|^crypto$` },
    },
    {
      name: 'libs-not-to-apps-test-bench',
      comment:
        'Libraries never import the apps, the top-level tests or the benchmarks; neither do their specs ' +
        '(shared spec helpers live in libs/<lib>/src/testing/).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|test|bench)/' },
    },
    {
      name: 'apps-not-to-test-bench',
      comment: 'The apps and their specs never import the top-level tests or the benchmarks.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'testing-helpers-only-in-tests',
      comment: 'libs/<lib>/src/testing/ holds spec helpers: production code never imports them.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST_CODE },
      to: { path: '^libs/[^/]+/src/testing/' },
    },
    {
      name: 'projections-not-to-kafka',
      comment: 'The projector and the relay are independent followers of the log: neither imports the other.',
      severity: 'error',
      from: { path: '^libs/projections/' },
      to: { path: '^libs/kafka/' },
    },
    {
      name: 'kafka-not-to-projections',
      comment: 'The projector and the relay are independent followers of the log: neither imports the other.',
      severity: 'error',
      from: { path: '^libs/kafka/' },
      to: { path: '^libs/projections/' },
    },
    {
      name: 'event-store-through-entry-points',
      comment:
        'Outside libs/event-store, the store is reached through its entry points only: @dateline/event-store ' +
        '(the port and the PostgreSQL/PGlite adapter), @dateline/event-store/eventstoredb (the EventStoreDB ' +
        'adapter, a separate entry so that only processes using it load the gRPC client) and, for tests, ' +
        '@dateline/event-store/testing. Never a file under postgres/, sql/ or eventstoredb/ directly.',
      severity: 'error',
      from: { pathNot: '^libs/event-store/' },
      to: {
        path: '^libs/event-store/src/',
        pathNot: '^libs/event-store/src/(index|eventstoredb/index|testing/index)\\.ts$',
      },
    },
    {
      name: 'event-store-no-nest-no-http',
      comment: 'libs/event-store knows no NestJS and no HTTP framework: the service wires it in.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '(^|/)node_modules/(@nestjs/|fastify/|@fastify/|express/)' },
    },
    {
      name: 'write-slices-independent',
      comment:
        'Each write use case (apps/service/src/<aggregate>/commands/<use-case>/) stands alone: one slice ' +
        'never imports another; what they share lives beside them (e.g. apps/service/src/writing/).',
      severity: 'error',
      from: { path: '^(apps/service/src/[^/]+/commands/[^/]+)/' },
      to: { path: '^apps/service/src/[^/]+/commands/[^/]+/', pathNot: '^$1/' },
    },
    {
      name: 'read-model-slices-independent',
      comment:
        'Each read model (libs/projections/src/read-models/<read-model>/: its table, projection and queries) ' +
        'stands alone: one never imports another; queries that combine read models live in ' +
        'libs/projections/src/queries/, shared table helpers in libs/projections/src/tables/.',
      severity: 'error',
      from: { path: '^(libs/projections/src/read-models/[^/]+)/' },
      to: { path: '^libs/projections/src/read-models/[^/]+/', pathNot: '^$1/' },
    },
    {
      name: 'no-circular',
      comment: 'No module depends on itself through others: every layer can be read bottom up.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves; an unresolved one (a mistyped @dateline alias, say) would slip past the ' + 'rules above unseen.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is not excluded (that would hide imports of packages from the rules), only not cruised;
    // nor is any other dist/ than the build's own (ajv's entry points live in node_modules/ajv/dist/).
    exclude: { path: '^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
