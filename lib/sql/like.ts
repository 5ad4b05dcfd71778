/** Escapes LIKE wildcards so user text matches literally (security.md F2). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
