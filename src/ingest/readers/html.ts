import { Readability } from '@mozilla/readability';
import { IngestError } from '../errors.ts';
import { REASONS } from '../reasons.ts';
import type { ParsedDocument } from '../types.ts';
import { htmlToParagraphs } from './blocks.ts';
import { decodeText } from './decode.ts';
import { DOCUMENT_TYPE_NODE, type DomDocument, type DomElement, parseHtmlDocument, tagOf } from './dom.ts';
import { findMainContent, headlineScope, isChromeElement, removeChrome, removeInvisible } from './main-content.ts';

// <meta> attributes that state the published date, the most specific first; values compare exactly, as in CSS.
const PUBLISHED_META: ReadonlyArray<readonly [attribute: string, value: string]> = [
  ['property', 'article:published_time'],
  ['itemprop', 'datePublished'],
  ['name', 'pubdate'],
  ['name', 'publishdate'],
  ['name', 'date'],
  ['name', 'dc.date'],
  ['name', 'DC.date.issued'],
];
const DATE_NAMED = /date|time|ngay|publish|posted/i;
const DATE_IN_TEXT =
  /\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/i;
const MAX_DATELINE_CHARS = 100;
const SITE_NAME = /cổng (thông tin|ttđt)|trang (thông tin|tin)|portal|website|\.(gov\.)?vn\b|\.com\b|báo điện tử/i;

/** Reads an HTML page: the article as a reader sees it, its title and any stated date. */
export function readHtml(path: string, bytes: Uint8Array): ParsedDocument {
  const html = decodeText(path, bytes, sniffDeclaredCharset(bytes));
  const page = parseHtmlDocument(html);
  removeInvisible(page);
  // One walk of the page serves every lookup before the article is extracted (which rewrites it).
  const elements = Array.from(page.querySelectorAll('*'));
  const tagged = (tag: string): DomElement[] => elements.filter((element) => tagOf(element) === tag);
  const metas = tagged('meta');
  const times = tagged('time');
  const siteName = metaContent(metas, 'property', 'og:site_name');
  const headline = findHeadline(tagged('h1'), siteName);
  const title = headline ? textOf(headline) : pageTitle(tagged('title')[0], siteName);
  // Read before chrome removal: the date often sits in a "meta" or "info" box under the headline.
  const statedDate = metaPublished(metas, times) ?? datedNearHeadline(headline, times);

  const content = extractArticle(page, headline);
  const body = content ? htmlToParagraphs(content) : [];
  if (body.length === 0) throw new IngestError(path, REASONS.noArticle());
  const paragraphs = title && body[0] !== title ? [title, ...body] : body;
  const publishedHint = statedDate ?? dateline(paragraphs.slice(title ? 1 : 0));
  return {
    format: 'html',
    text: paragraphs.join('\n\n'),
    ...(title ? { title } : {}),
    ...(publishedHint ? { publishedHint } : {}),
  };
}

/**
 * The article element: Readability over the part of the page the headline lives in, chrome
 * removed first and again after; the main-content heuristic when Readability finds nothing.
 * The page is rewritten on the way.
 */
function extractArticle(page: DomDocument, headline: DomElement | null): DomElement | null {
  const pageBody = page.body;
  removeChrome(pageBody);
  const scope = headline && pageBody.contains(headline) ? headlineScope(headline, pageBody) : pageBody;
  // Readability rewrites the document it reads: the heuristic, if needed, reads this copy.
  const scopedPage = `<!DOCTYPE html><html><head></head><body>${scope === pageBody ? pageBody.innerHTML : scope.outerHTML}</body></html>`;
  let content: DomElement | null = null;
  try {
    const parsed = new Readability<DomElement>(isolate(page, scope, scopedPage) as never, {
      keepClasses: true,
      disableJSONLD: true,
      serializer: (node) => node as unknown as DomElement,
    }).parse();
    if (parsed?.content && (parsed.textContent ?? '').trim() !== '') content = parsed.content;
  } catch {
    // Readability gives up on some malformed pages; the heuristic below still reads them.
  }
  content ??= findMainContent(parseHtmlDocument(scopedPage));
  if (content) removeChrome(content);
  return content;
}

