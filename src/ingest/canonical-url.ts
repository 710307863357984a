/** One spelling per page, so the same article reached by two links is recognised as one. */

/** Query parameters that only track the click, never choose the page. */
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign|ref|ref_src|_ga)$/i;

/** Lower-case host, no fragment, no tracking parameters, no default port; http(s) only, else null. */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  return url.href;
}
