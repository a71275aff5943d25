import { Readability } from '@mozilla/readability';
import { IngestError } from '../errors.ts';
import type { ParsedDocument } from '../types.ts';
import { htmlToParagraphs } from './blocks.ts';
import { decodeText } from './decode.ts';
import { type DomDocument, type DomElement, parseHtmlDocument, tagOf } from './dom.ts';
import { findMainContent, headlineScope, isChromeElement, removeChrome, removeInvisible } from './main-content.ts';

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];
const DATE_NAMED = /date|time|ngay|publish|posted/i;
const DATE_IN_TEXT = /\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/i;
const MAX_DATELINE_CHARS = 100;
const SITE_NAME = /cổng (thông tin|ttđt)|trang (thông tin|tin)|portal|website|\.(gov\.)?vn\b|\.com\b|báo điện tử/i;

/** Reads an HTML page: the article as a reader sees it, its title and any stated date. */
export function readHtml(path: string, bytes: Uint8Array): ParsedDocument {
  const html = decodeText(path, bytes, sniffDeclaredCharset(bytes));
  const page = parseHtmlDocument(html);
  removeInvisible(page);
  const siteName = page.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim();
  const headline = findHeadline(page, siteName);
  const title = headline ? textOf(headline) : pageTitle(page, siteName);
  // Read before chrome removal: the date often sits in a "meta" or "info" box under the headline.
  const statedDate = metaPublished(page) ?? datedNearHeadline(page, headline);

  const content = page.body && extractArticle(page.body, headline);
  const body = content ? htmlToParagraphs(content) : [];
  if (body.length === 0) throw new IngestError(path, 'no article text found in the page');
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
 */
function extractArticle(pageBody: DomElement, headline: DomElement | null): DomElement | null {
  removeChrome(pageBody);
  const scope = headline && pageBody.contains(headline) ? headlineScope(headline, pageBody) : pageBody;
  const scopedPage = `<!DOCTYPE html><html><head></head><body>${scope === pageBody ? pageBody.innerHTML : scope.outerHTML}</body></html>`;
  let content: DomElement | null = null;
  try {
    // Readability rewrites the document it reads, so it gets its own parse.
    const parsed = new Readability<DomElement>(parseHtmlDocument(scopedPage) as never, {
      keepClasses: true,
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

function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

/** The page's headline: the first non-empty <h1> that is not part of the site's chrome (a logo, a banner). */
function findHeadline(page: DomDocument, siteName: string | undefined): DomElement | null {
  for (const h1 of Array.from(page.querySelectorAll('h1'))) {
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
function pageTitle(page: DomDocument, siteName: string | undefined): string | undefined {
  let title = textOf(page.querySelector('title'));
  for (;;) {
    const match = /^(.+?)\s+([|\u2013\u2014-])\s+([^|\u2013\u2014]+)$/.exec(title);
    if (!match) break;
    const [, rest, separator, last] = match as unknown as [string, string, string, string];
    if (separator !== '|' && !SITE_NAME.test(last) && last.trim() !== siteName) break;
    title = rest.trim();
  }
  return title || undefined;
}

function metaPublished(page: DomDocument): string | undefined {
  for (const selector of PUBLISHED_META) {
    const content = page.querySelector(selector)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  const time = page.querySelector('time[datetime]')?.getAttribute('datetime')?.trim();
  return time || undefined;
}

/** A short element by the headline whose class or id says it holds the date ("post-date", "ngay-dang"). */
function datedNearHeadline(page: DomDocument, headline: DomElement | null): string | undefined {
  // Without a headline the only dates left are the portal's "today is ..." banners.
  const around = headline?.parentElement?.parentElement ?? headline?.parentElement;
  if (!around) return undefined;
  for (const element of Array.from(around.querySelectorAll('*'))) {
    if (element === headline) continue;
    const named = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const text = textOf(element);
    if (DATE_NAMED.test(named) && text.length <= MAX_DATELINE_CHARS && /\d/.test(text)) return text;
  }
  return textOf(page.querySelector('time')) || undefined;
}

/** A dateline opening the article body ("(Ngày 21/3/2023)"); it also stays in the text. */
function dateline(body: string[]): string | undefined {
  return body.slice(0, 2).find((p) => p.length <= MAX_DATELINE_CHARS && DATE_IN_TEXT.test(p));
}

function textOf(element: DomElement | null | undefined): string {
  // The same whitespace rule as the paragraph walk, so the title compares equal to its heading.
  return (element?.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();
}
