// A small RFC 4180 CSV reader: comma-separated fields, double-quoted fields may hold commas, line breaks and "" for a
// quote; records end in CRLF or LF. Pure and total: a malformed record is reported with its line, never thrown.

export type CsvRecord =
  { readonly line: number; readonly fields: readonly string[] } | { readonly line: number; readonly error: string };

/** The records of a CSV text, each with the line it starts on (1-based). A trailing line break adds no record. */
export function* parseCsv(text: string): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) error ??= 'a quoted field is not closed';
        else if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          error ??= 'text after a closing quote';
          while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') error ??= 'a quote inside an unquoted field';
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    yield error ? { line: start, error } : { line: start, fields };
  }
}

/** One field quoted the RFC 4180 way: in double quotes (quotes doubled) when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record: the fields quoted as needed, joined by commas, ended by CRLF (RFC 4180's line break). */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
