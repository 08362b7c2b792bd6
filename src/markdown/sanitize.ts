/**
 * The sanitizer schema: the only elements and attributes clause HTML may
 * have. It is the last line of defence after remark-content-rules, so even a
 * bug upstream cannot put a script, an event handler or a `javascript:` URL
 * on a page.
 */
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { linkProtocols } from '../schema/common.ts';
import { flagClass, flagKinds } from '../schema/policy-text.ts';

export const sanitizeSchema: SanitizeSchema = {
  strip: ['script', 'style'],
  tagNames: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'hr'],
  attributes: {
    a: ['href'],
    ol: ['start'],
    strong: [['className', ...flagKinds.map(flagClass)]],
  },
  protocols: { href: [...linkProtocols] },
  allowComments: false,
  allowDoctypes: false,
};
