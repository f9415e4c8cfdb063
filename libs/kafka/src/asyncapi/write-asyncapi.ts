/**
 * Writes docs/asyncapi.yaml from the event catalogue: `npm run asyncapi`
 * (tsx libs/kafka/src/asyncapi/write-asyncapi.ts), from the repository root.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ASYNCAPI_YAML_PATH, asyncApiYaml } from './asyncapi-document';

const path = resolve(process.cwd(), ASYNCAPI_YAML_PATH);
writeFileSync(path, asyncApiYaml());
console.log(`wrote ${path}`);
