/**
 * Escaping text for HTML: every character that could open markup or end an attribute is replaced, so
 * whatever a department typed (`<img src=x onerror=alert(1)>`) prints as text and never runs.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ENTITIES[ch] ?? ch);
}
