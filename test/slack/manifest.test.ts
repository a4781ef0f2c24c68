/** manifest.yml matches what the code listens to, so an app created from it works as shipped. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PUBLIC_COMMANDS } from '../../src/core/commands/definitions';

interface Manifest {
  _metadata: { major_version: number };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; usage_hint: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(path.join(__dirname, '../../manifest.yml'), 'utf8')) as Manifest;

test('one /mentor command whose usage hint names every public command', () => {
  const [command, ...others] = manifest.features.slash_commands;
  expect(others).toEqual([]);
  expect(command!.command).toBe('/mentor');
  for (const c of PUBLIC_COMMANDS) expect(command!.usage_hint).toMatch(new RegExp(`\\b${c.id}\\b`));
  expect(command!.usage_hint.length).toBeLessThanOrEqual(1000);
  expect(command!.description.length).toBeLessThanOrEqual(100);
});

test('every request URL points at the Bolt endpoint /slack/events', () => {
  const urls = [manifest.features.slash_commands[0]!.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url];
  for (const url of urls) expect(url).toBe('https://YOUR-HOST/slack/events');
});

test('events, scopes, interactivity and App Home match the listeners', () => {
  expect(manifest._metadata.major_version).toBe(1);
  expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'message.im']);
  expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'chat:write.public', 'commands', 'files:write', 'im:history', 'im:read', 'im:write', 'users:read']);
  expect(manifest.settings.interactivity.is_enabled).toBe(true);
  expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  expect(manifest.settings.socket_mode_enabled).toBe(false);
});
