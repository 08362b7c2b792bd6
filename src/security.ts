/**
 * The Content Security Policy of every page: nothing is allowed but the
 * site's own stylesheet. Pages carry it in a meta tag; public/_headers
 * repeats it (with frame-ancestors and HSTS, which only headers can carry),
 * and a test keeps the two equal.
 */
export const contentSecurityPolicy = "default-src 'none'; style-src 'self'";
