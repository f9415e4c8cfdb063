import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadSettings } from '../apps/service/src/config/settings';

/**
 * The production shape (docker-compose.yml, Dockerfile) checked as files: no Docker engine runs
 * on our machines, so nothing here starts a container. What can be checked is the wiring.
 */
interface Healthcheck {
  test: string[] | string;
}
interface Service {
  image?: string;
  build?: string | { context: string };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: Healthcheck;
  profiles?: string[];
  volumes?: string[];
}

// Compose resolves `<<` merge keys; so does the parser here.
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const service = (name: string): Service => {
  expect(services[name]).toBeDefined();
  return services[name];
};

/** Compose's `${VAR:-default}` / `${VAR:?message}` as a deployment with these variables would see it. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    if (vars[name]) return vars[name];
    if (op === '-') return arg ?? '';
    throw new Error(`${name} must be set (${arg})`);
  });
}

const deployment = { DATELINE_EDITOR_TOKENS: 'alice=editor-secret', DATELINE_ADMIN_TOKENS: 'root=admin-secret' };
const envOf = (name: string) =>
  Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([k, v]) => [k, interpolate(String(v), deployment)]));
const testOf = (h?: Healthcheck) => (Array.isArray(h?.test) ? h.test.join(' ') : String(h?.test ?? ''));
const portsOf = (s: Service, vars: Record<string, string> = deployment) => (s.ports ?? []).map((p) => interpolate(p, vars));
const hostPorts = (s: Service) => portsOf(s).map((p) => p.split(':').slice(0, -1).join(':'));
const containerPort = (s: Service, port: number) => portsOf(s).some((p) => p.endsWith(`:${port}`));

describe('docker-compose.yml', () => {
  it('runs KurrentDB, Kafka, PostgreSQL and the service, with a volume for each store', () => {
    expect(Object.keys(services).sort()).toEqual(['dateline', 'dateline-pg', 'kafka', 'kurrentdb', 'postgres']);
    expect(Object.keys(compose.volumes).sort()).toEqual(['kafka-data', 'kurrentdb-data', 'postgres-data']);
  });

  it('KurrentDB: an insecure single node with a health check, its port on loopback only', () => {
    const db = service('kurrentdb');
    expect(db.image).toMatch(/^(docker\.kurrent\.io\/kurrent-[a-z]+\/kurrentdb|eventstore\/eventstore)(:|$)/);
    const env = db.environment ?? {};
    expect(env.KURRENTDB_INSECURE ?? env.EVENTSTORE_INSECURE).toBe('true');
    expect(env.KURRENTDB_CLUSTER_SIZE ?? env.EVENTSTORE_CLUSTER_SIZE).toBe('1');
    expect(testOf(db.healthcheck)).toContain('/health/live');
    // Insecure means no authentication: never published beyond the host's loopback.
    expect(db.ports).toEqual(['127.0.0.1:2113:2113']);
    expect(db.volumes).toContain('kurrentdb-data:/var/lib/kurrentdb');
  });

  it('Kafka: the apache/kafka image in KRaft mode, one node as broker and controller, with a health check', () => {
    const kafka = service('kafka');
    const env = kafka.environment ?? {};
    expect(kafka.image).toMatch(/^apache\/kafka:/);
    expect(env.KAFKA_PROCESS_ROLES.split(',').sort()).toEqual(['broker', 'controller']);
    // The controller quorum is this node, on the controller listener.
    const [voterId, voterAddress] = env.KAFKA_CONTROLLER_QUORUM_VOTERS.split('@');
    expect(voterId).toBe(env.KAFKA_NODE_ID);
    expect(env.KAFKA_LISTENERS).toContain(`CONTROLLER://:${voterAddress.split(':')[1]}`);
    expect(env.KAFKA_CONTROLLER_LISTENER_NAMES).toBe('CONTROLLER');
    expect(env.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(testOf(kafka.healthcheck)).toContain('kafka-broker-api-versions.sh');
  });

  it('PostgreSQL: a health check, and the database of the postgres-only profile created at init', () => {
    const pg = service('postgres');
    expect(testOf(pg.healthcheck)).toMatch(/pg_isready/);
    const init = (pg.volumes ?? []).find((v) => v.includes('/docker-entrypoint-initdb.d/'));
    expect(init).toBeDefined();
    expect(readFileSync(init!.split(':')[0], 'utf8')).toMatch(/CREATE DATABASE dateline_pg;/);
  });

  it('the service is built from the Dockerfile, listens on all interfaces of its container, and waits for healthy stores', () => {
    const app = service('dateline');
    expect(app.build).toBe('.');
    expect(envOf('dateline')).toMatchObject({ HOST: '0.0.0.0', PORT: '3000' });
    expect(portsOf(app)).toEqual(['127.0.0.1:3000:3000']);
    expect(app.depends_on).toEqual({
      kurrentdb: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
    });
    for (const dependency of Object.keys(app.depends_on!)) expect(service(dependency).healthcheck).toBeDefined();
  });

  it("the service's environment points at the other services, and the service itself accepts it", () => {
    const env = envOf('dateline');
    const settings = loadSettings(env);
    // EventStoreDB: the kurrentdb service, on its gRPC port, without TLS (the node is insecure).
    const esdb = new URL(settings.eventStoreUrl!);
    expect([esdb.hostname, esdb.port, esdb.searchParams.get('tls')]).toEqual(['kurrentdb', '2113', 'false']);
    // Read models: the postgres service, as its user, in its database.
    const pg = service('postgres').environment!;
    const db = new URL(settings.databaseUrl!);
    expect([db.hostname, db.port, db.username, db.password, db.pathname]).toEqual([
      'postgres',
      '5432',
      pg.POSTGRES_USER,
      interpolate(pg.POSTGRES_PASSWORD, {}),
      `/${pg.POSTGRES_DB}`,
    ]);
    // Kafka: the listener the broker advertises inside the network.
    expect(service('kafka').environment!.KAFKA_ADVERTISED_LISTENERS.split(',')).toContain(`PLAINTEXT://${env.KAFKA_BROKERS}`);
    expect(settings.editorTokens).toEqual(['alice=editor-secret']);
    expect(settings.adminTokens).toEqual(['root=admin-secret']);
    expect(settings.roles).toEqual(['api', 'projector', 'relay']);
  });

  it('refuses to start without editor and admin tokens rather than make a secret inside a container', () => {
    const raw = service('dateline').environment!;
    expect(() => interpolate(raw.DATELINE_EDITOR_TOKENS, {})).toThrow(/DATELINE_EDITOR_TOKENS/);
    expect(() => interpolate(raw.DATELINE_ADMIN_TOKENS, {})).toThrow(/DATELINE_ADMIN_TOKENS/);
  });

  it('probes the service with Node (slim images have no curl) on the port it listens on', () => {
    for (const name of ['dateline', 'dateline-pg']) {
      const test = service(name).healthcheck!.test as string[];
      expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(test[3]).toContain(`fetch('http://127.0.0.1:${envOf(name).PORT}/health/live')`);
    }
  });

  it('profile postgres-only: the service on PostgreSQL alone, in a database of its own', () => {
    const pgOnly = service('dateline-pg');
    expect(pgOnly.profiles).toEqual(['postgres-only']);
    const settings = loadSettings(envOf('dateline-pg'));
    expect(settings.eventStoreUrl).toBeUndefined();
    expect(new URL(settings.databaseUrl!).pathname).toBe('/dateline_pg');
    expect(settings.databaseUrl).not.toBe(loadSettings(envOf('dateline')).databaseUrl);
    expect(envOf('dateline-pg').KAFKA_TOPIC_PREFIX).not.toBe(envOf('dateline').KAFKA_TOPIC_PREFIX);
    expect(Object.keys(pgOnly.depends_on ?? {}).sort()).toEqual(['kafka', 'postgres']);
    for (const d of Object.values(pgOnly.depends_on!)) expect(d.condition).toBe('service_healthy');
    // Only the profile's own service is outside the default set.
    expect(
      Object.entries(services)
        .filter(([, s]) => s.profiles)
        .map(([n]) => n),
    ).toEqual(['dateline-pg']);
  });

  it("publishes every port on the host's loopback only, the services' unless DATELINE_PUBLISH_ADDRESS says otherwise", () => {
    for (const [name, s] of Object.entries(services)) {
      for (const published of portsOf(s)) expect(`${name} ${published}`).toMatch(new RegExp(`^${name} 127\\.0\\.0\\.1:\\d+:\\d+$`));
    }
    const everywhere = { ...deployment, DATELINE_PUBLISH_ADDRESS: '0.0.0.0' };
    expect(portsOf(service('dateline'), everywhere)).toEqual(['0.0.0.0:3000:3000']);
    expect(portsOf(service('dateline-pg'), everywhere)).toEqual(['0.0.0.0:3001:3000']);
    // The stores stay on loopback whatever the service is published on.
    expect(portsOf(service('kurrentdb'), everywhere)).toEqual(['127.0.0.1:2113:2113']);
  });

  it('publishes no host port twice', () => {
    const ports = Object.values(services).flatMap(hostPorts);
    expect(new Set(ports).size).toBe(ports.length);
    expect(containerPort(service('dateline-pg'), 3000)).toBe(true);
  });
});

/** Dockerfile instructions, continuation lines joined, comments dropped, split into stages. */
function dockerfileStages(text: string): { from: string; name?: string; instructions: [string, string][] }[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: { from: string; name?: string; instructions: [string, string][] }[] = [];
  for (const line of lines) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword?.toUpperCase() === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest)!;
      stages.push({ from: image, name, instructions: [] });
    } else if (keyword && stages.length > 0) {
      stages[stages.length - 1].instructions.push([keyword.toUpperCase(), rest]);
    }
  }
  return stages;
}

