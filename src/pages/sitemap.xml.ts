/** /sitemap.xml: every public page, with its other-language versions. */
import site from 'virtual:legal-site/model';
import { buildSitemap } from '../model/sitemap.ts';

export function GET(): Response {
  return new Response(buildSitemap(site), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
