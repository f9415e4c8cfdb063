/**
 * The load generator of steadyRate (steady-rate.ts) in a process of its own: takes its
 * arguments as one JSON argument, prints the SteadyRate as JSON.
 */
import { steadyRateHere } from './steady-rate';

const { port, path, rate, seconds, headers } = JSON.parse(process.argv[2] ?? '{}') as {
  port: number;
  path: string;
  rate: number;
  seconds: number;
  headers: Record<string, string>;
};
void steadyRateHere(port, path, rate, seconds, headers).then((result) => process.stdout.write(JSON.stringify(result)));
