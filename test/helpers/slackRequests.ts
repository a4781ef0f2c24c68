/**
 * Requests as Slack sends them: slash commands (form-encoded), Events API callbacks (JSON) and block_actions
 * (form-encoded `payload=`), signed with v0 HMAC-SHA256 over `v0:<timestamp>:<raw body>`.
 */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

export function sign(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  secret?: string;
  /** Unix seconds; default now. */
  timestamp?: number | string;
  /** Replace the signature header (or remove it with null). */
  signature?: string | null;
  headers?: Record<string, string>;
}

export interface PostResult {
  status: number;
  text: string;
  ms: number;
}

export async function postSigned(url: string, body: string, contentType: string, options: PostOptions = {}): Promise<PostResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), ...options.headers };
  const signature = options.signature === undefined ? sign(options.secret ?? SIGNING_SECRET, timestamp, body) : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

const FORM = 'application/x-www-form-urlencoded';
let counter = 0;
export const uniqueId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface CommandFields {
  text: string;
  userId?: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
  command?: string;
}

export function commandBody(f: CommandFields): { body: string; contentType: string } {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'fake',
    channel_id: f.channelId ?? 'C1',
    channel_name: 'general',
    user_id: f.userId ?? 'U1',
    user_name: 'learner',
    command: f.command ?? '/mentor',
    text: f.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId ?? uniqueId('trigger'),
  }).toString();
  return { body, contentType: FORM };
}

export function eventBody(event: Record<string, unknown>, eventId: string = uniqueId('Ev')): { body: string; contentType: string; eventId: string } {
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
  return { body, contentType: 'application/json', eventId };
}

/** A person's DM to the app, as the message.im event carries it (text escaped by Slack). */
export function dmEvent(text: string, userId = 'U1', extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(counter++).padStart(6, '0')}`;
  return {
    type: 'message',
    channel: `D${userId}`,
    user: userId,
    text: text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    ts,
    event_ts: ts,
    channel_type: 'im',
    client_msg_id: uniqueId('msg-'),
    ...extra,
  };
}

export interface ClickFields {
  actionId: string;
  value?: string;
  userId?: string;
  responseUrl?: string;
  /** Where the button was: a message in a channel/DM (default) or the App Home view. */
  container?: { type: 'message'; channelId: string; messageTs?: string; isEphemeral?: boolean } | { type: 'view' };
}

export function blockActionsBody(f: ClickFields): { body: string; contentType: string } {
  const userId = f.userId ?? 'U1';
  const container = f.container ?? { type: 'message', channelId: `D${userId}`, messageTs: '1700000000.000001', isEphemeral: false };
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: userId, username: 'learner', name: 'learner', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: uniqueId('trigger'),
    team: { id: 'T1', domain: 'fake' },
    actions: [{ type: 'button', action_id: f.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, ...(f.value !== undefined ? { value: f.value } : {}), action_ts: '1700000000.1' }],
  };
  if (container.type === 'view') {
    payload.container = { type: 'view', view_id: 'V1' };
    payload.view = { id: 'V1', type: 'home', blocks: [], team_id: 'T1', hash: 'h' };
  } else {
    payload.container = { type: 'message', message_ts: container.messageTs ?? '1700000000.000001', channel_id: container.channelId, is_ephemeral: container.isEphemeral ?? false };
    payload.channel = { id: container.channelId, name: 'somewhere' };
    if (!container.isEphemeral) payload.message = { type: 'message', ts: container.messageTs ?? '1700000000.000001', text: 'original', bot_id: 'BBOT' };
    payload.response_url = f.responseUrl;
  }
  return { body: `payload=${encodeURIComponent(JSON.stringify(payload))}`, contentType: FORM };
}
