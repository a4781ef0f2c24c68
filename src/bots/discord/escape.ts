/**
 * Escaping for text that came from users or the knowledge base. Discord renders markdown, masked links,
 * mentions and timestamps; a backslash before any punctuation shows it literally. URLs are left intact
 * (a backslash inside one would break the link). Pings are stopped separately by allowed_mentions.
 */
const URL_PATTERN = /https?:\/\/[^\s<>]+/g;
/** Inline markup: emphasis, code, spoilers, masked links, mentions/emoji/timestamps (`<...>`). */
const INLINE = /[\\*_~`|[\]<>]/g;
/** Markup that only counts at the start of a line: quotes, headings, lists, subtext (`-#`). */
const LINE_START = /^(\s*)(?:([>#-])|(\d+)\.)/gm;

function escapePlain(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_m, space: string, mark?: string, digits?: string) =>
      // A backslash only escapes punctuation, so a numbered list is broken up at its dot.
      mark ? `${space}\\${mark}` : `${space}${digits}\\.`,
    );
}

export function escapeMarkdown(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapePlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

/**
 * A masked link `[title](url)`. Characters that would end the link or open markup are percent-encoded
 * (the URL still works); anything but http(s) is shown as plain text so it cannot smuggle a scheme.
 */
export function markdownLink(title: string, url: string): string {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return `${escapeMarkdown(title)}: ${escapeMarkdown(trimmed)}`;
  const safeUrl = trimmed.replace(/[\s()<>[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  const text = escapeMarkdown(title.trim()) || safeUrl; // `[](url)` would render as nothing
  return `[${text}](${safeUrl})`;
}
