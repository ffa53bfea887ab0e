/**
 * A strict RFC 4180 reader for the CSV jixiao writes (and any well-formed CSV): a leading BOM is skipped,
 * CRLF or LF end records, quoted fields may hold commas, quotes ("") and line breaks. Anything malformed —
 * a quote inside an unquoted field, text after a closing quote, an unterminated quote, rows of different
 * lengths — is refused with the line where it happened, never guessed at: the open-data tests read the
 * published files back through it, so a sloppy file must fail them.
 */

/** The rows of a CSV text, header included, every field as text. */
export function readCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  // Whether the record being read has begun (a last record without a line end still counts).
  let started = false;
  let line = 1;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    if (rows.length > 0 && row.length !== rows[0]?.length) throw new Error(`CSV line ${line}: ${row.length} fields where the header has ${rows[0]?.length}`);
    rows.push(row);
    row = [];
  };
  while (i < source.length) {
    const c = source[i];
    started = true;
    if (c === '"' && field === '') {
      // A quoted field: read up to the closing quote, "" standing for one quote.
      i += 1;
      const opened = line;
      for (;;) {
        if (i >= source.length) throw new Error(`CSV line ${opened}: a quoted field is not closed`);
        const q = source[i];
        if (q === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (q === '\n') line += 1;
        field += q;
        i += 1;
      }
      const next = source[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new Error(`CSV line ${line}: text after a closing quote`);
      continue;
    }
    if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && source[i + 1] !== '\n') throw new Error(`CSV line ${line}: a carriage return without a line feed`);
      endRow();
      i += c === '\r' ? 2 : 1;
      line += 1;
      started = false;
    } else {
      if (c === '"') throw new Error(`CSV line ${line}: a quote inside an unquoted field`);
      field += c;
      i += 1;
    }
  }
  if (started) endRow();
  return rows;
}
