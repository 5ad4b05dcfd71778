import "server-only";

// A keyset cursor travels in the URL as opaque text: JSON in base64url. Each list checks the
// decoded value itself, since only it knows what a valid position looks like.

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** The value a cursor holds, or null for text that is none (a malformed cursor means "first page"). */
export function decodeCursor(raw: string): unknown {
  try {
    return JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
  } catch {
    return null;
  }
}
