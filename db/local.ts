/** Whether a database URL points at this machine: the demo seed and the tests write only there. */
export function isLocalDatabase(url: string): boolean {
  return ["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(url).hostname);
}
