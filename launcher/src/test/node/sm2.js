#!/usr/bin/env node
'use strict';
/*
 * SM2 through sm-crypto, the library WeChat mini-programs use, so the Java tests can check that
 * ride-code signatures made by SmCrypto (Bouncy Castle) verify here and the reverse.
 *
 *   node sm2.js keygen                      -> {"privateKey":"<64 hex>","publicKey":"<66 hex, 02/03>"}
 *   node sm2.js sign <privHex>              message hex on stdin -> {"signature":"<128 hex r||s>"}
 *   node sm2.js verify <pubHex33> <sigHex>  message hex on stdin -> true | false
 *
 * Messages travel as hex and are handed to sm-crypto as a byte array: a JS string would be
 * UTF-8 encoded first and sign different bytes. SM3 with the default user id
 * "1234567812345678" is asked for explicitly (hash: true), and der: false gives raw r||s.
 * Usage errors exit with status 2 and a message on stderr.
 */
const { sm2 } = require('sm-crypto');
const { hexBytes, readStdin, fail } = require('./io');

const COMPRESSED_KEY = /^0[23][0-9a-fA-F]{64}$/;
const PRIVATE_KEY = /^[0-9a-fA-F]{64}$/;
const SIGNATURE = /^[0-9a-fA-F]{128}$/;

function keygen() {
  const pair = sm2.generateKeyPairHex();
  return { privateKey: pair.privateKey, publicKey: sm2.compressPublicKeyHex(pair.publicKey) };
}

function sign(privateKey, message) {
  if (!PRIVATE_KEY.test(privateKey || '')) fail('private key must be 64 hex digits');
  const signature = sm2.doSignature(message, privateKey.toLowerCase(), { hash: true, der: false });
  return { signature };
}

function verify(publicKey, signature, message) {
  if (!COMPRESSED_KEY.test(publicKey || '')) fail('public key must be 33 bytes compressed (02/03 + 64 hex digits)');
  // A malformed signature is a bad signature, as in SmCrypto.verify: answer false, do not fail.
  if (!SIGNATURE.test(signature || '')) return false;
  return sm2.doVerifySignature(message, signature.toLowerCase(), publicKey.toLowerCase(), { hash: true, der: false });
}

async function main(argv) {
  const [command, ...args] = argv;
  switch (command) {
    case 'keygen':
      return keygen();
    case 'sign':
      return sign(args[0], hexBytes(await readStdin()));
    case 'verify':
      return verify(args[0], args[1], hexBytes(await readStdin()));
    default:
      return fail('usage: sm2.js keygen | sign <privHex> | verify <pubHexCompressed> <sigHex>');
  }
}

main(process.argv.slice(2)).then(
  (result) => process.stdout.write(JSON.stringify(result) + '\n'),
  (error) => fail(error && error.message ? error.message : String(error)),
);
