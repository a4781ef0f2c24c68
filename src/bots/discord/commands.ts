/**
 * The `/mentor` slash command, generated from the command registry so Discord always offers exactly the
 * commands the core understands, plus a validator for Discord's documented limits. Discord answers a bad
 * definition with a terse 50035 at deploy time; checking here names the exact offending field instead.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_ARGUMENT_LENGTH, PUBLIC_COMMANDS, type CommandDefinition } from '../../core/commands/definitions';

export const MENTOR_COMMAND_NAME = 'mentor';
/** The boolean option that makes a personal (ephemeral) answer visible to the channel. */
export const SHARE_OPTION_NAME = 'share';

export type DiscordCommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's limits for CHAT_INPUT commands (developers/interactions/application-commands.mdx). */
export const COMMAND_LIMITS = {
  name: /^[-_\p{L}\p{N}]{1,32}$/u,
  description: 100,
  options: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  totalCharacters: 8000,
  commands: 100,
} as const;

function subcommandFor(definition: CommandDefinition): APIApplicationCommandSubcommandOption {
  const options: APIApplicationCommandBasicOption[] = definition.options.map((option) => ({
    type: ApplicationCommandOptionType.String,
    name: option.name,
    description: option.description,
    required: option.required,
    max_length: MAX_ARGUMENT_LENGTH,
    ...(option.kind === 'topic' ? { autocomplete: true } : {}),
  }));
  if (definition.personal) {
    options.push({
      type: ApplicationCommandOptionType.Boolean,
      name: SHARE_OPTION_NAME,
      description: 'Post the answer in the channel for everyone (it is private by default)',
      required: false,
    });
  }
  return { type: ApplicationCommandOptionType.Subcommand, name: definition.id, description: definition.summary, options };
}

/** All command definitions the bot deploys: today a single `/mentor` with one subcommand per public command. */
export function buildCommandDefinitions(commands: readonly CommandDefinition[] = PUBLIC_COMMANDS): DiscordCommandDefinition[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: MENTOR_COMMAND_NAME,
      description: 'Your mentor on the path to becoming a machine learning engineer',
      // Usable in servers and in the bot's DMs; guild-installed only (no user-install scope needed).
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      options: commands.map(subcommandFor),
    },
  ];
}

export class CommandDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Discord command definitions:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CommandDefinitionError';
  }
}

type AnyOption = APIApplicationCommandOption & {
  options?: AnyOption[];
  choices?: { name: string; value: string | number }[];
  autocomplete?: boolean;
  required?: boolean;
};

function checkName(where: string, name: unknown, problems: string[]): void {
  if (typeof name !== 'string' || !COMMAND_LIMITS.name.test(name)) {
    problems.push(`${where}: name ${JSON.stringify(name)} must be 1-32 characters of letters, digits, "-" or "_"`);
  } else if (name !== name.toLowerCase()) {
    problems.push(`${where}: name "${name}" must be lowercase`);
  }
}

function checkDescription(where: string, description: unknown, problems: string[]): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > COMMAND_LIMITS.description) {
    const length = typeof description === 'string' ? description.length : 'missing';
    problems.push(`${where}: description must be 1-${COMMAND_LIMITS.description} characters (has ${length})`);
  }
}

/** Checks one level of options and recurses into subcommands; returns the characters it counted. */
function checkOptions(where: string, options: readonly AnyOption[] | undefined, problems: string[]): number {
  if (!options) return 0;
  let characters = 0;
  if (options.length > COMMAND_LIMITS.options) {
    problems.push(`${where}: has ${options.length} options; Discord allows at most ${COMMAND_LIMITS.options}`);
  }
  const seen = new Set<string>();
  let optionalSeen = false;
  const nesting = options.map((o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup);
  if (nesting.some(Boolean) && !nesting.every(Boolean)) {
    problems.push(`${where}: subcommands cannot be mixed with plain options at the same level`);
  }
  for (const option of options) {
    const at = `${where} > ${String(option.name)}`;
    checkName(at, option.name, problems);
    checkDescription(at, option.description, problems);
    characters += String(option.name ?? '').length + String(option.description ?? '').length;
    if (seen.has(option.name)) problems.push(`${at}: duplicate option name`);
    seen.add(option.name);
    if (option.required) {
      if (optionalSeen) problems.push(`${at}: required options must come before optional ones`);
    } else if (!nesting[options.indexOf(option)]) {
      optionalSeen = true;
    }
    if (option.choices) {
      if (option.choices.length > COMMAND_LIMITS.choices) {
        problems.push(`${at}: has ${option.choices.length} choices; Discord allows at most ${COMMAND_LIMITS.choices}`);
      }
      if (option.autocomplete) problems.push(`${at}: autocomplete cannot be combined with choices`);
      for (const choice of option.choices) {
        if (choice.name.length < 1 || choice.name.length > COMMAND_LIMITS.choiceName) {
          problems.push(`${at}: choice "${choice.name.slice(0, 40)}" name must be 1-${COMMAND_LIMITS.choiceName} characters`);
        }
        if (typeof choice.value === 'string' && choice.value.length > COMMAND_LIMITS.choiceValue) {
          problems.push(`${at}: choice "${choice.name.slice(0, 40)}" value must be at most ${COMMAND_LIMITS.choiceValue} characters`);
        }
        characters += choice.name.length + String(choice.value).length;
      }
    }
    characters += checkOptions(at, option.options, problems);
  }
  return characters;
}

/** Every problem Discord would reject, each naming the command path and the limit; empty when valid. */
export function findCommandDefinitionProblems(definitions: readonly DiscordCommandDefinition[]): string[] {
  const problems: string[] = [];
  if (definitions.length > COMMAND_LIMITS.commands) {
    problems.push(`${definitions.length} commands; Discord allows at most ${COMMAND_LIMITS.commands} chat input commands`);
  }
  const names = new Set<string>();
  for (const definition of definitions) {
    const where = `/${String(definition.name)}`;
    checkName(where, definition.name, problems);
    checkDescription(where, definition.description, problems);
    if (names.has(definition.name)) problems.push(`${where}: duplicate command name`);
    names.add(definition.name);
    const characters =
      String(definition.name ?? '').length +
      String(definition.description ?? '').length +
      checkOptions(where, definition.options as AnyOption[] | undefined, problems);
    if (characters > COMMAND_LIMITS.totalCharacters) {
      problems.push(`${where}: ${characters} characters in names, descriptions and choices; Discord allows at most ${COMMAND_LIMITS.totalCharacters}`);
    }
  }
  return problems;
}

/** Throws a CommandDefinitionError listing every problem; returns the definitions unchanged when valid. */
export function validateCommandDefinitions<T extends readonly DiscordCommandDefinition[]>(definitions: T): T {
  const problems = findCommandDefinitionProblems(definitions);
  if (problems.length > 0) throw new CommandDefinitionError(problems);
  return definitions;
}
