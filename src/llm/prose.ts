/**
 * The part of a Reply the LLM may reword: the first run of consecutive prose blocks (heading, text,
 * bullets), since that is the answer itself (what follows is a welcome or a note the core appended). Buttons, links, fields and the source citation are never
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
  const start = answer.blocks.findIndex((b) => PROSE.has(b.type));
  if (start < 0) return undefined;
  let end = start;
  while (end < answer.blocks.length && PROSE.has(answer.blocks[end]!.type)) end++;
  return { start, end, text: blocksToText(answer.blocks.slice(start, end)) };
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
