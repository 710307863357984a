/** Where a DATABASE_URL points, for messages and /healthz-adjacent output: never its credentials. */
export function describeDatabaseUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return "PostgreSQL (DATABASE_URL cannot be read as a URL)";
  }
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "(default database)";
  return `${host}:${url.port || "5432"}/${database}`;
}
