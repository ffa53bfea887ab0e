/** A multipart/form-data body with one file, as a browser would send it. */
export function multipartFile(fileName: string, content: Uint8Array | string, contentType = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----jixiao-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A multipart/form-data body with text fields (first) and several files under one field name. */
export function multipartBatch(fields: Readonly<Record<string, string>>, files: readonly { name: string; bytes: Uint8Array }[], fileField = 'files'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----jixiao-test-batch';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