describe('Dockerfile', () => {
  const stages = dockerfileStages(readFileSync('Dockerfile', 'utf8'));
  const runtime = stages[stages.length - 1];
  const of = (stage: (typeof stages)[number], keyword: string) => stage.instructions.filter(([k]) => k === keyword).map(([, v]) => v);

  it('is multi-stage: builds on node:20 with npm ci and npm run build', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => of(s, 'RUN').some((r) => r.includes('npm run build')));
    expect(build).toBeDefined();
    expect(build!.from).toMatch(/^node:\$\{NODE_VERSION\}|^node:20/);
    expect(of(build!, 'RUN').some((r) => /npm ci\b/.test(r))).toBe(true);
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/ARG NODE_VERSION=20\./);
  });

  it('runs on a slim image with production dependencies only and the build output', () => {
    expect(runtime.from).toMatch(/-slim$/);
    const copies = of(runtime, 'COPY').join('\n');
    // node_modules comes from a stage that installed without dev dependencies.
    const modulesFrom = /--from=(\S+).*\/node_modules/.exec(copies)?.[1];
    const depsStage = stages.find((s) => s.name === modulesFrom);
    expect(depsStage).toBeDefined();
    expect(of(depsStage!, 'RUN').join(' ')).toMatch(/npm ci --omit=dev/);
    expect(of(runtime, 'RUN').join(' ')).not.toMatch(/npm (ci|install)/);
    expect(copies).toMatch(/--from=build\b.*\/app\/dist/);
  });

  it('runs as a user that is not root', () => {
    const users = of(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('listens on all interfaces, has a HEALTHCHECK without curl, and starts the built service', () => {
    expect(of(runtime, 'ENV').join(' ')).toMatch(/HOST=0\.0\.0\.0/);
    const health = of(runtime, 'HEALTHCHECK').join(' ');
    expect(health).toMatch(/CMD \["node", "-e", .*fetch\(.*\/health\/live/);
    expect(health).not.toMatch(/curl/);
    const start = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string;
    const entry = /node (\S+main\.js)/.exec(start)![1];
    expect(of(runtime, 'CMD')).toEqual([`["node", "${entry}"]`]);
  });

  it('keeps dependencies, build output and local data out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', '.git', '.dateline', '.cache']) expect(ignored).toContain(entry);
  });
});
