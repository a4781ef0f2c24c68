/**
 * Secret scrubbing for every log line: values under secret-looking keys are masked at any depth, and
 * secrets inside strings (a library's message, an error's stack, a URL) are cut out by pattern and by the
 * exact values configured for this process. Errors become plain objects that keep their stack and cause.
 */
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api[-_]?key|response_?url|signature/i;
const MASK = '[redacted]';
const MAX_DEPTH = 8;

/** Secrets recognisable by their shape, wherever they appear in a string. */
const SECRET_PATTERNS: [RegExp, string][] = [
  // Slack bot, user, app-level and refresh tokens.
  [/\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+/g, MASK],
  // Slack response_urls and incoming webhooks are bearer credentials for 30 minutes / forever.
  [/https?:\/\/hooks\.slack(?:-gov)?\.com\/[^\s"'<>]+/g, MASK],
  // Discord interaction and webhook tokens inside REST routes.
  [/(\/interactions\/\d+\/)[^/\s"'?]+/g, `$1${MASK}`],
  [/(\/webhooks\/\d+\/)[^/\s"'?]+/g, `$1${MASK}`],
  // Discord bot tokens (three base64url parts) and Authorization header values.
  [/\b[A-Za-z\d_-]{20,}\.[A-Za-z\d_-]{5,}\.[A-Za-z\d_-]{20,}\b/g, MASK],
  [/\b(Bot|Bearer)\s+[^\s"',]+/g, `$1 ${MASK}`],
  // OpenAI-style API keys.
  [/\bsk-[A-Za-z0-9_-]{16,}/g, MASK],
];

export interface Redactor {
  string(text: string): string;
  value(value: unknown): unknown;
}

export function createRedactor(exactSecrets: (string | undefined)[] = []): Redactor {
  // Longest first, so a secret that contains another is masked whole. Very short values would mask noise.
  const exact = [...new Set(exactSecrets.filter((s): s is string => typeof s === 'string' && s.length >= 6))].sort((a, b) => b.length - a.length);

  const string = (text: string): string => {
    let out = text;
    for (const secret of exact) if (out.includes(secret)) out = out.split(secret).join(MASK);
    for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };

  const value = (input: unknown, depth = 0, seen = new WeakSet<object>()): unknown => {
    if (typeof input === 'string') return string(input);
    if (input === null || typeof input !== 'object') return input;
    if (seen.has(input) || depth > MAX_DEPTH) return '[circular or too deep]';
    seen.add(input);
    if (input instanceof Error) return errorToObject(input, (v) => value(v, depth + 1, seen));
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(input)) out[key] = SECRET_KEY.test(key) ? MASK : value(field, depth + 1, seen);
    return out;
  };

  return { string, value: (input) => value(input) };
}

/** type, message, stack, cause and the error's own fields (code, status...), each scrubbed. */
function errorToObject(error: Error, scrub: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: scrub(error.message), stack: scrub(error.stack) };
  for (const [key, field] of Object.entries(error)) {
    if (key === 'cause' || key in out) continue;
    out[key] = SECRET_KEY.test(key) ? MASK : scrub(field);
  }
  if (error.cause !== undefined) out.cause = scrub(error.cause);
  return out;
}

/** The values of every configured secret, for exact-match scrubbing. */
export function secretValues(env: Record<string, unknown>): string[] {
  return Object.entries(env)
    .filter(([key, value]) => SECRET_KEY.test(key) && typeof value === 'string')
    .map(([, value]) => value as string);
}
