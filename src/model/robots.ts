/**
 * /robots.txt: crawlers may read every public page, and are told where the
 * sitemap is; they keep out of /webview/, the light copies of the policy
 * pages for apps (whose hosted pages are the ones to find in search).
 */
import { absoluteUrl, link } from '../routing.ts';
import type { SiteModel } from './types.ts';

export function buildRobotsTxt(site: SiteModel): string {
  return ['User-agent: *', `Disallow: ${link(site, '/webview/')}`, '', `Sitemap: ${absoluteUrl(site, '/sitemap.xml')}`, ''].join('\n');
}
