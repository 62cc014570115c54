// The one logger of a process (pino): JSON lines at LOG_LEVEL, readable lines under `npm run dev`, and the
// context of the current request or job (request id, workspace) on every line logged while serving it,
// through AsyncLocalStorage, so lib code logs with `log()` and never passes a logger around.
// Secrets are kept out twice: by field name (at any depth) and by shape (Slack tokens, API keys, signatures
// and secret fields of JSON or form text are masked in any string), because a token can hide inside an error
// message as easily as in a field. That is one walk of each logged object, with cheap tests before the
// regular expressions: a line costs a few µs, not the ~40 µs that pino's wildcard redact paths cost here.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { env } from './env';
import { processWide } from './process-wide';

const REDACTED = '[redacted]';

// Field names that hold a secret wherever they appear.
const SECRET_FIELDS = [
  'token',
  'botToken',
  'bot_token',
  'refreshToken',
  'refresh_token',
  'access_token',
  'accessToken',
  'authorization',
  'cookie',
  'key',
  'apiKey',
  'api_key',
  'code',
  'client_secret',
  'clientSecret',
  'signingSecret',
  'signing_secret',
  'sessionSecret',
  'password',
  'secret',
];

// Slack tokens (xoxb-, xoxp-, xoxe-, xapp- …), Klaxon API keys, Slack signatures, bearer credentials.
const SECRET_SHAPES = /\b(?:xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|klx_[a-z]+_[A-Za-z0-9_-]+|v0=[0-9a-f]{64})|(?<=\b(?:Bearer|GenieKey|Basic) )[^\s"']+/gi;

// A secret field inside a string that holds JSON (escaped or not) or a form: the Slack SDK's debug lines log
// request bodies. Only `"field":"…"` and `field=…` count, so prose such as "error code: x" stays readable.
const SECRET_PAIRS = new RegExp(`(?<=(?:\\\\?"(?:${SECRET_FIELDS.join('|')})\\\\?"\\s*:\\s*\\\\?"|\\b(?:${SECRET_FIELDS.join('|')})=))[^"&\\s\\\\]+`, 'g');

// Cheap tests that tell whether a string may hold a secret at all.
const MAY_HAVE_SHAPE = /xox|xapp|klx_|v0=|bearer |geniekey |basic /i;
const MAY_HAVE_PAIR = /(?:token|key|code|secret|password|authorization|cookie)\\?["']?\s*[:=]/i;
const SECRET_FIELD_NAMES = new Set(SECRET_FIELDS);

/** scrub masks anything shaped like a secret in a string. */
export function scrub(text: string): string {
  let scrubbed = MAY_HAVE_SHAPE.test(text) ? text.replace(SECRET_SHAPES, REDACTED) : text;
  if (MAY_HAVE_PAIR.test(scrubbed)) scrubbed = scrubbed.replace(SECRET_PAIRS, REDACTED);
  return scrubbed;
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) copy[name] = SECRET_FIELD_NAMES.has(name) ? REDACTED : scrubDeep(item, depth + 1);
  return copy;
}

/** LogContext is what every line logged within a request or job carries. */
export type LogContext = Record<string, string | number | undefined>;

const context = processWide('logContext', () => new AsyncLocalStorage<Logger>());

const output = processWide('logOutput', () => ({ root: undefined as Logger | undefined, level: '', destination: null as pino.DestinationStream | null }));

function createRoot(): Logger {
  const { logLevel, nodeEnv } = env();
  const options: pino.LoggerOptions = {
    level: logLevel,
    base: { pid: process.pid },
    formatters: { level: (label) => ({ level: label }), log: (object) => scrubDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>);
      },
    },
    serializers: { err: (error: unknown) => scrubDeep(error) },
  };
  if (output.destination) return pino(options, output.destination);
  // `npm run dev` in a terminal: human-readable lines (pino-pretty as a stream in this thread, no worker).
  if (nodeEnv === 'development' && process.stdout.isTTY) {
    return pino(options, pretty({ colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' }));
  }
  return pino(options);
}

function rootLogger(): Logger {
  const level = env().logLevel;
  if (!output.root || output.level !== level) {
    output.root = createRoot();
    output.level = level;
  }
  return output.root;
}

/** setLogDestination sends every later line to `destination` (a test reading the log), or back to stdout with null. */
export function setLogDestination(destination: pino.DestinationStream | null): void {
  output.destination = destination;
  output.root = undefined;
}

/** log returns the logger of the current request or job (with its context), else the process's logger. */
export function log(): Logger {
  return context.getStore() ?? rootLogger();
}

/** withLogContext runs `work` with `fields` added to every line it logs. */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return context.run(log().child(fields), work);
}

/** bindLogContext returns `work` bound to the current context, for work that runs later (after an answer). */
export function bindLogContext<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R {
  return AsyncLocalStorage.bind(work);
}

/** addLogContext adds fields to the current context's lines from here on (e.g. the workspace once known). */
export function addLogContext(fields: LogContext): void {
  const current = context.getStore();
  if (current) current.setBindings(fields);
}
