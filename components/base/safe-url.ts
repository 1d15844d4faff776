/** Links built from configuration or server data may only point to http(s) (no `javascript:` URLs). */

/** The URL when it is http(s) or relative, else undefined (the link is then not rendered). */
export function safeUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
