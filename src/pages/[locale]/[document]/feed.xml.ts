/** /<locale>/<document>/feed.xml: an Atom feed of the document's versions. */
import site from 'virtual:legal-site/model';
import { buildFeed } from '../../../model/feed.ts';
import { historyPaths, type HistoryPageProps } from '../../../routing.ts';

export function getStaticPaths() {
  return historyPaths(site);
}

export function GET({ props }: { props: HistoryPageProps }): Response {
  return new Response(buildFeed(props.site, props.locale, props.document), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
