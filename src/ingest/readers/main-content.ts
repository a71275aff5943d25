import { type DomDocument, type DomElement, TEXT_NODE, tagOf } from './dom.ts';

// Portal chrome lives in plain divs as often as in <nav>/<footer>; its class or id gives it away,
// in English or in Vietnamese without diacritics ("tin-lien-quan", "chan-trang", "luot-xem").
const CHROME_WORDS = new RegExp(
  [
    'menu',
    'breadcrumb',
    'sidebar',
    'comment',
    'related',
    'other-?news',
    'most-?read',
    'share',
    'social',
    'footer',
    'copyright',
    'view-?count',
    'search',
    'navbar',
    'navigation',
    'toolbar',
    'pagination',
    'col-?right',
    'right-?col',
    'binh-?luan',
    'lien-?quan',
    'cung-?chuyen-?muc',
    'tin-?khac',
    'tin-?moi',
    'doc-?nhieu',
    'xem-?nhieu',
    'chia-?se',
    'ban-?quyen',
    'chan-?trang',
    'luot-?xem',
    'tim-?kiem',
    'cot-?phai',
    'khung-?phai',
  ].join('|'),
  'i',
);
const CHROME_TOKENS = /(^|[\s_-])(nav|tags?|ads?|advert|banner|widget|logo|poll|rating)([\s_-]|$)/i;
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'form']);
const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg']);
// Containers that name themselves as the article body.
const ARTICLE_SELECTORS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];
const PARAGRAPH_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'table', 'blockquote']);
const MIN_PARAGRAPH_CHARS = 25;
// A block this long after the headline is body text, not a dateline or a caption.
const MIN_LEAD_CHARS = 40;

/** Whether an element's class or id marks it as page chrome (menu, share bar, comments, ...). */
export function isChromeElement(element: DomElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return CHROME_WORDS.test(names) || CHROME_TOKENS.test(names);
}

/** Removes what a reader never sees: scripts, styles, embedded frames. */
export function removeInvisible(document: DomDocument): void {
  // One walk over every element costs less than matching a list of selectors.
  for (const element of Array.from(document.querySelectorAll('*')))
    if (INVISIBLE_TAGS.has(tagOf(element))) element.remove();
}

/**
 * Removes chrome inside `root`: elements named like chrome, and nav/footer/aside/form. An element
 * holding most of the root's text, and not as links, is kept whatever it is: a wrapper called
 * "content-with-sidebar", or the one <form> an ASP.NET portal wraps its whole page in.
 */
export function removeChrome(root: DomElement): void {
  const total = textLength(root);
  // Document order, without descending into what was removed.
  const pending = Array.from(root.children).reverse();
  for (let element = pending.pop(); element; element = pending.pop()) {
    if (isChromeElement(element) || CHROME_TAGS.has(tagOf(element))) {
      const length = textLength(element);
      const wrapsContent = length >= total / 2 && linkTextLength(element) < length / 2;
      if (!wrapsContent) {
        element.remove();
        continue;
      }
    }
    pending.push(...Array.from(element.children).reverse());
  }
}

/**
 * The part of the page the headline's article lives in: the smallest element holding the
 * headline and the first two blocks of body text after it. Related-news boxes with more text
 * than a short article stay outside it, so an extractor cannot pick them instead.
 */
export function headlineScope(headline: DomElement, body: DomElement): DomElement {
  const all = Array.from(body.querySelectorAll('*'));
  const leads: DomElement[] = [];
  for (let i = all.indexOf(headline) + 1; i < all.length && leads.length < 2; i++) {
    const element = all[i] as DomElement;
    if (isBodyTextBlock(element)) leads.push(element);
  }
  let scope: DomElement = headline;
  while (scope.parentElement && !leads.every((lead) => scope.contains(lead))) scope = scope.parentElement;
  return scope;
}

/**
 * The page's main content without Readability: the element that names itself the article,
 * else the element with the most paragraph text once chrome is gone. Null when no element
 * holds a paragraph of real text; never the whole page as a fallback.
 */
export function findMainContent(document: DomDocument): DomElement | null {
  removeInvisible(document);
  const body = document.body;
  removeChrome(body);
  for (const selector of ARTICLE_SELECTORS) {
    const named = document.querySelector(selector);
    if (named && paragraphTextLength(named) >= MIN_PARAGRAPH_CHARS) return named;
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const element of Array.from(body.querySelectorAll('*'))) {
    const score = paragraphTextLength(element);
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return bestScore >= MIN_PARAGRAPH_CHARS ? best : null;
}

function isBodyTextBlock(element: DomElement): boolean {
  const own =
    tagOf(element) === 'p'
      ? textLength(element) - linkTextLength(element)
      : Array.from(element.childNodes)
          .filter((child) => child.nodeType === TEXT_NODE)
          .reduce((sum, child) => sum + (child.textContent ?? '').trim().length, 0);
  return own >= MIN_LEAD_CHARS && !insideLink(element);
}

function insideLink(element: DomElement): boolean {
  for (let node: DomElement | null = element; node; node = node.parentElement) if (tagOf(node) === 'a') return true;
  return false;
}

// Text in an element's own paragraphs: direct <p> children and direct text, the way an
// article body holds its text, unlike a layout div that holds it many levels down.
function paragraphTextLength(element: DomElement): number {
  let length = 0;
  for (const child of Array.from(element.childNodes)) {
    const text = (child.textContent ?? '').trim();
    const isParagraph = child.nodeType === TEXT_NODE || PARAGRAPH_TAGS.has(child.nodeName.toLowerCase());
    if (isParagraph && text.length >= MIN_PARAGRAPH_CHARS) length += text.length;
  }
  return length;
}

function linkTextLength(element: DomElement): number {
  return Array.from(element.querySelectorAll('a')).reduce((sum, link) => sum + textLength(link), 0);
}

/** Length of the element's text with whitespace collapsed and trimmed, counted without building that text. */
function textLength(element: DomElement): number {
  const text = element.textContent ?? '';
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    if (isWhitespace(text.charCodeAt(i))) {
      gap = length > 0;
    } else {
      length += gap ? 2 : 1;
      gap = false;
    }
  }
  return length;
}

/** The characters of the regular expression class \s. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
