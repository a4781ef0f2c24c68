/**
 * Where everything in the roadmap picture goes. Stages run left to right, four to a row, so the picture
 * keeps a near-square shape that a phone's message preview scales down without making the text tiny.
 * Every box's height comes from its wrapped label, so long topic names push what follows down instead of
 * overlapping it.
 */
import type { NodeState, RoadmapModel } from './model';
import { wrapText } from './text';

export const SIZES = {
  margin: 32,
  columnsPerRow: 4,
  columnWidth: 300,
  columnGap: 40,
  rowGap: 44,
  titleHeight: 96,
  headerHeight: 48,
  headerGap: 16,
  groupGap: 14,
  groupPadding: 10,
  groupLabelHeight: 26,
  nodeGap: 8,
  nodePaddingY: 12,
  nodeTextX: 44,
  nodePaddingRight: 14,
  fontSize: 20,
  lineHeight: 25,
  legendHeight: 56,
} as const;

export interface NodeBox {
  id: string;
  state: NodeState;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface GroupBox {
  kind: 'anyOf' | 'deeper';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HeaderBox {
  number: number;
  name: string;
  x: number;
  y: number;
  width: number;
  /** An arrow to the next stage's header, when that one is to the right in the same row. */
  arrowToRight: boolean;
}

export interface RoadmapLayout {
  width: number;
  height: number;
  headers: HeaderBox[];
  groups: GroupBox[];
  nodes: NodeBox[];
  legendY: number;
}

const S = SIZES;

/** A node's label lines and height at a given width (bold for the highlighted one, which reads wider). */
function nodeShape(name: string, state: NodeState, width: number) {
  const lines = wrapText(name, width - S.nodeTextX - S.nodePaddingRight, S.fontSize, state === 'next');
  return { lines, height: S.nodePaddingY * 2 + lines.length * S.lineHeight };
}

export function layoutRoadmap(model: RoadmapModel): RoadmapLayout {
  const headers: HeaderBox[] = [];
  const groups: GroupBox[] = [];
  const nodes: NodeBox[] = [];
  let rowTop = S.margin + S.titleHeight;
  let rowBottom = rowTop;
  model.stages.forEach((stage, index) => {
    const column = index % S.columnsPerRow;
    if (column === 0 && index > 0) rowTop = rowBottom + S.rowGap;
    const x = S.margin + column * (S.columnWidth + S.columnGap);
    const lastInRow = column === S.columnsPerRow - 1 || index === model.stages.length - 1;
    headers.push({ number: index + 1, name: stage.name, x, y: rowTop, width: S.columnWidth, arrowToRight: !lastInRow });
    let y = rowTop + S.headerHeight + S.headerGap;
    for (const group of stage.groups) {
      const framed = group.kind !== 'all';
      const inset = framed ? S.groupPadding : 0;
      const top = y;
      if (framed) y += S.groupLabelHeight;
      group.nodes.forEach((node, i) => {
        const width = S.columnWidth - 2 * inset;
        const { lines, height } = nodeShape(node.name, node.state, width);
        if (i > 0) y += S.nodeGap;
        nodes.push({ id: node.id, state: node.state, x: x + inset, y, width, height, lines });
        y += height;
      });
      if (framed) {
        y += S.groupPadding;
        groups.push({ kind: group.kind as GroupBox['kind'], x, y: top, width: S.columnWidth, height: y - top });
      }
      y += S.groupGap;
    }
    rowBottom = Math.max(rowBottom, y - S.groupGap);
  });
  const legendY = rowBottom + S.rowGap;
  const width = S.margin * 2 + S.columnsPerRow * S.columnWidth + (S.columnsPerRow - 1) * S.columnGap;
  return { width, height: legendY + S.legendHeight + S.margin / 2, headers, groups, nodes, legendY };
}
