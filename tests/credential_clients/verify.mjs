// Verifies credentials as a wallet or a verifier would, with the Digital Credentials
// Consortium's libraries: @digitalcredentials/vc, the eddsa-rdfc-2022 cryptosuite, the
// Bitstring Status List checker. Nothing is fetched: every context comes from the npm packages
// (securityLoader), and the issuer's DID document and status lists from the input.
//
// stdin: {"credentials": [...], "documents": {"<url>": <document>}, "now": "<ISO time>",
//         "checkStatus": true|false}
// stdout: [{"verified": bool, "errors": ["..."],
//           "status": {"checked": bool, "listed": bool, "errors": ["..."]} or null}]
import {readFileSync} from 'node:fs';
import * as vc from '@digitalcredentials/vc';
import {DataIntegrityProof} from '@digitalcredentials/data-integrity';
import {cryptosuite} from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import {securityLoader} from '@digitalcredentials/security-document-loader';
import {checkStatus} from '@digitalcredentials/vc-bitstring-status-list';

const input = JSON.parse(readFileSync(0, 'utf8'));
const loader = securityLoader({fetchRemoteContexts: false});
for (const [url, document] of Object.entries(input.documents || {})) {
  loader.addStatic(url, document);
}
const documentLoader = loader.build();
const suite = new DataIntegrityProof({cryptosuite});

function messages(error) {
  if (!error) return [];
  const found = [];
  const walk = e => {
    if (!e) return;
    if (Array.isArray(e)) { e.forEach(walk); return; }
    found.push(String(e.message || e));
    if (e.errors) walk(e.errors);
    if (e.cause) walk(e.cause);
  };
  walk(error);
  return found;
}

const results = [];
for (const credential of input.credentials) {
  try {
    const result = await vc.verifyCredential({
      credential,
      suite,
      documentLoader,
      now: input.now ? new Date(input.now) : undefined,
      checkStatus: input.checkStatus ? checkStatus : undefined,
    });
    const status = result.statusResult;
    results.push({
      verified: Boolean(result.verified),
      errors: messages(result.error).concat(
        (result.results || []).flatMap(r => messages(r.error))),
      // The list read and its proof checked: "listed" says whether the credential's bit is
      // set (revoked); an unreadable or unverified list is an error, not a revocation.
      status: status ? {
        checked: Boolean(status.results),
        listed: Boolean(status.results && status.results.some(r => r.verified === false)),
        errors: messages(status.error),
      } : null,
    });
  } catch (error) {
    results.push({verified: false, errors: messages(error), status: null});
  }
}
process.stdout.write(JSON.stringify(results));
