// Telegram HTML: every piece of text escaped, and long messages split where a reader would.

/** Telegram's limit on one message's text. */
export const MESSAGE_LIMIT = 4096;

/** Escapes text for Telegram's HTML parse mode (only <, > and & are special; quotes too inside attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char]!);
}

/** An `<a>` when the source is a web address, else the escaped label. */
export function link(label: string, source: string | null | undefined): string {
  return source && /^https?:\/\//i.test(source)
    ? `<a href="${escapeHtml(source)}">${escapeHtml(label)}</a>`
    : escapeHtml(label);
}

/**
 * Splits HTML into messages of at most `limit` characters: at paragraph breaks, else line
 * breaks, else spaces. Tags never span a line in what the bot writes, so every piece stays
 * well-formed; a single word longer than the limit is cut outside any tag or entity.
 */
export function splitMessage(html: string, limit: number = MESSAGE_LIMIT): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pieces.push(current.trim());
    current = '';
  };
  for (const paragraph of html.split(/\n{2,}/)) {
    const joined = current ? `${current}\n\n${paragraph}` : paragraph;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    flush();
    if (paragraph.length <= limit) {
      current = paragraph;
      continue;
    }
    for (const piece of splitLong(paragraph, limit)) {
      flush();
      current = piece;
    }
  }
  flush();
  return pieces;
}

function splitLong(text: string, limit: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf('\n');
    if (cut < limit / 2) cut = window.lastIndexOf(' ');
    if (cut < limit / 2) cut = safeCut(window);
    if (cut <= 0) cut = limit;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest) out.push(rest);
  return out;
}

/** The last position in `window` that is not inside a tag or an entity. */
function safeCut(window: string): number {
  const openTag = window.lastIndexOf('<');
  if (openTag > window.lastIndexOf('>')) return openTag;
  const amp = window.lastIndexOf('&');
  if (amp > window.lastIndexOf(';') && window.length - amp <= 8) return amp;
  return window.length;
}
