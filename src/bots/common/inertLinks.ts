/**
 * Text a person wrote can come back in an answer: 'I don't know the topic "https://…"', a goal, a name.
 * Slack and Discord clients turn any `scheme://host` or `www.host` in plain text into a live link (Discord
 * also embeds a preview of it), and neither platform has markup that shows a URL as inert text: Discord's
 * `<url>` only hides the preview and stays clickable; Slack's `verbatim` only stops the server's own
 * pre-processing, clients still link the text. So URL-like text is defanged the way security reports show
 * addresses, `https[:]//evil[.]example/path`: readable, copyable by hand, never a link.
 *
 * Links the answer means to give live in `links` blocks (the knowledge base's addresses); renderers make
 * those real links and this pass leaves them alone. Everything else is plain text by the Reply contract.
 */
import type { Block, Reply } from '../../core/reply';

/**
 * `://authority` (whatever the scheme) or `www.authority`. The authority is a host's characters only, so it
 * ends at a port, path, query, fragment or markup (`)`, `|`, `]`) and a second address right after is found too.
 * Both count even inside a word: pieces of text run together ("profilewww.evil.example",
 * "31mHTTPS://…") and a client may still find the address in them. No scheme is matched, so a long run of
 * letters is never rescanned from each position.
 */
const URL_LIKE = /:\/\/([\p{L}\p{N}.\-_~%@!$&+=]*)|www\.([\p{L}\p{N}.\-_~%@!$&+=]*)/giu;
/** Cheap pre-check: almost no answer contains either, and this runs on every string of every answer. */
const MAY_HOLD_URL = /:\/\/|www\./i;

/** The text with every URL-like part made inert: the scheme's colon and the host's dots bracketed. */
export function inertUrls(text: string): string {
  if (!MAY_HOLD_URL.test(text)) return text;
  return text.replace(URL_LIKE, (match: string, afterScheme: string | undefined, afterWww: string | undefined) =>
    afterScheme !== undefined ? `[:]//${afterScheme.replaceAll('.', '[.]')}` : `${match.slice(0, 3)}[.]${afterWww!.replaceAll('.', '[.]')}`,
  );
}

function inertBlock(block: Block): Block {
  switch (block.type) {
    case 'heading':
    case 'text':
    case 'source':
      return { ...block, text: inertUrls(block.text) };
    case 'bullets':
      return { ...block, items: block.items.map(inertUrls) };
    case 'fields':
      return { ...block, fields: block.fields.map((f) => ({ label: inertUrls(f.label), value: inertUrls(f.value) })) };
    case 'buttons':
      // Only the label is shown; the action id and value travel back to us unchanged.
      return { ...block, buttons: block.buttons.map((b) => ({ ...b, label: inertUrls(b.label) })) };
    case 'links':
      return block;
  }
}

/** The reply with no live link anywhere but its `links` blocks; renderers call it before escaping. */
export function withInertLinks(reply: Reply): Reply {
  // `text` is rendered only when the blocks render to nothing, so there are no intended links to keep in it.
  return { ...reply, text: inertUrls(reply.text), blocks: reply.blocks.map(inertBlock) };
}
