// Verifies one webhook delivery with the Standard Webhooks reference library (npm `standardwebhooks`), which
// shares no code with paygo: the receiver's side of the contract.
// Usage: node verify-webhook.mjs '<request JSON>'   request: {"secret": "whsec_...", "headers": {...}, "body": "..."}
// Output: {"ok": true, "payload": ...} or {"ok": false, "error": "..."}
import { Webhook } from 'standardwebhooks';

const request = JSON.parse(process.argv[2]);
try {
  const payload = new Webhook(request.secret).verify(request.body, request.headers);
  console.log(JSON.stringify({ ok: true, payload }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: `${e.constructor?.name}: ${e.message}` }));
}
