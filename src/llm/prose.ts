/**
 * The part of a Reply the LLM may reword: one run of consecutive prose blocks (heading, text, bullets),
 * the longest, since that is where the answer is. Buttons, links, fields and the source citation are never
 * sent and come back exactly as the core made them; a reworded run becomes one text block in its place.
 */
import { blocksToText, type Block, type Reply } from '../core/reply';

const PROSE = new Set<Block['type']>(['heading', 'text', 'bullets']);

export interface ProseRun {
  start: number;
  end: number;
  text: string;
}

export function proseRun(answer: Reply): ProseRun | undefined {
  let best: ProseRun | undefined;
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    const text = blocksToText(answer.blocks.slice(start, end));
    if (!best || text.length > best.text.length) best = { start, end, text };
    start = -1;
  };
  answer.blocks.forEach((block, i) => {
    if (PROSE.has(block.type)) {
      if (start < 0) start = i;
    } else close(i);
  });
  close(answer.blocks.length);
  return best;
}

/** The same reply with the run replaced by the reworded text; `text`, `about` and visibility follow. */
export function withProse(answer: Reply, run: ProseRun, text: string): Reply {
  const blocks: Block[] = [...answer.blocks.slice(0, run.start), { type: 'text', text }, ...answer.blocks.slice(run.end)];
  return { ...answer, blocks, text: blocksToText(blocks) };
}

/** The source citations of a reply: the guard keeps them if the prose names them too. */
export function citations(answer: Reply): string[] {
  return answer.blocks.flatMap((b) => (b.type === 'source' ? [b.text] : []));
}
