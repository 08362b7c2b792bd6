/**
 * The Content Security Policy of every page: nothing is allowed but the
 * site's own stylesheet, and connections to the site itself. No script can
 * run, so `connect-src 'self'` lets nothing on the page connect anywhere; it
 * is there because Chrome applies the page's policy to the requests that
 * Lighthouse and DevTools make from the page, such as reading /robots.txt
 * (without it, Lighthouse reports robots.txt as invalid). Pages carry it in
 * a meta tag; public/_headers repeats it (with frame-ancestors and HSTS,
 * which only headers can carry), and a test keeps the two equal.
 */
export const contentSecurityPolicy = "default-src 'none'; style-src 'self'; connect-src 'self'";
