import { spawnSync } from 'node:child_process';

/**
 * The README's shell examples as a reader meets them, and the answers it promises.
 *
 * A ```sh block is cut into commands with bash itself (`bash -n` says whether the lines so far
 * are a complete command: multi-line `-d '{ ... }'` bodies and `\` continuations included).
 * Lines `# -> ...` right after a command are its promised answer:
 * - an optional status first (`# -> 409 {...}`); without one the answer must be a 2xx;
 * - then either a JSON pattern (it starts with `{` or `[`, and may run over several `# ->`
 *   lines), or text lines the body must begin with (for the live stream);
 * - without any `# ->` line, only the 2xx is promised.
 * Other comments are prose for the reader.
 *
 * JSON patterns (see `matchJson`): `<story>`, `<event>`, `<sample>`, `<recorded>` and
 * `<position>` stand for values the reader takes from the answer; `...` as an object member
 * means "more members", as an array element "any elements here", inside a string "any text".
 */

/** The placeholders a reader substitutes; anything else in angle brackets is literal (e.g. `<p>`). */
export const PLACEHOLDERS = ['story', 'event', 'sample', 'recorded', 'position'] as const;
/** Each write moves the log on: a reader uses the last position an answer gave, not the first. */
const REBOUND = new Set<string>(['position']);

export interface Expected {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: readonly string[];
  /** The `# ->` lines as the README writes them, for messages. */
  readonly source: string;
}

export interface Example {
  /** 1-based line of the README where the command starts. */
  readonly line: number;
  readonly command: string;
  readonly expected?: Expected;
}

export interface ShBlock {
  readonly line: number;
  readonly examples: readonly Example[];
}

/** Every fenced ```sh block of a Markdown text, cut into commands with their promised answers. */
export function shBlocks(markdown: string): ShBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```sh') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    blocks.push({ line: start, examples: examples(lines.slice(start, end), start + 1) });
    i = end;
  }
  return blocks;
}

function examples(lines: string[], firstLine: number): Example[] {
  const out: { line: number; command: string; answer: string[] }[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const answer = /^#\s*->\s?(.*)$/.exec(line.trim());
    if (answer) {
      if (out.length === 0) throw new Error(`README line ${firstLine + i}: an answer (# ->) before any command`);
      out[out.length - 1].answer.push(answer[1]);
      i++;
      continue;
    }
    if (line.trim() === '' || line.trim().startsWith('#')) {
      i++;
      continue;
    }
    // A command: as many lines as bash needs to read it whole.
    let j = i;
    let text = line;
    while (!complete(text)) {
      j++;
      if (j >= lines.length) throw new Error(`README line ${firstLine + i}: a command that never ends: ${text}`);
      text += `\n${lines[j]}`;
    }
    out.push({ line: firstLine + i, command: text, answer: [] });
    i = j + 1;
  }
  return out.map(({ line, command, answer }) => ({ line, command, ...(answer.length > 0 ? { expected: parseExpected(answer) } : {}) }));
}

/** Whether bash would read `text` as whole commands; a syntax error other than "not ended yet" throws. */
function complete(text: string): boolean {
  if (/\\\s*$/.test(text)) return false;
  // As the reader types it: with a value in place of each placeholder (`<story>` is no redirect).
  const typed = text.replace(/<([a-z]+)>/g, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? 'value' : whole,
  );
  const check = spawnSync('bash', ['-n'], { input: typed, encoding: 'utf8' });
  if (check.status === 0) return true;
  if (/unexpected (end of file|EOF)/.test(check.stderr)) return false;
  throw new Error(`not a shell command (${check.stderr.trim()}): ${text}`);
}

function parseExpected(lines: string[]): Expected {
  const source = lines.join('\n');
  const first = /^(\d{3})(?:\s+|$)(.*)$/.exec(lines[0]);
  const status = first ? Number(first[1]) : undefined;
  const rest = [first ? first[2] : lines[0], ...lines.slice(1)].filter((l, k) => k > 0 || l !== '');
  if (rest.length === 0) return { status, source };
  if (/^[[{]/.test(rest[0])) return { status, json: parsePattern(rest.join('')), source };
  return { status, text: rest, source };
}

/** A placeholder in a JSON pattern that stands for any JSON value (written without quotes). */
const VALUE = '\u0000value:';
const MORE = '\u0000more';

/**
 * The README's answer notation into a JSON value: an unquoted `<name>` becomes a marker
 * string, a `...` member or element a marker too; strings are left as written.
 */
export function parsePattern(text: string): unknown {
  let out = '';
  const stack: string[] = [];
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (text.startsWith('...', i)) {
      out += stack[stack.length - 1] === '{' ? `${JSON.stringify(MORE)}:0` : JSON.stringify(MORE);
      i += 3;
    } else if (c === '<') {
      const m = /^<([a-z]+)>/.exec(text.slice(i));
      if (!m || !(PLACEHOLDERS as readonly string[]).includes(m[1]))
        throw new Error(`unknown placeholder at ${text.slice(i, i + 20)} in ${text}`);
      out += JSON.stringify(VALUE + m[1]);
      i += m[0].length;
    } else {
      if (c === '{' || c === '[') stack.push(c);
      if (c === '}' || c === ']') stack.pop();
      out += c;
      i++;
    }
  }
  try {
    return JSON.parse(out);
  } catch (e) {
    throw new Error(`the README's answer is not a JSON pattern (${(e as Error).message}): ${text}`, { cause: e });
  }
}

function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error(`an unterminated string in ${text}`);
}

export type Bindings = Map<string, string>;

