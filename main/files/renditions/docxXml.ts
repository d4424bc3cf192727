/**
 * WordprocessingML XML helpers for the .docx reader: elements and attributes by local
 * name, because namespace prefixes vary between producers.
 */
import type { Element as XElement, Node as XNode } from '@xmldom/xmldom';

export const children = (el: XNode): XElement[] => {
  const out: XElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XElement);
  return out;
};
export const first = (el: XNode, name: string): XElement | null => children(el).find((c) => c.localName === name) ?? null;
export const attr = (el: XElement | null, name: string): string | null => {
  if (!el) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.localName === name) return a.value;
  }
  return null;
};
export const descendants = (el: XNode, name: string): XElement[] => {
  const out: XElement[] = [];
  const walk = (n: XNode) => {
    for (const c of children(n)) {
      if (c.localName === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
};
