/**
 * The roadmap as SVG: a pure function of the knowledge base and one profile, so the same learner always
 * gets the same picture and the picture can be cached by what it depends on. Text is drawn in "Inter", the
 * font the rasteriser loads from the project's dependencies (no system fonts), so widths match the layout.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Profile } from '../profile/profile';
import { layoutRoadmap, SIZES as S, type GroupBox, type HeaderBox, type NodeBox, type RoadmapLayout } from './layout';
import { nodesOf, roadmapModel, STATE_LABEL, type NodeState, type RoadmapModel } from './model';
import { escapeXml, textWidth } from './text';

export const FONT_FAMILY = 'Inter';

/** The next step's fill: tests look for this colour at the highlighted node. */
export const HIGHLIGHT = '#EA580C';

const INK = '#0F172A';
const MUTED = '#64748B';
const BACKGROUND = '#F8FAFC';

const NODE_STYLE: Record<NodeState, { fill: string; stroke: string; text: string; dash?: string; strokeWidth: number }> = {
  done: { fill: '#DCFCE7', stroke: '#16A34A', text: INK, strokeWidth: 2 },
  learning: { fill: '#DBEAFE', stroke: '#2563EB', text: INK, strokeWidth: 2 },
  next: { fill: HIGHLIGHT, stroke: '#9A3412', text: '#FFFFFF', strokeWidth: 3 },
  todo: { fill: '#FFFFFF', stroke: '#94A3B8', text: INK, strokeWidth: 1.5 },
  skipped: { fill: '#F1F5F9', stroke: '#CBD5E1', text: MUTED, dash: '6 4', strokeWidth: 1.5 },
};

/** A small status mark drawn with shapes, not glyphs: the font need not have check marks or arrows. */
function icon(state: NodeState, cx: number, cy: number): string {
  const at = `transform="translate(${cx} ${cy})"`;
  switch (state) {
    case 'done':
      return `<g ${at}><circle r="10" fill="#16A34A"/><path d="M-4.5 0.5 L-1.5 3.5 L4.5 -3" fill="none" stroke="#FFFFFF" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></g>`;
    case 'learning':
      return `<g ${at}><circle r="9" fill="#FFFFFF" stroke="#2563EB" stroke-width="2.5"/><path d="M0 -9 A9 9 0 0 1 0 9 Z" fill="#2563EB"/></g>`;
    case 'next':
      return `<g ${at}><circle r="10" fill="#FFFFFF"/><path d="M-3 -5 L4 0 L-3 5 Z" fill="${HIGHLIGHT}"/></g>`;
    case 'todo':
      return `<g ${at}><circle r="9" fill="#FFFFFF" stroke="#94A3B8" stroke-width="2"/></g>`;
    case 'skipped':
      return `<g ${at}><circle r="10" fill="#CBD5E1"/><path d="M-4.5 0 L4.5 0" stroke="#FFFFFF" stroke-width="2.5" stroke-linecap="round"/></g>`;
  }
}

