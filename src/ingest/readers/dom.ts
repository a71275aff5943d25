import { parseHTML } from 'linkedom';

// The project compiles without the DOM lib, and linkedom's own typings lean on it:
// these are the few DOM members the readers use, typed structurally.

/** A DOM node as the readers see it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  remove(): void;
}

/** A DOM element as the readers see it. */
export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly id: string;
  readonly className: string;
  readonly parentElement: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  readonly outerHTML: string;
  readonly innerHTML: string;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  removeAttribute(name: string): void;
  replaceChildren(...nodes: DomNode[]): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  contains(other: DomNode): boolean;
}

/** A parsed HTML document. */
export interface DomDocument {
  readonly childNodes: ArrayLike<DomNode>;
  readonly documentElement: DomElement;
  /** linkedom creates an empty one when the page has none. */
  readonly head: DomElement;
  /** linkedom creates an empty one when the page has none. */
  readonly body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_TYPE_NODE = 10;

/** Parses an HTML string (a full page or a fragment) into a document. */
export function parseHtmlDocument(html: string): DomDocument {
  // A fragment without <html>/<body> would leave linkedom's document without a body.
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as DomDocument;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function tagOf(element: DomElement): string {
  return element.tagName.toLowerCase();
}
