/**
 * Element builder for the speaker window: creates nodes in the popup's own document and puts text
 * in as text nodes, never markup. (The widgets' `h()` builds in the deck's document and tests
 * children with the deck's `Node`, which popup nodes are not.)
 */
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | number | null | undefined | false;

/** `el(tag, attrs, ...children)` bound to one document. */
export type ElementFactory = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
) => HTMLElementTagNameMap[K];

/** An element factory for `doc`. */
export function elementsIn(doc: Document): ElementFactory {
  return (tag, attrs, ...children) => {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(attrs ?? {})) {
      if (value === undefined || value === false) continue;
      node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'object' ? child : doc.createTextNode(String(child)));
    }
    return node;
  };
}
