import { buildApp, openDatabase, migrate, createTenant } from './index.ts';
const d = await openDatabase({});
await migrate(d.db);
await createTenant(d.db, { name: 'acme', displayName: 'Acme', admin: { username: 'admin', password: 'password123' } });
const app = await buildApp({ db: d.db });
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { tenant: 'acme', username: 'admin', password: 'password123' } });
console.log(login.statusCode, login.body.slice(0, 100));
const token = login.json().accessToken;
const h = { authorization: `Bearer ${token}` };
for (const [m, u, p] of [['GET','/api/v1/me'],['POST','/api/v1/skills',{name:'Billing'}],['POST','/api/v1/skills',{name:'Billing'}],['POST','/api/v1/skills',{name:'x', extra: 1}],['GET','/api/v1/skills'],['GET','/api/v1/users?limit=abc'],['GET','/api/v1/users/not-a-uuid'],['GET','/api/v1/tenant'],['PATCH','/api/v1/tenant/settings',{tokens:{accessTokenMinutes:500}}],['GET','/api/v1/audit-log'],['GET','/nope'], ['GET', '/readyz']] as const) {
  const r = await app.inject({ method: m, url: u, headers: h, payload: p as object | undefined });
  console.log(m, u, r.statusCode, r.body.slice(0, 300));
}
const spec = await app.inject('/api/openapi.json'); console.log(spec.statusCode, Object.keys(spec.json().paths));
const docs = await app.inject('/api/docs'); console.log(docs.statusCode);
const met = await app.inject('/metrics'); console.log(met.statusCode, met.body.split('\n').filter(l=>l.startsWith('switchboard_http_requests_total')).slice(0,3));
await app.close(); await d.close();
