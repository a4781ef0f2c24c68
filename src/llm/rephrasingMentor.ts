/**
 * The LLM as a decorator around the core: the core answers exactly as it would without it, then the prose
 * of that answer may be reworded for the surfaces switched on. The core knows nothing of this, so the
 * understanding, answers and adapters change independently of it; any failure sends the core's answer.
 */
import type { Reply } from '../core/reply';
import type { MentorRequest, MentorService } from '../core/request';
import type { Rephraser } from './rephraser';
import { saidBy, surfaceOf, type Surface } from './surfaces';

export class RephrasingMentor implements MentorService {
  constructor(
    readonly core: MentorService,
    readonly rephraser: Rephraser,
    private readonly surfaces: ReadonlySet<Surface>,
  ) {}

  async handle(request: MentorRequest): Promise<Reply> {
    const answer = await this.core.handle(request);
    const surface = request && typeof request === 'object' ? surfaceOf(request) : undefined;
    if (!surface || !this.surfaces.has(surface)) return answer;
    try {
      return await this.rephraser.rephrase(answer, { userId: String(request.userId), surface, message: saidBy(request) });
    } catch {
      // A bug here must never cost the person their answer.
      return answer;
    }
  }

  suggestTopics(query: string, limit?: number): { id: string; name: string }[] {
    return this.core.suggestTopics(query, limit);
  }
}
