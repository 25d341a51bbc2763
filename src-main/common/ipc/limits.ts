/**
 * Size limits of what crosses the boundary, in UTF-8 bytes: what a file weighs on disk and what the WebSocket
 * counts. (A limit in characters did not hold: 3M Chinese characters are 9 MB.) The contract, the renderer's
 * file check and the browser host's socket all read them from here.
 */

/** Largest policy file (a 20k-person snapshot is a few MB of YAML). */
export const MAX_POLICY_FILE_BYTES = 6 * 1024 * 1024;

/**
 * Largest WebSocket message the browser host accepts. A policy file travels as a JSON string, where every `"`,
 * `\` and line break takes two bytes, so a file at the limit can need twice its size; 1 MiB more covers the
 * envelope. (Other C0 control characters take six bytes, but YAML does not allow them: the renderer's
 * transport refuses such a request before sending it rather than letting the socket close.)
 */
export const MAX_WIRE_MESSAGE_BYTES = 2 * MAX_POLICY_FILE_BYTES + 1024 * 1024;

/** UTF-8 length of a string without encoding it (works the same in Node and the browser). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one code point of four bytes
      i++;
    } else bytes += 3; // the rest of the BMP; a lone surrogate is sent as U+FFFD, also three bytes
  }
  return bytes;
}

/** Megabytes with one decimal, rounded up (a file one byte over 6 MB must not read "6.0 MB"), for people. */
export function megabytes(bytes: number): string {
  return (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);
}
