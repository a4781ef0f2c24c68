/**
 * A "slow core" without a clock: the real mentor, holding its answers until the test calls `release()`.
 * Tests that used to sleep past the ack deadline race nothing this way: the ack goes out at the deadline
 * whatever the machine's speed, and the answer only exists once the test allows it.
 */
import type { Mentor } from '../../src/core/mentor';
import type { MentorRequest, MentorService } from '../../src/core/request';

export interface Gate {
  wrap: (mentor: Mentor) => MentorService;
  release(): void;
  /** Resolves once the core was first asked something (and is now waiting). */
  entered: Promise<void>;
}

/** `holds` picks the requests to hold (default: all); others are answered at once. */
export function gate(holds: (request: MentorRequest) => boolean = () => true): Gate {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let enter!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  return {
    release,
    entered,
    wrap: (mentor) => ({
      handle: async (request) => {
        if (holds(request)) {
          enter();
          await released;
        }
        return mentor.handle(request);
      },
      suggestTopics: (query, limit) => mentor.suggestTopics(query, limit),
    }),
  };
}
