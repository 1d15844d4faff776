/** Downloads behind the session (receipt PDFs): a plain link on the same origin, fetched with the bearer token across origins. */
import type { ApiClient } from '../api/api-client.js';

/** Click handler of a download link: across origins the file is fetched with the token and saved from a blob URL. */
export async function downloadLink(client: ApiClient, e: Event): Promise<void> {
  if (!client.crossOrigin) return; // same origin: the link carries the session cookie
  e.preventDefault();
  const link = e.currentTarget as HTMLAnchorElement;
  const url = URL.createObjectURL(await client.download(link.href));
  const a = Object.assign(document.createElement('a'), { href: url, download: link.download });
  (link.getRootNode() as Node).appendChild(a).click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
