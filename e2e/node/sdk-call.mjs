// Calls one method of Cloudflare's official SDK against a paygo server and prints the outcome as JSON.
// Usage: node sdk-call.mjs '<request JSON>'
//   request: {"package": "cloudflare", "baseURL": "...", "auth": {"apiToken": "..."} | {"apiEmail": "...",
//             "apiKey": "..."} | {}, "method": "billing.profiles.get", "args": [...], "iterate": false}
//   args are the method's arguments (default: none); iterate collects every item of a paginated list.
// Output: {"ok": true, "result": ...} or {"ok": false, "error": {"name", "status", "errors", "message"}}
const request = JSON.parse(process.argv[2]);
const { default: Cloudflare } = await import(request.package ?? 'cloudflare');

const auth = request.auth ?? {};
const options = { baseURL: request.baseURL, maxRetries: 0, timeout: 30_000,
  apiToken: auth.apiToken ?? null, apiEmail: auth.apiEmail ?? null, apiKey: auth.apiKey ?? null };
const args = [...(request.args ?? [])];
if (!auth.apiToken && !auth.apiEmail && !auth.apiKey) {
  // No credentials at all: tell the SDK (in the request options, after the method's own arguments) that
  // the header is left out on purpose, so the request goes out bare.
  args.push({ headers: { authorization: null } });
}
const client = new Cloudflare(options);

let target = client;
const path = request.method.split('.');
const name = path.pop();
for (const part of path) target = target[part];

try {
  const call = target[name](...args);
  let result;
  if (request.iterate) {
    result = [];
    for await (const item of call) result.push(item);
  } else {
    result = await call;
  }
  console.log(JSON.stringify({ ok: true, result }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: {
    name: e.constructor?.name, status: e.status ?? null, errors: e.errors ?? null, message: e.message } }));
}