function drawNode(node: NodeBox): string {
  const style = NODE_STYLE[node.state];
  const weight = node.state === 'next' ? 700 : 400;
  const firstBaseline = node.y + S.nodePaddingY + S.lineHeight * 0.76;
  const text = node.lines
    .map((line, i) => `<text x="${node.x + S.nodeTextX}" y="${firstBaseline + i * S.lineHeight}" font-size="${S.fontSize}" font-weight="${weight}" fill="${style.text}">${escapeXml(line)}</text>`)
    .join('');
  // data-* attributes name what each node is, for tests and anyone reading the SVG; renderers ignore them.
  return [
    `<g data-topic="${escapeXml(node.id)}" data-state="${node.state}">`,
    `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="10" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.strokeWidth}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
    icon(node.state, node.x + 22, node.y + S.nodePaddingY + S.lineHeight / 2),
    text,
    '</g>',
  ].join('');
}

function drawGroup(group: GroupBox): string {
  const anyOf = group.kind === 'anyOf';
  const kind = `data-group="${group.kind}"`;
  const frame = anyOf ? 'fill="#EEF2FF" stroke="#6366F1" stroke-dasharray="8 5"' : 'fill="none" stroke="#94A3B8" stroke-dasharray="2 4"';
  const label = anyOf ? 'ANY ONE OF' : 'DEEPER, OPTIONAL';
  return (
    `<rect ${kind} x="${group.x}" y="${group.y}" width="${group.width}" height="${group.height}" rx="14" ${frame} stroke-width="2"/>` +
    `<text x="${group.x + 14}" y="${group.y + 19}" font-size="14" font-weight="700" letter-spacing="1" fill="${anyOf ? '#4338CA' : MUTED}">${label}</text>`
  );
}

function drawHeader(header: HeaderBox): string {
  const midY = header.y + S.headerHeight / 2;
  const arrow = header.arrowToRight
    ? `<path d="M${header.x + header.width + 10} ${midY - 9} L${header.x + header.width + S.columnGap - 10} ${midY} L${header.x + header.width + 10} ${midY + 9} Z" fill="#94A3B8"/>`
    : '';
  // The longest stage name ("MLOps & data engineering") gets a smaller size rather than running out of its bar.
  const room = header.width - 48 - 12;
  let size = 20;
  while (size > 14 && textWidth(header.name, size, true) > room) size--;
  return (
    `<rect x="${header.x}" y="${header.y}" width="${header.width}" height="${S.headerHeight}" rx="10" fill="#1D3557"/>` +
    `<circle cx="${header.x + 24}" cy="${midY}" r="14" fill="#FFFFFF"/>` +
    `<text x="${header.x + 24}" y="${midY + 6}" font-size="17" font-weight="700" text-anchor="middle" fill="#1D3557">${header.number}</text>` +
    `<text x="${header.x + 48}" y="${midY + 7}" font-size="${size}" font-weight="700" fill="#FFFFFF">${escapeXml(header.name)}</text>` +
    arrow
  );
}

/** "done · learning · next step · to do · skipped · any one of", one line, drawn with the nodes' own colours. */
function drawLegend(layout: RoadmapLayout): string {
  const y = layout.legendY + 28;
  let x = S.margin;
  const parts: string[] = [];
  for (const state of ['done', 'learning', 'next', 'todo', 'skipped'] as NodeState[]) {
    const style = NODE_STYLE[state];
    parts.push(`<rect x="${x}" y="${y - 18}" width="34" height="24" rx="6" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.strokeWidth}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
    parts.push(`<text x="${x + 44}" y="${y}" font-size="18" fill="${INK}">${STATE_LABEL[state]}</text>`);
    x += 44 + textWidth(STATE_LABEL[state], 18) + 24;
  }
  parts.push(`<rect x="${x}" y="${y - 18}" width="34" height="24" rx="6" fill="#EEF2FF" stroke="#6366F1" stroke-dasharray="6 4" stroke-width="2"/>`);
  parts.push(`<text x="${x + 44}" y="${y}" font-size="18" fill="${INK}">any one of them is enough</text>`);
  return parts.join('');
}

function drawTitle(model: RoadmapModel, layout: RoadmapLayout): string {
  const nodes = nodesOf(model);
  const done = nodes.filter((n) => n.state === 'done').length;
  // The count (right of the title) and the next step (below it) are two labels, not one sentence: each of
  // them recurs from learner to learner (27 counts, one per topic), where the sentence was new for nearly
  // every picture, and the renderer draws a label it has seen before from its cache (src/render/labelTiles.ts).
  const then = model.next ? `Next step: ${model.next.name}` : 'The whole path is covered.';
  return (
    `<text x="${S.margin}" y="${S.margin + 30}" font-size="32" font-weight="700" fill="${INK}">Your path to ML engineer</text>` +
    `<text x="${layout.width - S.margin}" y="${S.margin + 30}" font-size="20" text-anchor="end" fill="${MUTED}">${done} of ${nodes.length} topics done</text>` +
    `<text x="${S.margin}" y="${S.margin + 64}" font-size="20" fill="${MUTED}">${escapeXml(then)}</text>` +
    `<line x1="${S.margin}" x2="${layout.width - S.margin}" y1="${S.margin + S.titleHeight - 16}" y2="${S.margin + S.titleHeight - 16}" stroke="#E2E8F0" stroke-width="2"/>`
  );
}

export function svgFromModel(model: RoadmapModel, layout: RoadmapLayout = layoutRoadmap(model)): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${FONT_FAMILY}">`,
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
    drawTitle(model, layout),
    ...layout.headers.map(drawHeader),
    ...layout.groups.map(drawGroup),
    ...layout.nodes.map(drawNode),
    drawLegend(layout),
    '</svg>',
  ].join('');
}

/** The learner's roadmap as an SVG document. */
export function roadmapSvg(kb: KnowledgeBase, profile: Profile): string {
  return svgFromModel(roadmapModel(kb, profile));
}
