/**
 * `npm run discord:deploy`: registers `/mentor` (generated from the command registry) with Discord.
 * With DISCORD_GUILD_ID the commands go to that server and update instantly (good while developing);
 * without it they are global. Definitions are validated first, so a broken one is never sent.
 */
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig } from '../../config';
import { buildCommandDefinitions, validateCommandDefinitions, type DiscordCommandDefinition } from './commands';

export class DeployError extends Error {
  override name = 'DeployError';
}

export interface DeployResult {
  scope: 'guild' | 'global';
  route: string;
  commands: string[];
}

export interface DeployOptions {
  env?: NodeJS.ProcessEnv;
  definitions?: DiscordCommandDefinition[];
}

export async function deployDiscordCommands(options: DeployOptions = {}): Promise<DeployResult> {
  const definitions = validateCommandDefinitions(options.definitions ?? buildCommandDefinitions());
  const config = loadConfig(options.env ?? process.env);
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    throw new DeployError(`Missing ${missing.join(' and ')}: set ${missing.length > 1 ? 'them' : 'it'} in the environment or .env (see docs/discord.md).`);
  }
  const appId = config.DISCORD_APPLICATION_ID!;
  if (!/^\d{17,20}$/.test(appId)) throw new DeployError('DISCORD_APPLICATION_ID must be the numeric application id from the Developer Portal.');
  const guildId = config.DISCORD_GUILD_ID;
  if (guildId !== undefined && !/^\d{17,20}$/.test(guildId)) throw new DeployError('DISCORD_GUILD_ID must be a numeric server id.');

  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN!);
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  // PUT replaces the whole set: commands removed from the registry disappear from Discord too.
  await rest.put(route, { body: definitions });
  return { scope: guildId ? 'guild' : 'global', route, commands: definitions.map((d) => d.name) };
}

async function main(): Promise<void> {
  // Only the CLI reads .env; tests call deployDiscordCommands with an explicit environment.
  (await import('dotenv')).config({ quiet: true });
  try {
    const result = await deployDiscordCommands();
    const subcommands = buildCommandDefinitions()[0]?.options?.length ?? 0;
    process.stdout.write(
      `Deployed ${result.commands.map((c) => `/${c}`).join(', ')} (${subcommands} subcommands) ${result.scope === 'guild' ? 'to the guild (visible now)' : 'globally (may take a while to appear)'}.\n`,
    );
  } catch (error) {
    const message = error instanceof DeployError || error instanceof ConfigError ? error.message : `Deploy failed: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
