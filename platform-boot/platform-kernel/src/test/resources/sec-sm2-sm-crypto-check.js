// Cross-checks HeatDesk's SM2 (Java, BouncyCastle) against the browser library sm-crypto.
// Not run by Maven unless -Dheatdesk.smcrypto.dir=<dir containing node_modules/sm-crypto> is given
// (see Sm2SmCryptoInteropTest). Manual use:
//   cd /tmp && npm install sm-crypto
//   NODE_PATH=/tmp/node_modules node sec-sm2-sm-crypto-check.js --generate        # new JS->Java vectors
//   NODE_PATH=/tmp/node_modules node sec-sm2-sm-crypto-check.js java-ciphers.json # decrypt Java output
// java-ciphers.json: {"privateKey": "<hex>", "items": [{"plaintext": "...", "hex": "<C1C3C2 hex, with or without 04>"}]}
const fs = require('fs');
const sm2 = require('sm-crypto').sm2;
const arg = process.argv[2];
if (arg === '--generate') {
  const kp = sm2.generateKeyPairHex();
  const msgs = ['a', '13800138000', '张三 北京市朝阳区建国路1号院', 'HeatDesk@2024!密码'];
  console.log(JSON.stringify({
    privateKey: kp.privateKey, publicKey: kp.publicKey,
    vectors: msgs.map(m => ({ plaintext: m, c1c3c2: sm2.doEncrypt(m, kp.publicKey, 1) }))
  }, null, 2));
  process.exit(0);
}
const input = JSON.parse(fs.readFileSync(arg, 'utf8'));
let failures = 0;
for (const item of input.items) {
  // sm-crypto expects C1 without the 04 prefix
  const hex = item.hex.length % 2 === 0 && item.withPrefix ? item.hex.substring(2) : item.hex;
  const plain = sm2.doDecrypt(hex, input.privateKey, 1);
  const ok = plain === item.plaintext;
  if (!ok) failures++;
  console.log((ok ? 'OK   ' : 'FAIL ') + JSON.stringify(item.plaintext));
}
console.log(failures === 0 ? 'ALL OK' : failures + ' FAILED');
process.exit(failures === 0 ? 0 : 1);
