/** Long free text quoted in a message is cut to a readable length (the finding's path leads to the whole). */
export function excerpt(text: string, maxChars = 40): string {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  return chars.length <= maxChars ? chars.join('') : `${chars.slice(0, maxChars - 1).join('')}…`;
}
