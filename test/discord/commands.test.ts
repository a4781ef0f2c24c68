/** The generated `/mentor` definition and the validator of Discord's command limits. */
import { ApplicationCommandOptionType } from 'discord.js';
import { PUBLIC_COMMANDS, COMMAND_DEFINITIONS } from '../../src/core/commands/definitions';
import {
  buildCommandDefinitions,
  CommandDefinitionError,
  findCommandDefinitionProblems,
  validateCommandDefinitions,
  type DiscordCommandDefinition,
} from '../../src/bots/discord/commands';

const [mentor] = buildCommandDefinitions();
const subcommands = mentor!.options as { name: string; description: string; type: number; options: Record<string, unknown>[] }[];

describe('generated from the registry', () => {
  test('one subcommand per public command, in registry order, none for hidden ones', () => {
    expect(mentor!.name).toBe('mentor');
    expect(subcommands.map((s) => s.name)).toEqual(PUBLIC_COMMANDS.map((c) => c.id));
    expect(subcommands.every((s) => s.type === ApplicationCommandOptionType.Subcommand)).toBe(true);
    const hidden = COMMAND_DEFINITIONS.filter((c) => 'hidden' in c && c.hidden).map((c) => c.id);
    expect(hidden).toContain('answer');
    for (const id of hidden) expect(subcommands.map((s) => s.name)).not.toContain(id);
  });

  test('descriptions are the registry summaries', () => {
    for (const command of PUBLIC_COMMANDS) expect(subcommands.find((s) => s.name === command.id)!.description).toBe(command.summary);
  });

  test('topic options autocomplete; text options are plain strings; personal commands can be shared', () => {
    const done = subcommands.find((s) => s.name === 'done')!;
    expect(done.options[0]).toMatchObject({ name: 'topic', type: ApplicationCommandOptionType.String, required: true, autocomplete: true });
    const ask = subcommands.find((s) => s.name === 'ask')!;
    expect(ask.options[0]).toMatchObject({ name: 'question', type: ApplicationCommandOptionType.String, required: true });
    expect(ask.options[0]).not.toHaveProperty('autocomplete');
    for (const command of PUBLIC_COMMANDS) {
      const share = subcommands.find((s) => s.name === command.id)!.options.find((o) => o.name === 'share');
      if (command.personal) expect(share).toMatchObject({ type: ApplicationCommandOptionType.Boolean, required: false });
      else expect(share).toBeUndefined();
    }
  });

  test('the real definitions pass the validator', () => {
    expect(findCommandDefinitionProblems(buildCommandDefinitions())).toEqual([]);
  });
});

describe('validateCommandDefinitions refuses what Discord would refuse, naming the field', () => {
  const valid = (): DiscordCommandDefinition => JSON.parse(JSON.stringify(buildCommandDefinitions()[0]));
  const problemsOf = (def: DiscordCommandDefinition) => findCommandDefinitionProblems([def]);
  const stringOption = (name: string, required = false) => ({ type: ApplicationCommandOptionType.String, name, description: 'd', required });

  test('26 options on one subcommand', () => {
    const def = valid();
    (def.options![0] as { options: unknown[] }).options = Array.from({ length: 26 }, (_, i) => stringOption(`o${i}`));
    expect(problemsOf(def)).toEqual(['/mentor > next: has 26 options; Discord allows at most 25']);
    expect(() => validateCommandDefinitions([def])).toThrow(CommandDefinitionError);
  });

  test('26 subcommands', () => {
    const def = valid();
    def.options = Array.from({ length: 26 }, (_, i) => ({ type: ApplicationCommandOptionType.Subcommand, name: `s${i}`, description: 'd' }));
    expect(problemsOf(def)).toContain('/mentor: has 26 options; Discord allows at most 25');
  });

  test.each([
    ['Mentor', 'must be lowercase'],
    ['has space', 'must be 1-32 characters'],
    ['', 'must be 1-32 characters'],
    ['x'.repeat(33), 'must be 1-32 characters'],
    ['bad!', 'must be 1-32 characters'],
  ])('bad name %j', (name, reason) => {
    const def = { ...valid(), name };
    expect(problemsOf(def).join('\n')).toContain(reason);
  });

  test('unicode letters and digits are accepted', () => {
    expect(problemsOf({ ...valid(), name: 'ментор-2' })).toEqual([]);
  });

  test('a description of 0 or 101 characters', () => {
    expect(problemsOf({ ...valid(), description: '' })).toEqual(['/mentor: description must be 1-100 characters (has 0)']);
    const def = valid();
    (def.options![1] as { description: string }).description = 'd'.repeat(101);
    expect(problemsOf(def)).toEqual(['/mentor > ask: description must be 1-100 characters (has 101)']);
  });

  test('26 choices, and choices combined with autocomplete', () => {
    const def = valid();
    const topic = (def.options![4] as unknown as { options: Record<string, unknown>[] }).options[0]!;
    topic.choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
    expect(problemsOf(def)).toEqual([
      '/mentor > done > topic: has 26 choices; Discord allows at most 25',
      '/mentor > done > topic: autocomplete cannot be combined with choices',
    ]);
  });

  test('a required option after an optional one', () => {
    const def = valid();
    (def.options![0] as { options: unknown[] }).options = [stringOption('first'), stringOption('second', true)];
    expect(problemsOf(def)).toEqual(['/mentor > next > second: required options must come before optional ones']);
  });

  test('more than 8,000 characters in one command', () => {
    const def = valid();
    for (const sub of def.options as { description: string; options: { description: string }[] }[]) {
      sub.description = 'd'.repeat(100);
      sub.options = Array.from({ length: 6 }, (_, i) => ({ ...stringOption(`option-${i}`), description: 'o'.repeat(100) }));
    }
    const problems = problemsOf(def);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/mentor: \d+ characters in names, descriptions and choices; Discord allows at most 8000$/);
  });

  test('duplicate names and mixed subcommands/options', () => {
    const def = valid();
    def.options = [...def.options!, { ...def.options![0]! }, stringOption('loose')] as DiscordCommandDefinition['options'];
    const problems = problemsOf(def);
    expect(problems).toContain('/mentor > next: duplicate option name');
    expect(problems).toContain('/mentor: subcommands cannot be mixed with plain options at the same level');
  });

  test('the error message lists every problem', () => {
    const def = { ...valid(), name: 'Bad Name', description: '' };
    expect(() => validateCommandDefinitions([def])).toThrow(/Invalid Discord command definitions:\n {2}- \/Bad Name: name "Bad Name" must be 1-32.*\n {2}- \/Bad Name: description/);
  });
});
