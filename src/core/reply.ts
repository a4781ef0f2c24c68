/**
 * The one neutral answer model. The core speaks only in `Reply`; each platform has one small pure
 * renderer (Block Kit, Discord embeds, console text). All strings here are plain text: renderers escape
 * them for their platform, so nothing a user typed can become markup or a mention.
 */

/** A button maps to a registry command: pressing it runs `command` with `value` as its argument text. */
export interface Button {
  label: string;
  /** A registry command id (see commands/registry.ts). */
  actionId: string;
  /** The command's argument text (a topic id, an onboarding answer...). Kept short: Discord's custom_id is 100 chars. */
  value: string;
  style?: 'primary' | 'danger';
}

export interface Link {
  title: string;
  url: string;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'links'; links: Link[] }
  /** Where an answer comes from: "Rise of the ML Engineer — Trend 2 — Pre-Trained Models". */
  | { type: 'source'; text: string }
  | { type: 'buttons'; buttons: Button[] };

/**
 * A picture sent along with the answer (the roadmap). The core only describes it: the SVG, what it shows in
 * words, and a key that changes whenever the picture would. Adapters rasterise it (cached by `key`) and
 * attach it after the text, so a platform that refuses files still shows the whole answer.
 */
export interface ReplyImage {
  /** File name on the platform, e.g. `roadmap.png`. */
  name: string;
  /** Says what the picture shows, for screen readers and clients that hide images. */
  alt: string;
  /** Identical for identical pictures: the rendered PNG is cached under it. */
  key: string;
  /** Draws the picture; called only when `key` is not cached yet (a function, so JSON output leaves it out). */
  svg: () => string;
}

export interface Reply {
  /** Plain-text rendering of the whole answer: notifications, screen readers, and platforms without blocks. */
  text: string;
  blocks: Block[];
  /** `private` answers are shown only to the asker where the platform can (ephemeral). */
  visibility: 'private' | 'public';
  /** Set when the request was refused (bad arguments, unknown command): nothing was changed. */
  error?: true;
  /** What the answer is about, for follow-ups and evaluation; renderers ignore it. */
  about?: About;
  /** A picture to send after the text; renderers ignore it, the delivery code attaches it. */
  image?: ReplyImage;
}

export interface About {
  intent?: string;
  /** Topic ids the answer is about, most relevant first. */
  topics: string[];
  /** Roles and themes beyond topics ("ml-engineer", "job-market", "math"). */
  subjects?: string[];
  /** The topic recommended as the next step. */
  next?: string;
}

/** Marks what an answer is about. */
export function about(answer: Reply, what: About): Reply {
  return { ...answer, about: what };
}

/** Builds a Reply from blocks; the plain-text fallback is derived, so it can never drift from the blocks. */
export function reply(blocks: Block[], visibility: Reply['visibility'] = 'private'): Reply {
  return { text: blocksToText(blocks), blocks, visibility };
}

/** A friendly refusal: the request changed nothing. */
export function errorReply(message: string): Reply {
  return { ...reply([{ type: 'text', text: message }]), error: true };
}

export function blocksToText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return block.text;
        case 'text':
          return block.text;
        case 'bullets':
          return block.items.map((item) => `• ${item}`).join('\n');
        case 'fields':
          return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
        case 'links':
          return block.links.map((l) => `• ${l.title}: ${l.url}`).join('\n');
        case 'source':
          return `(${block.text})`;
        case 'buttons':
          return `Options: ${block.buttons.map((b) => b.label).join(' | ')}`;
      }
    })
    .join('\n\n');
}

/** Joins several replies into one (a greeting plus an answer, for instance). */
export function combine(...replies: Reply[]): Reply {
  const blocks = replies.flatMap((r) => r.blocks);
  const visibility = replies.some((r) => r.visibility === 'private') ? 'private' : 'public';
  const abouts = replies.map((r) => r.about).filter((a): a is About => !!a);
  const image = replies.map((r) => r.image).find(Boolean);
  const combined = { ...reply(blocks, visibility), ...(image ? { image } : {}) };
  if (abouts.length === 0) return combined;
  return {
    ...combined,
    about: {
      intent: abouts.map((a) => a.intent).filter(Boolean).pop(),
      topics: [...new Set(abouts.flatMap((a) => a.topics))],
      subjects: [...new Set(abouts.flatMap((a) => a.subjects ?? []))],
      next: abouts.map((a) => a.next).filter(Boolean).pop(),
    },
  };
}
