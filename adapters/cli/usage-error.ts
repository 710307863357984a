/** Bad command-line usage: reported on stderr with exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
