import { describe, expect, it } from 'vitest';
import {
  type DigestChallenge,
  digestAuthorization,
  digestResponse,
  parseAuthenticate,
  parseDigestChallenge,
} from '../../src/shared/store/remote/digest.js';

/** Authorization header fields, unquoted. */
function fields(header: string): Record<string, string> {
  expect(header.startsWith('Digest ')).toBe(true);
  return parseAuthenticate(header.replace(/^Digest /, 'X '))[0]?.params ?? {};
}

describe('HTTP Digest (RFC 2617 / RFC 7616)', () => {
  it('computes the RFC 2617 §3.5 example response', () => {
    const challenge = parseDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    expect(challenge).toEqual({
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
      algorithm: 'MD5',
      qop: ['auth', 'auth-int'],
      stale: false,
      userhash: false,
    });
    const header = digestAuthorization({
      username: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      challenge: challenge as DigestChallenge,
      nc: 1,
      cnonce: '0a4f113b',
    });
    expect(fields(header)).toEqual({
      username: 'Mufasa',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      uri: '/dir/index.html',
      algorithm: 'MD5',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
      response: '6629fae49393a05397450978507c4ef1',
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
    });
  });

  it('computes the RFC 7616 §3.9.1 examples (MD5 and SHA-256)', () => {
    const base = {
      username: 'Mufasa',
      password: 'Circle of Life',
      method: 'GET',
      uri: '/dir/index.html',
      nc: 1,
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
      qop: 'auth',
    };
    const challenge = (algorithm: string): DigestChallenge => ({
      realm: 'http-auth@example.org',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
      algorithm,
      qop: ['auth', 'auth-int'],
      stale: false,
      userhash: false,
    });
    expect(digestResponse({ ...base, challenge: challenge('MD5') })).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(digestResponse({ ...base, challenge: challenge('SHA-256') })).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });

  it('parses the challenge Virtuoso sends, also when offered next to Basic', () => {
    const virtuoso =
      'Digest realm="SPARQL", domain="/sparql-auth", nonce="295077dff76828977bd51eac612f9576", opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5"';
    expect(parseDigestChallenge(virtuoso)).toMatchObject({ realm: 'SPARQL', algorithm: 'MD5', qop: ['auth'], stale: false });
    expect(parseDigestChallenge(`Basic realm="x", ${virtuoso}`)?.nonce).toBe('295077dff76828977bd51eac612f9576');
    expect(parseDigestChallenge('Digest realm="r", nonce="n", stale=TRUE')?.stale).toBe(true);
    expect(parseDigestChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseAuthenticate('Digest realm="a \\"quoted\\" realm", nonce="n"')[0]?.params.realm).toBe('a "quoted" realm');
  });

  it('increments nc, quotes usernames safely and omits qop fields for RFC 2069 servers', () => {
    const ch: DigestChallenge = { realm: 'r', nonce: 'n', algorithm: 'MD5', qop: ['auth'], stale: false, userhash: false };
    const f = fields(digestAuthorization({ username: 'a"b\\c', password: 'p', method: 'POST', uri: '/sparql-auth', challenge: ch, nc: 26 }));
    expect(f.nc).toBe('0000001a');
    expect(f.username).toBe('a"b\\c');
    expect(f.cnonce).toMatch(/^[0-9a-f]{32}$/);

    const legacy = fields(digestAuthorization({ username: 'u', password: 'p', method: 'GET', uri: '/', challenge: { ...ch, qop: [] }, nc: 1 }));
    expect(legacy.qop).toBeUndefined();
    expect(legacy.nc).toBeUndefined();
  });

  it('refuses what it cannot do', () => {
    const ch: DigestChallenge = { realm: 'r', nonce: 'n', algorithm: 'MD5', qop: ['auth-int'], stale: false, userhash: false };
    expect(() => digestAuthorization({ username: 'u', password: 'p', method: 'POST', uri: '/', challenge: ch, nc: 1 })).toThrow(/qop/);
    expect(() =>
      digestAuthorization({ username: 'u', password: 'p', method: 'POST', uri: '/', challenge: { ...ch, qop: ['auth'], algorithm: 'SHA-512-256' }, nc: 1 }),
    ).toThrow(/algorithm/);
  });
});
