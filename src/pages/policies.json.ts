/** /policies.json: the manifest apps read (see docs/app-integration.md). */
import site from 'virtual:legal-site/model';
import output from 'virtual:legal-site/output';
import { buildManifest } from '../model/manifest.ts';

export function GET(): Response {
  return new Response(`${JSON.stringify(buildManifest(site, { pdf: output.pdf }), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
