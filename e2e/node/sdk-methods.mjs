// Tells which methods an SDK version has, without calling them.
// Usage: node sdk-methods.mjs <package> '["billing.profiles.get", ...]'
// Output: {"billing.profiles.get": true, ...}
const { default: Cloudflare } = await import(process.argv[2]);
const client = new Cloudflare({ apiToken: 'unused', baseURL: 'http://127.0.0.1:9' });
const found = {};
for (const method of JSON.parse(process.argv[3])) {
  let target = client;
  for (const part of method.split('.')) target = target == null ? undefined : target[part];
  found[method] = typeof target === 'function';
}
console.log(JSON.stringify(found));
