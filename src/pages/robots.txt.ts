/** /robots.txt (see src/model/robots.ts). */
import site from 'virtual:legal-site/model';
import { buildRobotsTxt } from '../model/robots.ts';

export function GET(): Response {
  return new Response(buildRobotsTxt(site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
