/** Escaping for the three places the report puts text: HTML, JSON inside a script element, and attributes. */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values: nothing in it can open a tag or end a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}

/**
 * JSON to place inside <script type="application/json">: `<` as \u003c so no `</script`
 * or `<!--` can end or confuse the element; JSON.parse reads it back unchanged. U+2028
 * and U+2029 are escaped too, for readers that treat the text as JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