/**
 * `page` reduced to what a parse of `scopedPage` (`<html><head></head><body>${scope}</body></html>`)
 * gives — an empty head, a body holding only `scope`, no attributes, nothing around the <html>
 * element — without serialising and parsing again. A page whose top element is not <html> (text
 * before it) is parsed again all the same.
 */
function isolate(page: DomDocument, scope: DomElement, scopedPage: string): DomDocument {
  const { documentElement: root, head, body } = page;
  if (tagOf(root) !== 'html') return parseHtmlDocument(scopedPage);
  for (const node of Array.from(page.childNodes))
    if (node !== root && node.nodeType !== DOCUMENT_TYPE_NODE) node.remove();
  for (const child of Array.from(root.childNodes)) if (child !== head && child !== body) child.remove();
  for (const element of [root, head, body])
    for (const name of element.getAttributeNames()) element.removeAttribute(name);
  head.replaceChildren();
  if (scope !== body) body.replaceChildren(scope);
  return page;
}

function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  // Byte for byte: only the ASCII of a <meta charset> matters, whatever the page's encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

/** The page's headline: the first non-empty <h1> that is not part of the site's chrome (a logo, a banner). */
function findHeadline(h1s: readonly DomElement[], siteName: string | undefined): DomElement | null {
  for (const h1 of h1s) {
    const text = textOf(h1);
    if (text !== '' && text !== siteName && !inChrome(h1)) return h1;
  }
  return null;
}

function inChrome(element: DomElement): boolean {
  let insideArticle = false;
  for (let node = element.parentElement; node; node = node.parentElement) {
    const tag = tagOf(node);
    if (tag === 'article' || tag === 'main') insideArticle = true;
    if (isChromeElement(node) || ['nav', 'footer', 'aside'].includes(tag)) return true;
    if (tag === 'header' && !insideArticle) return true;
  }
  return false;
}

/** `<title>` without the trailing site name (" - Cổng thông tin ...", " | Site"). */
function pageTitle(titleElement: DomElement | undefined, siteName: string | undefined): string | undefined {
  let title = textOf(titleElement);
  for (;;) {
    const match = /^(.+?)\s+([|\u2013\u2014-])\s+([^|\u2013\u2014]+)$/.exec(title);
    if (!match) break;
    const [, rest, separator, last] = match as unknown as [string, string, string, string];
    if (separator !== '|' && !SITE_NAME.test(last) && last.trim() !== siteName) break;
    title = rest.trim();
  }
  return title || undefined;
}

/** The content of the first <meta> whose `attribute` is `value`, trimmed. */
function metaContent(metas: readonly DomElement[], attribute: string, value: string): string | undefined {
  return metas
    .find((meta) => meta.getAttribute(attribute) === value)
    ?.getAttribute('content')
    ?.trim();
}

function metaPublished(metas: readonly DomElement[], times: readonly DomElement[]): string | undefined {
  for (const [attribute, value] of PUBLISHED_META) {
    const content = metaContent(metas, attribute, value);
    if (content) return content;
  }
  const time = times
    .find((element) => element.getAttribute('datetime') !== null)
    ?.getAttribute('datetime')
    ?.trim();
  return time || undefined;
}

/** A short element by the headline whose class or id says it holds the date ("post-date", "ngay-dang"). */
function datedNearHeadline(headline: DomElement | null, times: readonly DomElement[]): string | undefined {
  // Without a headline the only dates left are the portal's "today is ..." banners.
  const around = headline?.parentElement?.parentElement ?? headline?.parentElement;
  if (!around) return undefined;
  for (const element of Array.from(around.querySelectorAll('*'))) {
    if (element === headline) continue;
    const named = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!DATE_NAMED.test(named)) continue;
    const text = textOf(element);
    if (text.length <= MAX_DATELINE_CHARS && /\d/.test(text)) return text;
  }
  return textOf(times[0]) || undefined;
}

/** A dateline opening the article body ("(Ngày 21/3/2023)"); it also stays in the text. */
function dateline(body: string[]): string | undefined {
  return body.slice(0, 2).find((p) => p.length <= MAX_DATELINE_CHARS && DATE_IN_TEXT.test(p));
}

function textOf(element: DomElement | null | undefined): string {
  // The same whitespace rule as the paragraph walk, so the title compares equal to its heading.
  return (element?.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();
}
