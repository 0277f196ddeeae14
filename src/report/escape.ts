const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML and XML, in element content and in quoted attribute values alike, so a
 * tweet such as `<img src=x onerror=…>` shows as text. Every string from a tweet, the config or
 * the archive goes through here before it reaches HTML or SVG output.
 */
export function escapeHtml(text: string): string {
  // Control characters other than tab and newline are not allowed in XML, so an SVG with one
  // would not open; they carry no meaning in a tweet, so they become spaces.

  return text
    .replace(/[&<>"']/gu, (char) => HTML_ESCAPES[char] ?? char)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu, ' ');
}
