/**
 * Which surface a request's answer belongs to, so each can be switched on alone (LLM_SURFACES): free-text
 * conversations, slash-command answers (and the buttons that run commands), tips. The home view is never
 * rephrased: it is a dashboard of the person's own progress, not prose.
 */
import type { MentorRequest } from '../core/request';

export const SURFACES = ['dm', 'commands', 'tips'] as const;
export type Surface = (typeof SURFACES)[number];

export function surfaceOf(request: MentorRequest): Surface | undefined {
  switch (request.kind) {
    case 'message':
      return 'dm';
    case 'command':
      return request.command === 'tip' ? 'tips' : 'commands';
    case 'action':
      return request.actionId === 'tip' ? 'tips' : 'commands';
    default:
      return undefined;
  }
}

/** What the person said, for the prompt and for the guard's echo check; a button press says nothing. */
export function saidBy(request: MentorRequest): string {
  if (request.kind === 'message') return request.text;
  if (request.kind === 'command') return `/${request.command} ${request.text}`.trim();
  return '';
}
