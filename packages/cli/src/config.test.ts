import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, resolveStartConfig } from './config.ts';

describe('start configuration', () => {
  test('defaults: port 3000, ./data, all roles, demo on', () => {
    const config = resolveStartConfig({}, {});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, './data');
    assert.equal(config.databaseUrl, undefined);
    assert.deepEqual(config.roles, ['web', 'router', 'worker']);
    assert.equal(config.demo, true);
  });

  test('flags win over the environment', () => {
    const config = resolveStartConfig(
      { port: '0', roles: 'web' },
      { PORT: '8080', SWITCHBOARD_ROLES: 'router' },
    );
    assert.equal(config.port, 0);
    assert.deepEqual(config.roles, ['web']);
  });

  test('the environment configures every setting', () => {
    const config = resolveStartConfig(
      {},
      {
        PORT: '8080',
        SWITCHBOARD_DATA: '/var/lib/switchboard',
        DATABASE_URL: 'postgres://db/switchboard',
        SWITCHBOARD_ADMIN_PASSWORD: 'long enough',
        SWITCHBOARD_DEMO: '0',
        SWITCHBOARD_ROLES: 'web, worker',
        SWITCHBOARD_MASTER_KEY: 'a-key',
        SWITCHBOARD_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
        SWITCHBOARD_SIGNIN_ADDRESS_FAILURES: '200',
        LOG_FORMAT: 'pretty',
      },
    );
    const {
      connections: _connections,
      metricsToken: _metricsToken,
      sip: _sip,
      rtpPorts: _rtpPorts,
      ...rest
    } = config;
    assert.deepEqual(
      { ...rest, host: undefined, logLevel: undefined },
      {
        port: 8080,
        host: undefined,
        logLevel: undefined,
        dataDir: '/var/lib/switchboard',
        databaseUrl: 'postgres://db/switchboard',
        adminPassword: 'long enough',
        demo: false,
        roles: ['web', 'worker'],
        masterKey: 'a-key',
        trustProxy: ['10.0.0.0/8', '127.0.0.1'],
        signInAddressFailures: 200,
        logFormat: 'pretty',
      },
    );
  });

  test('trusted proxies: none by default, a hop count or addresses; trusting everyone is refused', () => {
    assert.equal(resolveStartConfig({}, {}).trustProxy, false);
    assert.equal(resolveStartConfig({ trustProxy: '1' }, {}).trustProxy, 1);
    assert.deepEqual(resolveStartConfig({}, { SWITCHBOARD_TRUST_PROXY: 'loopback' }).trustProxy, [
      'loopback',
    ]);
    assert.throws(() => resolveStartConfig({ trustProxy: 'true' }, {}), /number of proxy hops/);
    assert.throws(() => resolveStartConfig({}, { SWITCHBOARD_SIGNIN_ADDRESS_FAILURES: '2' }), /at least 5/);
  });

  test('log format: for people on a terminal, JSON lines otherwise, or as set', () => {
    assert.equal(resolveStartConfig({}, {}, true).logFormat, 'pretty');
    assert.equal(resolveStartConfig({}, {}, false).logFormat, 'json');
    assert.equal(resolveStartConfig({}, { LOG_FORMAT: 'json' }, true).logFormat, 'json');
    assert.equal(resolveStartConfig({ logFormat: 'pretty' }, { LOG_FORMAT: 'json' }).logFormat, 'pretty');
    assert.throws(() => resolveStartConfig({}, { LOG_FORMAT: 'xml' }), /LOG_FORMAT must be json or pretty/);
  });

  test('bad values are refused with a message that says what to fix', () => {
    assert.throws(() => resolveStartConfig({ port: 'http' }, {}), ConfigError);
    assert.throws(() => resolveStartConfig({ port: '70000' }, {}), /0–65535/);
    assert.throws(() => resolveStartConfig({}, { SWITCHBOARD_DEMO: 'yes' }), /0 or 1/);
    assert.throws(() => resolveStartConfig({}, { SWITCHBOARD_ROLES: 'web,cook' }), /web, router, worker/);
    assert.throws(() => resolveStartConfig({}, { SWITCHBOARD_ADMIN_PASSWORD: 'short' }), /8 to 128/);
  });

  test('connection caps and the metrics token: defaults, environment, flags', () => {
    const defaults = resolveStartConfig({}, {});
    assert.deepEqual(defaults.connections, { maxConnections: 10_000, maxConnectionsPerClient: 256 });
    assert.equal(defaults.metricsToken, undefined);
    const env = {
      SWITCHBOARD_MAX_CONNECTIONS: '500',
      SWITCHBOARD_MAX_CONNECTIONS_PER_CLIENT: '0',
      SWITCHBOARD_METRICS_TOKEN: 'scrape-me',
    };
    const fromEnv = resolveStartConfig({}, env);
    assert.deepEqual(fromEnv.connections, { maxConnections: 500, maxConnectionsPerClient: 0 });
    assert.equal(fromEnv.metricsToken, 'scrape-me');
    const fromFlags = resolveStartConfig({ maxConnectionsPerClient: '64', metricsToken: 'flag' }, env);
    assert.equal(fromFlags.connections.maxConnectionsPerClient, 64);
    assert.equal(fromFlags.metricsToken, 'flag');
    assert.throws(() => resolveStartConfig({}, { SWITCHBOARD_MAX_CONNECTIONS: '0' }), /from 1 to 1000000/);
    assert.throws(() => resolveStartConfig({ maxConnectionsPerClient: '-1' }, {}), /PER_CLIENT must be/);
  });

  test('SIP: off unless an address and port of this machine are given', () => {
    assert.equal(resolveStartConfig({}, {}).sip, undefined);
    assert.deepEqual(resolveStartConfig({}, { SWITCHBOARD_SIP: '192.0.2.10:5060' }).sip, {
      address: '192.0.2.10',
      port: 5060,
      trunks: [],
    });
    assert.deepEqual(resolveStartConfig({ sip: '[2001:db8::10]:5070' }, {}).sip, {
      address: '2001:db8::10',
      port: 5070,
      trunks: [],
    });
    for (const bad of ['5060', 'sip.example.com:5060', '192.0.2.10', '192.0.2.10:0', '192.0.2.10:70000'])
      assert.throws(() => resolveStartConfig({}, { SWITCHBOARD_SIP: bad }), /like 192.0.2.10:5060/, bad);
    assert.throws(() => resolveStartConfig({}, { SWITCHBOARD_SIP: '0.0.0.0:5060' }), /own address/);
  });

  test('RTP ports: a range of at least ten from 1024; unset, any', () => {
    assert.equal(resolveStartConfig({}, {}).rtpPorts, undefined);
    assert.deepEqual(resolveStartConfig({}, { SWITCHBOARD_RTP_PORTS: '10000-20000' }).rtpPorts, {
      min: 10000,
      max: 20000,
    });
    for (const bad of ['10000', '20000-10000', '80-2000', '10000-10005', '10000-70000', 'a-b'])
      assert.throws(() => resolveStartConfig({ rtpPorts: bad }, {}), /at least 10 UDP ports/, bad);
  });

  test('SIP trunks: names with addresses and ports, the first for outbound calls; refused without SIP', () => {
    const sip = resolveStartConfig(
      { sipTrunks: 'carrier=203.0.113.5:5060, pbx=198.51.100.7:5070' },
      { SWITCHBOARD_SIP: '192.0.2.10:5060' },
    ).sip;
    assert.deepEqual(sip?.trunks, [
      { name: 'carrier', address: '203.0.113.5', port: 5060 },
      { name: 'pbx', address: '198.51.100.7', port: 5070 },
    ]);
    assert.throws(
      () =>
        resolveStartConfig({ sipTrunks: 'pbx=[2001:db8::5]:5070' }, { SWITCHBOARD_SIP: '192.0.2.10:5060' }),
      /takes IPv4 addresses/,
    );
    const env = { SWITCHBOARD_SIP: '192.0.2.10:5060' };
    for (const bad of ['carrier', 'carrier=sip.example.com:5060', '=203.0.113.5:5060', 'a=203.0.113.5'])
      assert.throws(
        () => resolveStartConfig({}, { ...env, SWITCHBOARD_SIP_TRUNKS: bad }),
        /not a name=address:port/,
        bad,
      );
    assert.throws(
      () =>
        resolveStartConfig({}, { ...env, SWITCHBOARD_SIP_TRUNKS: 'a=203.0.113.5:5060,a=203.0.113.6:5060' }),
      /"a" twice/,
    );
    assert.throws(
      () => resolveStartConfig({}, { SWITCHBOARD_SIP_TRUNKS: 'a=203.0.113.5:5060' }),
      /needs SWITCHBOARD_SIP/,
    );
  });

  test('SIP trunk credentials: from the environment only, per trunk, percent-encoded; never repeated in an error', () => {
    const env = {
      SWITCHBOARD_SIP: '192.0.2.10:5060',
      SWITCHBOARD_SIP_TRUNKS: 'carrier=203.0.113.5:5060,pbx=198.51.100.7:5070',
    };
    const sip = resolveStartConfig(
      {},
      { ...env, SWITCHBOARD_SIP_TRUNK_CREDENTIALS: 'carrier=center%3A7:s3cr%2Cet%25:x' },
    ).sip;
    assert.deepEqual(sip?.trunks, [
      {
        name: 'carrier',
        address: '203.0.113.5',
        port: 5060,
        credentials: { username: 'center:7', password: 's3cr,et%:x' },
      },
      { name: 'pbx', address: '198.51.100.7', port: 5070 },
    ]);
    for (const [bad, message] of [
      ['carrier=nopassword', /like carrier=username:password/],
      ['carrier=:secret', /like carrier=username:password/],
      ['carrier=user:bad%zzsecret', /like carrier=username:password/],
      ['carrier=us%22er:secret', /like carrier=username:password/],
      ['sbc=user:secret', /"sbc", which SWITCHBOARD_SIP_TRUNKS does not have/],
      ['carrier=user:secret,carrier=user:other', /"carrier" twice/],
    ] as const)
      assert.throws(
        () => resolveStartConfig({}, { ...env, SWITCHBOARD_SIP_TRUNK_CREDENTIALS: bad }),
        (error: Error) => message.test(error.message) && !/secret|other|nopassword/.test(error.message),
        bad,
      );
    assert.throws(
      () => resolveStartConfig({}, { SWITCHBOARD_SIP_TRUNK_CREDENTIALS: 'carrier=user:secret' }),
      /SWITCHBOARD_SIP_TRUNK_CREDENTIALS needs SWITCHBOARD_SIP/,
    );
  });
});
