#!/usr/bin/env node
// `npm run cli -- <command>`: the operator CLI, built first only if the sources changed. The
// check runs in the CLI's own process (one Node start, not two): `help` answers at once.
import { buildIfChanged } from './build-if-changed.mjs';

const status = buildIfChanged({ quiet: true });
if (status !== 0) process.exit(status);
// The built CLI reads process.argv.slice(2): the same arguments this script was given.
await import('../dist/apps/cli/src/main.js');
