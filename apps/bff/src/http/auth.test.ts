import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../testing/test-app.js';
import { SessionStore, tokenMatches } from './auth.js';

const TOKEN = 'correct-horse-battery-staple';

function app(readOnly = false) {
  return buildTestApp({
    sessions: new SessionStore(TOKEN),
    info: { mode: 'aws', regions: ['us-east-1'], readOnly, version: '1' },
  });
}

function login(target: ReturnType<typeof app>, token: string) {
  return request(target).post('/api/v1/session').set('x-deckhand-request', '1').send({ token });
}

describe('access token', () => {
  it('refuses every API route without a session', async () => {
    const target = app();
    for (const path of ['/api/v1/health', '/api/v1/clusters']) {
      const response = await request(target).get(path).expect(401);
      expect(response.body.error.code).toBe('unauthorized');
    }
    expect((await request(target).get('/api/v1/session').expect(200)).body).toEqual({
      required: true,
      authenticated: false,
    });
  });

  it('refuses a wrong token', async () => {
    await login(app(), 'wrong').expect(401);
  });

  it('signs in with an HttpOnly SameSite=Strict cookie, and signing out invalidates it', async () => {
    const target = app();
    const response = await login(target, TOKEN).expect(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^deckhand_session=[\w-]{20,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const session = cookie.split(';')[0] ?? '';
    await request(target).get('/api/v1/clusters').set('cookie', session).expect(200);

    await request(target)
      .delete('/api/v1/session')
      .set('cookie', session)
      .set('x-deckhand-request', '1')
      .send({})
      .expect(200);
    await request(target).get('/api/v1/clusters').set('cookie', session).expect(401);
  });

  it('accepts the token as a bearer header for scripts', async () => {
    await request(app()).get('/api/v1/health').set('authorization', `Bearer ${TOKEN}`).expect(200);
    await request(app()).get('/api/v1/health').set('authorization', 'Bearer nope').expect(401);
  });

  it('needs the CSRF header to sign in, and allows signing in in read-only mode', async () => {
    await request(app()).post('/api/v1/session').send({ token: TOKEN }).expect(403);
    await login(app(true), TOKEN).expect(200);
  });

  it('compares tokens in constant time, whatever their length', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches('x', TOKEN)).toBe(false);
  });

  it('expires sessions after twelve hours', () => {
    let now = 0;
    const store = new SessionStore(TOKEN, () => now);
    const id = store.create();
    expect(store.valid(id)).toBe(true);
    now += 12 * 60 * 60 * 1000;
    expect(store.valid(id)).toBe(false);
  });
});
