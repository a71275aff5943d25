import { type DomElement, type DomNode, TEXT_NODE, isElement, tagOf } from './dom.ts';

// Elements that start and end a paragraph of their own.
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'ul',
]);
// Elements whose content a reader never sees as text.
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'iframe',
  'svg',
  'canvas',
  'object',
  'button',
  'input',
  'select',
  'textarea',
  'img',
]);
const CELL_TAGS = new Set(['td', 'th']);

/**
 * The paragraphs of an HTML element as a reader sees them, in document order: headings,
 * paragraphs and list items each their own paragraph, a table row one paragraph with each
 * cell's lines on lines of their own, `<br>` kept as a line break inside its paragraph.
 */
export function htmlToParagraphs(root: DomElement): string[] {
  const walker = new ParagraphWalker();
  walker.visit(root);
  return walker.finish();
}

class ParagraphWalker {
  private readonly paragraphs: string[] = [];
  private line = '';
  // A list item's marker waits for the item's first text, which may sit in a nested <p>.
  private marker = '';

  visit(node: DomNode): void {
    if (node.nodeType === TEXT_NODE) {
      this.line += collapseWhitespace(node.textContent ?? '');
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'br') {
      this.line += '\n';
    } else if (tag === 'tr') {
      this.flush();
      this.paragraphs.push(rowText(node));
    } else if (tag === 'pre') {
      this.flush();
      this.line = node.textContent ?? '';
      this.flush();
    } else if (tag === 'li') {
      this.flush();
      this.marker = listMarker(node);
      this.visitChildren(node);
      this.flush();
      this.marker = '';
    } else if (BLOCK_TAGS.has(tag)) {
      this.flush();
      this.visitChildren(node);
      this.flush();
    } else {
      this.visitChildren(node);
    }
  }

  finish(): string[] {
    this.flush();
    return this.paragraphs.filter((p) => p !== '');
  }

  private visitChildren(element: DomElement): void {
    for (const child of Array.from(element.childNodes)) this.visit(child);
  }

  private flush(): void {
    // Portals often separate paragraphs with <br><br> inside one div: a blank line ends a paragraph.
    for (const chunk of this.line.split(/\n[ \t]*\n/)) {
      const lines = chunk
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      if (lines.length === 0) continue;
      this.paragraphs.push(this.marker + lines.join('\n'));
      this.marker = '';
    }
    this.line = '';
  }
}

function rowText(row: DomElement): string {
  const cells = Array.from(row.children).filter((c) => CELL_TAGS.has(tagOf(c)));
  return cells.flatMap((cell) => htmlToParagraphs(cell)).join('\n');
}

function listMarker(item: DomElement): string {
  const list = item.parentElement;
  if (!list || tagOf(list) !== 'ol') return '- ';
  const siblings = Array.from(list.children).filter((c) => tagOf(c) === 'li');
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  return `${(Number.isFinite(start) ? start : 1) + siblings.indexOf(item)}. `;
}

function collapseWhitespace(text: string): string {
  // HTML rendering collapses runs of ASCII whitespace; NBSP is content and stays for normalizeText.
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}
