import "server-only";
import { stringify } from "csv-stringify/sync";
import { Readable } from "node:stream";

/** Rows per piece of the response: big enough that writes are few, small enough that memory stays flat. */
const ROWS_PER_CHUNK = 1_000;

/**
 * A CSV as a stream of text. Rows are turned into text a thousand at a time: handing the
 * response one row at a time made 100,000 writes through three streams, which cost more than
 * reading the rows (bench/README.md). Only one chunk is ever held in memory.
 */
export function csvStream(rows: AsyncIterable<string[]>, columns: readonly string[]): Readable {
  async function* chunks() {
    // The byte-order mark lets spreadsheet programs read UTF-8 names correctly.
    yield `\ufeff${stringify([[...columns]])}`;
    let batch: string[][] = [];
    for await (const row of rows) {
      batch.push(row);
      if (batch.length === ROWS_PER_CHUNK) {
        yield stringify(batch);
        batch = [];
      }
    }
    if (batch.length) yield stringify(batch);
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** A streamed CSV download. */
export function csvResponse(rows: AsyncIterable<string[]>, options: { columns: readonly string[]; filename: string }): Response {
  return new Response(Readable.toWeb(csvStream(rows, options.columns)) as ReadableStream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${options.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
