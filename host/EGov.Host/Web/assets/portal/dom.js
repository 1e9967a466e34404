// Appending a view's parts: conditional parts are null and groups are arrays, which Element.append would write out
// as the text "null" or "[object HTMLElement]".
export function put(parent, ...children) {
  parent.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return parent;
}
