/**
 * Reads Slack messages the way Slack and a user would: what text is visible, which limits are broken, which
 * buttons come back, and whether anything could ping. Used by the renderer contract and the end-to-end tests
 * (which read the blocks the fake Web API received).
 */
import type { KnownBlock, SlackMessage } from '../../src/bots/slack/render';
import { decodeActionId } from '../../src/bots/slack/actionIds';

/**
 * Slack's published limits, written out again here on purpose: checking the renderer against its own
 * constants would pass whatever those constants said.
 */
const L = {
  messageBlocks: 50,
  messageBlockChars: 11_000,
  messageText: 40_000,
  headerText: 150,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  blockId: 255,
};

const LINK = /<(https?:\/\/[^|<>\s]+)\|([^<>]*)>/g;

/** mrkdwn as a reader sees it: links show their label, *bold* markers are gone, entities are decoded. */
export function mrkdwnToVisible(text: string): string {
  return text
    .replace(LINK, (_m, _url: string, label: string) => label)
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every mrkdwn string Slack would parse for mentions, including the notification text. */
export function mrkdwnStrings(message: SlackMessage): string[] {
  const out = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section') {
      if (block.text?.type === 'mrkdwn') out.push(block.text.text);
      for (const f of block.fields ?? []) if (f.type === 'mrkdwn') out.push(f.text);
    } else if (block.type === 'context') {
      for (const e of block.elements) if (e.type === 'mrkdwn') out.push(e.text);
    }
  }
  return out;
}

export function visibleText(message: SlackMessage): string {
  if (message.blocks.length === 0) return mrkdwnToVisible(message.text);
  return message.blocks
    .map((block: KnownBlock) => {
      switch (block.type) {
        case 'header':
          return block.text.text;
        case 'section':
          return [block.text ? mrkdwnToVisible(block.text.text) : '', ...(block.fields ?? []).map((f) => mrkdwnToVisible(f.text))].join('\n');
        case 'context':
          return block.elements.map((e) => ('text' in e && typeof e.text === 'string' ? mrkdwnToVisible(e.text) : '')).join(' ');
        case 'actions':
          return block.elements.map((e) => (e.type === 'button' ? e.text.text : '')).join(' | ');
        default:
          return '';
      }
    })
    .join('\n');
}

/**
 * True if any parsed text holds `<` that is not one of our http(s) links (`<!channel>`, `<@U1>`, `<#C1>`...),
 * or if a block text object without `verbatim: true` holds a plain `@here`/`@channel`/`@everyone`, which
 * Slack's automatic parsing may turn into a mention.
 */
export function canPing(message: SlackMessage): boolean {
  if (mrkdwnStrings(message).some((text) => text.replace(LINK, '').includes('<'))) return true;
  return mrkdwnObjects(message).some((o) => o.verbatim !== true && /@(here|channel|everyone)\b/.test(o.text));
}

function mrkdwnObjects(message: SlackMessage): { text: string; verbatim?: boolean }[] {
  const out: { text: string; verbatim?: boolean }[] = [];
  for (const block of message.blocks) {
    if (block.type === 'section') {
      if (block.text?.type === 'mrkdwn') out.push(block.text);
      for (const f of block.fields ?? []) if (f.type === 'mrkdwn') out.push(f);
    } else if (block.type === 'context') {
      for (const e of block.elements) if (e.type === 'mrkdwn') out.push(e);
    }
  }
  return out;
}

export function buttonsOf(message: SlackMessage): { actionId: string; value: string }[] {
  return message.blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.flatMap((e) => (e.type === 'button' ? [{ actionId: decodeActionId(e.action_id ?? '') ?? `undecodable:${e.action_id}`, value: e.value ?? '' }] : []))
      : [],
  );
}

export function limitViolations(message: SlackMessage, maxBlocks: number = L.messageBlocks): string[] {
  const v: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) v.push(what);
  };
  check(message.text.length <= L.messageText, `text ${message.text.length} > ${L.messageText}`);
  check(message.text.trim() !== '' || message.blocks.length > 0, 'empty message');
  check(message.blocks.length <= maxBlocks, `${message.blocks.length} blocks > ${maxBlocks}`);
  const size = JSON.stringify(message.blocks).length;
  check(size <= L.messageBlockChars + 2 + message.blocks.length, `blocks ${size} chars > ${L.messageBlockChars}`);
  const actionIds = new Set<string>();
  message.blocks.forEach((block, i) => {
    const at = `block ${i} (${block.type})`;
    if (block.block_id !== undefined) check(block.block_id.length <= L.blockId, `${at}: block_id too long`);
    switch (block.type) {
      case 'header':
        check(block.text.type === 'plain_text', `${at}: header must be plain_text`);
        check(block.text.text.length >= 1 && block.text.text.length <= L.headerText, `${at}: header length ${block.text.text.length}`);
        break;
      case 'section': {
        check(Boolean(block.text) || Boolean(block.fields?.length), `${at}: section without text or fields`);
        if (block.text) check(block.text.text.trim().length >= 1 && block.text.text.length <= L.sectionText, `${at}: section text length ${block.text.text.length}`);
        const fields = block.fields ?? [];
        check(fields.length <= L.sectionFields, `${at}: ${fields.length} fields`);
        fields.forEach((f, j) => check(f.text.trim().length >= 1 && f.text.length <= L.fieldText, `${at}: field ${j} length ${f.text.length}`));
        break;
      }
      case 'context':
        check(block.elements.length >= 1 && block.elements.length <= L.contextElements, `${at}: ${block.elements.length} elements`);
        block.elements.forEach((e, j) => {
          if ('text' in e && typeof e.text === 'string') check(e.text.length >= 1 && e.text.length <= 3000, `${at}: element ${j} length`);
        });
        break;
      case 'actions':
        check(block.elements.length >= 1 && block.elements.length <= L.actionsElements, `${at}: ${block.elements.length} elements`);
        for (const e of block.elements) {
          if (e.type !== 'button') continue;
          const id = e.action_id ?? '';
          check(id.length >= 1 && id.length <= L.actionId, `${at}: action_id length`);
          check(!actionIds.has(id), `${at}: duplicate action_id ${id}`);
          actionIds.add(id);
          check(e.text.type === 'plain_text' && e.text.text.length >= 1 && e.text.text.length <= L.buttonText, `${at}: button text length ${e.text.text.length}`);
          if (e.value !== undefined) check(e.value.length >= 1 && e.value.length <= L.buttonValue, `${at}: button value length`);
        }
        break;
      default:
        v.push(`${at}: unexpected block type`);
    }
  });
  return v;
}

/** The buttons of a message as Slack would send them back when pressed: raw action_id, value and label. */
export function rawButtons(blocks: KnownBlock[]): { action_id: string; value?: string; label: string }[] {
  return blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.flatMap((e) => (e.type === 'button' ? [{ action_id: e.action_id ?? '', value: e.value, label: e.text.text }] : []))
      : [],
  );
}
