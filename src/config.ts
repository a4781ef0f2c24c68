/**
 * Configuration from the environment (and `.env`), validated once at start-up. Every variable is
 * documented in `.env.example`. Secrets are kept here and never logged.
 */
import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

// An empty PORT= line in .env means "the default", not port 0.
const emptyIsUnset = (v: unknown) => (v === '' ? undefined : v);
const portNumber = z.coerce.number().int().min(0).max(65535);

export const configSchema = z.object({
  STORE_URL: z
    .string()
    .trim()
    .default('sqlite://data/mentor.sqlite')
    .refine((v) => v === 'memory' || /^sqlite:\/\/.+/.test(v) || /^rediss?:\/\/.+/.test(v), {
      message: 'must be sqlite://PATH, redis://HOST:PORT or memory',
    }),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PORT: z.preprocess(emptyIsUnset, portNumber.default(3000)),
  /** /healthz and /readyz when Slack's HTTP server is not running (Socket Mode, Discord only, sharded). Default: PORT. */
  HEALTH_PORT: z.preprocess(emptyIsUnset, portNumber.optional()),

  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional.pipe(z.url().optional()),

  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional,
  DISCORD_GUILD_ID: optional,
  DISCORD_API_URL: optional.pipe(z.url().optional()),

  /** Optional LLM rephrasing (src/llm): off unless a base URL is set; the facts always come from the core. */
  LLM_BASE_URL: optional.pipe(z.url().optional()),
  OPENAI_API_KEY: optional,
  LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** The whole rephrase, retries included, must fit in this budget or the original is sent. */
  LLM_TIMEOUT_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(100).max(60_000).default(4000)),
  LLM_MAX_RETRIES: z.preprocess(emptyIsUnset, z.coerce.number().int().min(0).max(3).default(1)),
  /** Which answers are rephrased: dm (free-text conversations), commands (slash-command answers), tips. */
  LLM_SURFACES: z
    .string()
    .trim()
    .default('dm,commands,tips')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['dm', 'commands', 'tips']))),
  LLM_USER_PER_MINUTE: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).default(10)),
  LLM_MAX_CONCURRENT: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).default(4)),
  LLM_CACHE_SIZE: z.preprocess(emptyIsUnset, z.coerce.number().int().min(0).default(500)),

  /** Daily tips (src/scheduling): off with `false`. */
  TIPS_ENABLED: z.preprocess(emptyIsUnset, z.enum(['true', 'false']).default('true').transform((v) => v === 'true')),
  /** How often what is due is checked (ms). A minute in production; tests shorten it. */
  TIPS_TICK_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1000).max(3_600_000).default(60_000)),
  /** Tip posts in flight at once per instance (BullMQ worker concurrency, or the in-process pool). */
  TIPS_CONCURRENCY: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(100).default(4)),
  /** At most TIPS_RATE_MAX posts per TIPS_RATE_DURATION_MS (with Redis: per platform, across all instances). */
  TIPS_RATE_MAX: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).default(20)),
  TIPS_RATE_DURATION_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(10).default(1_000)),
  /** In-process mode: how long a claimed (subscription, day) stays claimed before a crashed send is retried. */
  TIPS_LEASE_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(100).default(5 * 60_000)),
  /** A post's lock in the core (no two deliveries of one subscription at once) frees itself after this if its holder died. */
  TIPS_DELIVERY_LOCK_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(500).default(60_000)),
  /** Redis mode: the BullMQ key prefix (several deployments, or tests, on one Redis). */
  TIPS_QUEUE_PREFIX: z.string().trim().min(1).default('mentor-bull'),
  /** Redis mode: attempts per delivery job (exponential backoff from TIPS_BACKOFF_MS). */
  TIPS_ATTEMPTS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(50).default(8)),
  TIPS_BACKOFF_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(10).default(5_000)),
  /** Redis mode: a job whose worker died is taken up again after its lock expires (checked every stalled interval). */
  TIPS_LOCK_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(500).default(30_000)),
  TIPS_STALLED_INTERVAL_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(200).default(30_000)),

  /** Set to `false` to keep the console mentor off even when no platform is configured. */
  CONSOLE: z.enum(['auto', 'true', 'false']).default('auto'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    // Only names and reasons: a malformed secret's value must not be echoed.
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const slackConfigured = (c: Config) => Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN));
export const discordConfigured = (c: Config) => Boolean(c.DISCORD_TOKEN);
