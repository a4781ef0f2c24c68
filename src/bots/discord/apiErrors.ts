/**
 * The Discord JSON error codes the bot treats specially (developers/topics/opcodes-and-status-codes.mdx).
 * They are expected in production (slow network, two instances on one token, closed DMs) and are logged,
 * never retried: retrying a 10062/40060 double-posts or fails again, and 50007 repeats would spend the
 * 10,000-invalid-requests-per-10-minutes budget that leads to a Cloudflare ban.
 */
import { DiscordAPIError } from 'discord.js';

export const UNKNOWN_INTERACTION = 10062;
export const INTERACTION_ALREADY_ACKNOWLEDGED = 40060;
export const CANNOT_DM_USER = 50007;

export function apiErrorCode(error: unknown): number | string | undefined {
  return error instanceof DiscordAPIError ? error.code : undefined;
}

export const isApiError = (error: unknown, code: number): boolean => apiErrorCode(error) === code;

/**
 * The route path only (no host, API version or query), with interaction and webhook tokens cut out:
 * they are credentials for 15 minutes.
 */
function redactRoute(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname.replace(/^\/api\/v\d+/, '');
  } catch {
    // not a full URL: redact it as it is
  }
  return path.replace(/\/interactions\/(\d+)\/[^/?]+/, '/interactions/$1/:token').replace(/\/webhooks\/(\d+)\/[^/?]+/, '/webhooks/$1/:token');
}

/** A short, secret-free description for logs. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return { code: error.code, status: error.status, error: error.message, route: `${error.method} ${redactRoute(error.url)}` };
  }
  return { error: error instanceof Error ? error.message : String(error) };
}
