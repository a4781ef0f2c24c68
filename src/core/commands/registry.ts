/**
 * The command registry: each definition (./definitions) joined to its handler. Typed as a record over
 * every command id, so a command without a handler does not compile.
 */
import { argumentSchema, COMMAND_DEFINITIONS, type CommandDefinition, type CommandId } from './definitions';
import { ask, help } from './handlers/ask';
import { exportData, forget } from './handlers/data';
import { next, path, progress } from './handlers/learning';
import { answer, profile } from './handlers/profile';
import { done, learning, skip, undo } from './handlers/status';
import { tip } from './handlers/tip';
import { tips } from './handlers/tips';
import type { CommandArgs, CommandHandler } from './handlers/types';

const HANDLERS: Record<CommandId, CommandHandler> = {
  next,
  ask,
  path,
  progress,
  done,
  learning,
  skip,
  undo,
  profile,
  tip,
  tips,
  forget,
  export: exportData,
  help,
  answer,
};

export interface RegisteredCommand extends CommandDefinition {
  handler: CommandHandler;
  parseArgs(text: string): { ok: true; args: CommandArgs } | { ok: false; error: string };
}

function register(definition: CommandDefinition): RegisteredCommand {
  const schema = argumentSchema(definition);
  return {
    ...definition,
    handler: HANDLERS[definition.id as CommandId],
    parseArgs(text) {
      const trimmed = text.trim();
      const [first] = definition.options;
      if (!first) {
        return trimmed === '' ? { ok: true, args: {} } : { ok: false, error: `"${definition.id}" takes no arguments.` };
      }
      const parsed = schema.safeParse({ [first.name]: trimmed === '' && !first.required ? undefined : trimmed });
      if (parsed.success) return { ok: true, args: parsed.data as CommandArgs };
      const usage = `${definition.id} <${first.name}>`;
      return { ok: false, error: `${parsed.error.issues[0]?.message ?? 'invalid argument'}. Usage: ${usage}` };
    },
  };
}

export const REGISTRY: ReadonlyMap<string, RegisteredCommand> = new Map(COMMAND_DEFINITIONS.map((d) => [d.id, register(d)]));
