#!/usr/bin/env node
'use strict';
/*
 * Decodes a QR symbol from a PNG with jsQR, a decoder written independently of ZXing, so the
 * Java tests can show a ride code rendered by RideCodeQr is readable by more than the library
 * that drew it.
 *
 *   node qr-decode.js <png path>  -> {"binaryHex":"<raw bytes>","version":<symbol version>}
 *
 * binaryData is taken, never the decoded text: the ride code is binary and a text decode would
 * corrupt bytes >= 0x80. Exit status 1 when no symbol is found, 2 for usage errors.
 */
const fs = require('fs');
const { PNG } = require('pngjs');
const jsQR = require('jsqr');
const { fail } = require('./io');

function main(argv) {
  if (argv.length !== 1) fail('usage: qr-decode.js <png path>');
  const png = PNG.sync.read(fs.readFileSync(argv[0]));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width, png.height, { inversionAttempts: 'dontInvert' });
  if (!code) {
    process.stderr.write('no QR symbol found in ' + argv[0] + '\n');
    process.exit(1);
  }
  const ecis = code.chunks.filter((chunk) => chunk.type === 'eci').map((chunk) => chunk.assignmentNumber);
  return { binaryHex: Buffer.from(code.binaryData).toString('hex'), version: code.version, eci: ecis };
}

try {
  process.stdout.write(JSON.stringify(main(process.argv.slice(2))) + '\n');
} catch (error) {
  fail(error && error.message ? error.message : String(error));
}
