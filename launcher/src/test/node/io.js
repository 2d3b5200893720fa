'use strict';
/* Shared plumbing for the CLI scripts: stdin, hex, and failing with a usage status. */

/** Reads all of stdin as text. */
function readStdin() {
  return new Promise((resolve, reject) => {
    const parts = [];
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (part) => parts.push(part));
    process.stdin.on('end', () => resolve(parts.join('')));
    process.stdin.on('error', reject);
  });
}

/** Hex text (whitespace ignored) to a plain array of byte values; rejects anything that is not whole bytes. */
function hexBytes(text) {
  const hex = text.replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) fail('expected hex bytes on stdin');
  return Array.from(Buffer.from(hex, 'hex'));
}

/** Writes the reason to stderr and exits with status 2, which the Java side reports as a broken call. */
function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}

module.exports = { readStdin, hexBytes, fail };