/**
 * Whether `actual` answers as `pattern` says, binding the placeholders it meets in `bindings`
 * (only when it matches). A placeholder met before must hold the same value again, except
 * `<position>`, which each answer may move on. Returns the first mismatch's path, or undefined.
 */
export function matchJson(pattern: unknown, actual: unknown, bindings: Bindings): string | undefined {
  const trial = new Map(bindings);
  const mismatch = match(pattern, actual, trial, '$');
  if (mismatch === undefined) for (const [k, v] of trial) bindings.set(k, v);
  return mismatch;
}

function bind(name: string, value: string, bindings: Bindings, path: string): string | undefined {
  const known = bindings.get(name);
  if (known !== undefined && known !== value && !REBOUND.has(name)) return `${path}: <${name}> was ${known}, here ${value}`;
  bindings.set(name, value);
  return undefined;
}

function match(p: unknown, a: unknown, b: Bindings, path: string): string | undefined {
  if (typeof p === 'string' && p.startsWith(VALUE)) {
    if (a === undefined || a === null || typeof a === 'object')
      return `${path}: expected a value for <${p.slice(VALUE.length)}>, got ${JSON.stringify(a)}`;
    return bind(p.slice(VALUE.length), typeof a === 'string' ? a : JSON.stringify(a), b, path);
  }
  if (typeof p === 'string') return matchString(p, a, b, path);
  if (Array.isArray(p)) {
    if (!Array.isArray(a)) return `${path}: expected an array, got ${JSON.stringify(a)?.slice(0, 200)}`;
    return matchArray(p, 0, a, 0, b, path);
  }
  if (p !== null && typeof p === 'object') {
    if (a === null || typeof a !== 'object' || Array.isArray(a))
      return `${path}: expected an object, got ${JSON.stringify(a)?.slice(0, 200)}`;
    const members = Object.entries(p).filter(([k]) => k !== MORE);
    const open = Object.keys(p).includes(MORE);
    for (const [k, v] of members) {
      if (!(k in a)) return `${path}: no member ${k} (members: ${Object.keys(a).join(', ')})`;
      const m = match(v, (a as Record<string, unknown>)[k], b, `${path}.${k}`);
      if (m !== undefined) return m;
    }
    if (!open) {
      const extra = Object.keys(a).filter((k) => !(k in p));
      if (extra.length > 0) return `${path}: members the README does not show: ${extra.join(', ')}`;
    }
    return undefined;
  }
  return Object.is(p, a) ? undefined : `${path}: expected ${JSON.stringify(p)}, got ${JSON.stringify(a)?.slice(0, 200)}`;
}

/** Elements in order; a `...` element takes any number of elements (tried shortest first). */
function matchArray(p: unknown[], i: number, a: unknown[], j: number, b: Bindings, path: string): string | undefined {
  if (i === p.length) return j === a.length ? undefined : `${path}: ${a.length - j} more element(s) than the README shows`;
  if (p[i] === MORE) {
    let last: string | undefined;
    for (let k = j; k <= a.length; k++) {
      const trial = new Map(b);
      last = matchArray(p, i + 1, a, k, trial, path);
      if (last === undefined) {
        for (const [key, v] of trial) b.set(key, v);
        return undefined;
      }
    }
    return last;
  }
  if (j >= a.length) return `${path}[${j}]: missing (the README shows more elements)`;
  const trial = new Map(b);
  const m = match(p[i], a[j], trial, `${path}[${j}]`);
  if (m !== undefined) return m;
  const rest = matchArray(p, i + 1, a, j + 1, trial, path);
  if (rest === undefined) for (const [key, v] of trial) b.set(key, v);
  return rest;
}

function matchString(p: string, a: unknown, b: Bindings, path: string): string | undefined {
  if (typeof a !== 'string') return `${path}: expected a string like ${JSON.stringify(p)}, got ${JSON.stringify(a)?.slice(0, 200)}`;
  const names: string[] = [];
  const source = p
    .split(/(\.\.\.|<[a-z]+>)/)
    .map((part) => {
      if (part === '...') return '[\\s\\S]*';
      const ph = /^<([a-z]+)>$/.exec(part);
      if (ph && (PLACEHOLDERS as readonly string[]).includes(ph[1])) {
        const known = b.get(ph[1]);
        if (known !== undefined && !REBOUND.has(ph[1])) return escape(known);
        names.push(ph[1]);
        return '([\\s\\S]+?)';
      }
      return escape(part);
    })
    .join('');
  const m = new RegExp(`^${source}$`).exec(a);
  if (!m) return `${path}: expected ${JSON.stringify(p)}, got ${JSON.stringify(a).slice(0, 300)}`;
  names.forEach((name, k) => b.set(name, m[k + 1]));
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text answers (the live stream): the body begins with these lines, placeholders matched as words. */
export function matchTextStart(lines: readonly string[], body: string, b: Bindings): string | undefined {
  const got = body.split('\n');
  for (const [k, line] of lines.entries()) {
    const m = matchString(line, got[k] ?? '', b, `line ${k + 1}`);
    if (m !== undefined) return `${m}\n(body begins: ${JSON.stringify(body.slice(0, 300))})`;
  }
  return undefined;
}

/** The reader's substitution in a command: each `<name>` the README's answers gave a value. */
export function substitutePlaceholders(command: string, b: Bindings): string {
  return command.replace(/<([a-z]+)>/g, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = b.get(name);
    if (value === undefined) throw new Error(`the command uses <${name}>, which no answer before it gave: ${command}`);
    return value;
  });
}
