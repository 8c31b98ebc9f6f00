/**
 * The CSP nonce the server wrote into index.html for this page load (`<meta name="csp-nonce">`):
 * what a `<style>` element created at run time must carry under Deckhand's `style-src`.
 * Undefined under the dev server, which sends no CSP and leaves the placeholder in place.
 */
export function cspNonce(doc: Document = document): string | undefined {
  const value = doc.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
  return value === '' || value.startsWith('__') ? undefined : value;
}
