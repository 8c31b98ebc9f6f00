import { afterEach, describe, expect, it } from 'vitest';
import { cspNonce } from './csp-nonce';

describe('cspNonce', () => {
  afterEach(() => {
    document.head.querySelector('meta[name="csp-nonce"]')?.remove();
  });
  const meta = (content: string) => {
    const element = document.createElement('meta');
    element.name = 'csp-nonce';
    element.content = content;
    document.head.append(element);
  };

  it('reads the nonce the server wrote into the page', () => {
    meta('q1w2e3r4t5y6u7i8o9p0aa==');
    expect(cspNonce()).toBe('q1w2e3r4t5y6u7i8o9p0aa==');
  });

  it('is undefined without the tag, or with the placeholder the dev server leaves', () => {
    expect(cspNonce()).toBeUndefined();
    meta('__CSP_NONCE__');
    expect(cspNonce()).toBeUndefined();
  });
});
