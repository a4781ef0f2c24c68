/**
 * The one command registry's public face: ids, help text and arguments. Slack's `/mentor` help, Discord's
 * subcommands (src/bots/discord/deploy.ts) and the console's parser are all generated from this list,
 * so adding a command here adds it everywhere. Handlers live in ./handlers and are joined in ./registry.
 */
import { z } from 'zod';
import type { Place } from '../request';
import { tipsVisibility } from '../tips/tipsCommand';

export interface CommandOption {
  name: string;
  description: string;
  /** `topic` options get autocomplete over the knowledge base; `text` is free text. */
  kind: 'topic' | 'text';
  required: boolean;
}

export interface CommandDefinition {
  id: string;
  /** One line, at most 100 characters (Discord's description limit). */
  summary: string;
  options: CommandOption[];
  /** Personal answers are private (ephemeral) unless the user asks to share. */
  personal: boolean;
  /** Hidden commands serve buttons (onboarding answers) and are not offered as slash commands. */
  hidden?: boolean;
  /** The answer depends on the asker's timezone (`tips on`): adapters that can look it up attach it to the place. */
  usesTimezone?: boolean;
}

const topic = (description: string): CommandOption => ({ name: 'topic', description, kind: 'topic', required: true });

export const COMMAND_DEFINITIONS = [
  { id: 'next', summary: 'What should I learn next? Your next step on the ML engineer path', options: [], personal: true },
  {
    id: 'ask',
    summary: 'Ask a question about becoming an ML engineer',
    options: [{ name: 'question', description: 'Your question, e.g. "what is AutoML?"', kind: 'text', required: true }],
    personal: true,
  },
  { id: 'path', summary: 'The whole learning path with your progress', options: [], personal: true },
  { id: 'progress', summary: 'What you have done, are learning and skipped', options: [], personal: true },
  { id: 'done', summary: 'Mark a topic as done', options: [topic('The topic you finished, e.g. pytorch')], personal: true },
  { id: 'learning', summary: 'Mark a topic as being learned now', options: [topic('The topic you are learning')], personal: true },
  { id: 'skip', summary: 'Skip a topic on your path', options: [topic('The topic to skip')], personal: true },
  { id: 'undo', summary: 'Undo the last change to a topic', options: [topic('The topic to undo')], personal: true },
  { id: 'profile', summary: 'Your background and goal; set them up in a few questions', options: [], personal: true },
  { id: 'tip', summary: 'A short tip for your journey', options: [], personal: false },
  {
    id: 'tips',
    summary: 'Daily tips for this channel, or for you in a DM: on, off, status, pause, resume',
    options: [{ name: 'settings', description: 'on 09:00 Europe/Berlin mon-fri | off | status | pause 7d | resume', kind: 'text', required: false }],
    usesTimezone: true,
    // Changes to a channel's tips are announced in it; status and personal tips stay private (tipsVisibility).
    personal: false,
  },
  {
    id: 'forget',
    summary: 'Delete everything the mentor stores about you (asks first)',
    options: [{ name: 'confirm', description: 'Type "confirm" to delete without the question', kind: 'text', required: false }],
    personal: true,
  },
  { id: 'export', summary: 'Your stored data as JSON', options: [], personal: true },
  { id: 'help', summary: 'What the mentor can do', options: [], personal: true },
  {
    id: 'answer',
    summary: 'Answer the current setup question',
    options: [{ name: 'answer', description: 'Your answer', kind: 'text', required: true }],
    personal: true,
    hidden: true,
  },
] as const satisfies readonly CommandDefinition[];

export type CommandId = (typeof COMMAND_DEFINITIONS)[number]['id'];

export const PUBLIC_COMMANDS: readonly CommandDefinition[] = COMMAND_DEFINITIONS.filter(
  (c: CommandDefinition) => !c.hidden,
);

export function findCommand(id: string): CommandDefinition | undefined {
  return COMMAND_DEFINITIONS.find((c) => c.id === id.toLowerCase());
}

/**
 * The visibility the core gives a command's answer, known before the answer exists, so a front end can
 * defer privately or publicly: personal commands are private unless shared. Errors are always private.
 */
export function expectedVisibility(commandId: string, share: boolean): 'private' | 'public' {
  const personal = findCommand(commandId)?.personal ?? true;
  return personal && !share ? 'private' : 'public';
}

/**
 * The visibility of a command's answer from everything a front end knows before asking the core: for most
 * commands the command and `share`; for `tips` also its words and the place (a change to a channel's tips is
 * announced in the channel; status and a person's own tips are private).
 */
export function expectedVisibilityFor(commandId: string, share: boolean, text: string, place: Place | undefined): 'private' | 'public' {
  if (findCommand(commandId)?.id === 'tips') return tipsVisibility(text, place);
  return expectedVisibility(commandId, share);
}

/** True when adapters should look up the asker's timezone for this command (only such commands pay for it). */
export function usesTimezone(commandId: string): boolean {
  return (findCommand(commandId) as CommandDefinition | undefined)?.usesTimezone === true;
}

/** Longest argument text the core accepts; longer input gets a friendly error, not a truncated answer. */
export const MAX_ARGUMENT_LENGTH = 500;

/** The zod schema for a command's arguments, derived from its options. */
export function argumentSchema(definition: CommandDefinition) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const option of definition.options) {
    const base = z
      .string()
      .trim()
      .max(MAX_ARGUMENT_LENGTH, `${option.name} is too long (at most ${MAX_ARGUMENT_LENGTH} characters)`);
    shape[option.name] = option.required ? base.min(1, `${option.name} is missing`) : base.optional();
  }
  return z.strictObject(shape);
}

export interface ParsedCommandLine {
  command: string;
  text: string;
  share: boolean;
}

/**
 * Splits a command line typed by a user (`done pytorch`, `next share`, or a question) into a command and its
 * argument text. Text that does not start with a command is a question for `ask`; empty text is `help`.
 * A trailing or leading `share` makes a personal answer public.
 */
export function parseCommandLine(line: string): ParsedCommandLine {
  let words = line.trim().split(/\s+/).filter(Boolean);
  let share = false;
  if (words.length > 0 && words[words.length - 1]!.toLowerCase() === 'share') {
    share = true;
    words = words.slice(0, -1);
  }
  if (words.length === 0) return { command: 'help', text: '', share };
  const first = words[0]!.toLowerCase();
  const definition = PUBLIC_COMMANDS.find((c) => c.id === first);
  if (definition) return { command: definition.id, text: words.slice(1).join(' '), share };
  return { command: 'ask', text: words.join(' '), share };
}
