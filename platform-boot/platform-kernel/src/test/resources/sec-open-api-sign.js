// Not used by Maven; run with NODE_PATH pointing at a node_modules that contains sm-crypto.
// HeatDesk open API signing, reference implementation with sm-crypto (see docs/security.md)
const sm3 = require('sm-crypto').sm3;
const utf8ToHex = s => Buffer.from(s, 'utf8').toString('hex');
function canonicalQuery(q) {
  if (!q) return '';
  return q.split('&').filter(p => p).map(p => { const i = p.indexOf('='); return i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)]; })
    .sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => k + '=' + v).join('&');
}
function sign(secret, method, pathWithQuery, body, ts, nonce) {
  const [path, query] = pathWithQuery.split(/\?(.*)/s);
  const bodyHash = sm3(body ? Buffer.from(body, 'utf8').toString('hex').match(/../g).map(h => parseInt(h, 16)) : []);
  const canonical = [method.toUpperCase(), path, canonicalQuery(query), String(ts), nonce, bodyHash].join('\n');
  return { canonical, signature: sm3(canonical, { key: utf8ToHex(secret) }) };
}
module.exports = { sign, canonicalQuery };
if (require.main === module) {
  const r = sign('5f3c9a0e7b2d4c61a8e9f0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1', 'POST',
    '/api/open/v1/tickets?source=12345&b=2&a=1', '{"phone":"13800138000","content":"暖气不热"}', 1717200000000, 'n0nce-2024-abcdef');
  console.log(JSON.stringify(r));
  console.log(JSON.stringify(sign('s3cret-key-for-get', 'get', '/api/open/v1/ping', '', 1717200000123, 'abcdefgh')));
}
