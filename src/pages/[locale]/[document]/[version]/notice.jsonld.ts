/** /<locale>/<document>/<YYYY-MM-DD>/notice.jsonld: the version's notice as W3C DPV JSON-LD (docs/app-stores.md). */
import site from 'virtual:legal-site/model';
import { noticeJsonLdPaths } from '../../../../routing.ts';

export function getStaticPaths() {
  return noticeJsonLdPaths(site);
}

export function GET({ props }: { props: { notice: Record<string, unknown> } }): Response {
  return new Response(`${JSON.stringify(props.notice, null, 2)}\n`, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
}
