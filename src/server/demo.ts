import { sql } from 'kysely';
import type { Deps } from '../core/deps.js';
import { systemActor, type Actor } from '../core/permissions/actor.js';
import { orFail } from '../core/errors.js';
import { createArea } from '../core/areas/manage-areas.js';
import { signUp } from '../core/identity/sign-up.js';
import { importCensus } from '../core/identity/census.js';
import { verifyResidency } from '../core/identity/verify-residency.js';
import { loadUserActor } from '../core/identity/load-actor.js';
import { setUserRoles } from '../core/identity/manage-users.js';
import {
  addMember,
  createGovernmentOrganization,
  decideOrganization,
  registerOrganization,
} from '../core/organizations/manage-organizations.js';
import { createPost } from '../core/organizations/manage-posts.js';
import { writeSetting } from '../core/settings.js';
import type { ModuleManifest } from '../core/module.js';

/** The password of every demo account; shown on the demo's sign-in page, nowhere else. */
export const DEMO_PASSWORD = 'civitas-demo-2026';

const areas = [
  { slug: 'lakeview', kind: 'city', name: 'Lakeview City', nameZh: '湖景市', parent: null },
  { slug: 'north-district', kind: 'district', name: 'North District', nameZh: '北区', parent: 'lakeview' },
  { slug: 'riverside-district', kind: 'district', name: 'Riverside District', nameZh: '滨江区', parent: 'lakeview' },
  { slug: 'old-town-district', kind: 'district', name: 'Old Town District', nameZh: '老城区', parent: 'lakeview' },
  { slug: 'maple-heights', kind: 'neighbourhood', name: 'Maple Heights', nameZh: '枫林社区', parent: 'north-district' },
  { slug: 'station-square', kind: 'neighbourhood', name: 'Station Square', nameZh: '车站广场社区', parent: 'north-district' },
  { slug: 'willow-bank', kind: 'neighbourhood', name: 'Willow Bank', nameZh: '柳岸社区', parent: 'riverside-district' },
  { slug: 'harbour-lane', kind: 'neighbourhood', name: 'Harbour Lane', nameZh: '港湾巷社区', parent: 'riverside-district' },
  { slug: 'drum-tower', kind: 'neighbourhood', name: 'Drum Tower', nameZh: '鼓楼社区', parent: 'old-town-district' },
  { slug: 'silk-street', kind: 'neighbourhood', name: 'Silk Street', nameZh: '丝绸街社区', parent: 'old-town-district' },
] as const;

const departments = [
  { key: 'urban', name: 'Urban Management Bureau', nameZh: '城市管理局', description: 'Streets, public spaces, markets and city appearance.' },
  { key: 'transport', name: 'Transport Bureau', nameZh: '交通运输局', description: 'Buses, roads, cycling and parking.' },
  { key: 'education', name: 'Education Bureau', nameZh: '教育局', description: 'Schools, kindergartens and adult learning.' },
  { key: 'environment', name: 'Environment Bureau', nameZh: '生态环境局', description: 'Air, water, noise, green spaces and waste.' },
  { key: 'civil', name: 'Civil Affairs Bureau', nameZh: '民政局', description: 'Community services, social organizations and the service desk.' },
] as const;

/** Named accounts the demo's sign-in page lists, with what each can show. */
const people = [
  { key: 'admin', email: 'admin@lakeview.demo', name: 'Ada Administrator', label: 'Administrator', labelZh: '管理员' },
  { key: 'moderator', email: 'moderator@lakeview.demo', name: 'Mo Chen', label: 'Moderator', labelZh: '版主' },
  { key: 'official', email: 'official@lakeview.demo', name: 'Wang Fang', label: 'Official: Director, Urban Management Bureau', labelZh: '工作人员：城市管理局局长' },
  { key: 'transport', email: 'transport@lakeview.demo', name: 'Li Qiang', label: 'Official: Deputy Director, Transport Bureau', labelZh: '工作人员：交通运输局副局长' },
  { key: 'supervisor', email: 'supervisor@lakeview.demo', name: 'Zhao Min', label: 'Supervisor: Supervision Commission (supervision key passphrase: the demo password)', labelZh: '监督人员：监察委员会（监督密钥口令即演示密码）' },
  { key: 'clerk', email: 'clerk@lakeview.demo', name: 'Sun Li', label: 'Service desk clerk (staff-assisted participation)', labelZh: '服务窗口工作人员（协助参与）' },
  { key: 'rep', email: 'rep@lakeview.demo', name: 'Grace Liu', label: "Representative: Riverside Residents' Association", labelZh: '代表：滨江居民协会' },
  { key: 'resident', email: 'resident@lakeview.demo', name: 'Tom Zhang', label: 'Verified resident, Station Square', labelZh: '已核验居民，车站广场社区' },
  { key: 'newcomer', email: 'newcomer@lakeview.demo', name: 'Nina Park', label: 'Registered, not yet verified (try the census entry below)', labelZh: '已注册未核验（可用下方户籍记录核验）' },
] as const;

const residentNames = [
  'Chen Jing', 'Liu Yang', 'Huang Wei', 'Zhou Na', 'Wu Lei', 'Xu Hui', 'Sun Tao', 'Ma Li', 'Zhu Qing', 'Hu Jun',
  'Guo Mei', 'He Ping', 'Lin Yu', 'Luo Dan', 'Gao Feng', 'Zheng Xin', 'Liang Bo', 'Xie Ning', 'Song Yan', 'Tang Hao',
  'Maria Rossi', 'Omar Haddad', 'Priya Nair', 'Lucas Silva', 'Emma Weber', 'Kenji Sato',
];
const neighbourhoods = ['maple-heights', 'station-square', 'willow-bank', 'harbour-lane', 'drum-tower', 'silk-street'];

function documentNumberOf(index: number): string {
  return `LV-${String(100000 + index * 7919).padStart(8, '0')}`;
}
function birthDateOf(index: number): string {
  const year = 1950 + ((index * 13) % 55);
  const month = 1 + ((index * 5) % 12);
  const day = 1 + ((index * 11) % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when the database has no areas yet: a fresh installation. */
export async function isEmpty(deps: Deps): Promise<boolean> {
  const row = await deps.db.selectFrom('areas').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n === 0;
}

/**
 * Seeds the clearly labelled demo municipality through the same operations people use, so the
 * audit log, counts and pages are those of a living platform. Runs once on an empty database.
 */
export async function seedDemo(deps: Deps, modules: ModuleManifest[], onProgress: (step: string) => void = () => {}): Promise<void> {
  const seeder = systemActor('demo-seed');
  await writeSetting(deps.db, 'installation', { name: 'Lakeview City (demo)', nameZh: '湖景市（演示）' });

  onProgress('areas');
  const areaIds = new Map<string, string>();
  for (const a of areas) {
    const { id } = orFail(await createArea(deps, seeder, { parentId: a.parent ? areaIds.get(a.parent)! : null, kind: a.kind, slug: a.slug, name: a.name, nameZh: a.nameZh }));
    areaIds.set(a.slug, id);
  }

  onProgress('census');
  const census = ['document_number,birth_date,area'];
  const total = people.length + residentNames.length + 10;
  for (let i = 0; i < total; i++) census.push(`${documentNumberOf(i)},${birthDateOf(i)},${neighbourhoods[i % neighbourhoods.length]}`);
  orFail(await importCensus(deps, seeder, { fileName: 'lakeview-demo-census.csv', csv: census.join('\n') }));

  onProgress('accounts');
  const userIds = new Map<string, string>();
  const accountList: { email: string; name: string; verifyIndex: number | null }[] = [
    ...people.map((p, i) => ({ email: p.email, name: p.name, verifyIndex: p.key === 'newcomer' ? null : i })),
    ...residentNames.map((name, i) => ({
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@lakeview.demo`,
      name,
      verifyIndex: i % 5 === 4 ? null : people.length + i,
    })),
  ];
  for (const account of accountList) {
    const { userId } = orFail(await signUp(deps, { email: account.email, password: DEMO_PASSWORD, displayName: account.name, locale: /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(account.name) && residentNames.indexOf(account.name) < 20 && residentNames.includes(account.name) ? 'zh-CN' : 'en' }));
    userIds.set(account.email, userId);
    if (account.verifyIndex !== null) {
      const actor = (await loadUserActor(deps.db, userId))!;
      orFail(await verifyResidency(deps, actor, { documentNumber: documentNumberOf(account.verifyIndex), birthDate: birthDateOf(account.verifyIndex) }));
    }
  }
  const idOf = (key: (typeof people)[number]['key']) => userIds.get(people.find((p) => p.key === key)!.email)!;

  onProgress('roles');
  orFail(await setUserRoles(deps, seeder, { userId: idOf('admin'), roles: ['administrator'] }));
  orFail(await setUserRoles(deps, seeder, { userId: idOf('moderator'), roles: ['moderator'] }));
  orFail(await setUserRoles(deps, seeder, { userId: idOf('clerk'), roles: ['clerk'] }));
  const admin: Actor = (await loadUserActor(deps.db, idOf('admin')))!;

  onProgress('government');
  const city = areaIds.get('lakeview')!;
  const government = orFail(await createGovernmentOrganization(deps, admin, { kind: 'government', name: 'Lakeview City Government', nameZh: '湖景市人民政府', description: 'The city government and its departments.', areaId: city }));
  const deptIds = new Map<string, string>();
  for (const d of departments) {
    const { id } = orFail(await createGovernmentOrganization(deps, admin, { kind: 'department', name: d.name, nameZh: d.nameZh, description: d.description, parentId: government.id, areaId: city }));
    deptIds.set(d.key, id);
  }
  const supervision = orFail(await createGovernmentOrganization(deps, admin, {
    kind: 'supervisory_body', name: 'Lakeview Supervision Commission', nameZh: '湖景市监察委员会', isSupervisory: true, areaId: city,
    description: 'Handles complaints and reports about the conduct of departments and officials.',
  }));
  const riverside = orFail(await createGovernmentOrganization(deps, admin, { kind: 'government', name: 'Riverside District Office', nameZh: '滨江区人民政府', description: 'District government of Riverside.', parentId: government.id, areaId: areaIds.get('riverside-district')! }));

  const posts: { org: string; title: string; titleZh: string; holder: string | null }[] = [
    { org: government.id, title: 'Mayor', titleZh: '市长', holder: null },
    { org: deptIds.get('urban')!, title: 'Director', titleZh: '局长', holder: people.find((p) => p.key === 'official')!.email },
    { org: deptIds.get('urban')!, title: 'Public Space Officer', titleZh: '公共空间科科员', holder: 'chen.jing@lakeview.demo' },
    { org: deptIds.get('transport')!, title: 'Deputy Director', titleZh: '副局长', holder: people.find((p) => p.key === 'transport')!.email },
    { org: deptIds.get('education')!, title: 'Director', titleZh: '局长', holder: 'maria.rossi@lakeview.demo' },
    { org: deptIds.get('environment')!, title: 'Director', titleZh: '局长', holder: 'liu.yang@lakeview.demo' },
    { org: deptIds.get('civil')!, title: 'Service Desk Clerk', titleZh: '服务窗口工作人员', holder: people.find((p) => p.key === 'clerk')!.email },
    { org: deptIds.get('civil')!, title: 'Director', titleZh: '局长', holder: 'huang.wei@lakeview.demo' },
    { org: supervision.id, title: 'Case Handler', titleZh: '案件承办人', holder: people.find((p) => p.key === 'supervisor')!.email },
    { org: riverside.id, title: 'District Head', titleZh: '区长', holder: 'zhou.na@lakeview.demo' },
  ];
  for (const p of posts) orFail(await createPost(deps, admin, { organizationId: p.org, title: p.title, titleZh: p.titleZh, holderEmail: p.holder }));

  onProgress('organizations');
  const orgs = [
    { by: 'rep', sector: 'society', kind: 'community_group', name: "Riverside Residents' Association", nameZh: '滨江居民协会', area: 'riverside-district', description: 'Neighbours of Willow Bank and Harbour Lane working together on safe streets, clean river banks and activities for older residents.', verify: true, members: ['wu.lei@lakeview.demo', 'xu.hui@lakeview.demo'] },
    { by: 'resident', sector: 'society', kind: 'ngo', name: 'Green Lake Environmental Society', nameZh: '绿湖环保协会', area: 'lakeview', description: 'Volunteers who monitor water quality in the lake, plant trees and run recycling workshops.', verify: true, members: ['sun.tao@lakeview.demo'] },
    { by: 'ma.li', sector: 'market', kind: 'association', name: 'Old Town Small Business Association', nameZh: '老城小商户协会', area: 'old-town-district', description: 'Shops, tea houses and workshops of the Old Town speaking with one voice on markets, rents and street works.', verify: true, members: [] },
    { by: 'zhu.qing', sector: 'market', kind: 'enterprise', name: 'Harbour Lane Bakery Co.', nameZh: '港湾巷面包坊', area: 'harbour-lane', description: 'A family bakery that has registered to take part in the new market square consultation.', verify: false, members: [] },
  ] as const;
  for (const o of orgs) {
    const email = o.by.includes('.') ? `${o.by}@lakeview.demo` : people.find((p) => p.key === o.by)!.email;
    const registrant = (await loadUserActor(deps.db, userIds.get(email)!))!;
    const { id } = orFail(await registerOrganization(deps, registrant, { sector: o.sector, kind: o.kind, name: o.name, nameZh: o.nameZh, description: o.description, areaId: areaIds.get(o.area)! }));
    for (const m of o.members) orFail(await addMember(deps, registrant, { organizationId: id, email: m, role: 'member' }));
    if (o.verify) orFail(await decideOrganization(deps, admin, { id, decision: 'verified' }));
  }

  for (const module of modules) {
    if (module.seedDemo) {
      onProgress(module.name);
      await module.seedDemo(deps);
    }
  }

  const newcomerIndex = people.findIndex((p) => p.key === 'newcomer');
  await writeSetting(deps.db, 'demo_accounts', {
    accounts: [
      ...people.map((p) => ({ email: p.email, password: DEMO_PASSWORD, label: p.label, labelZh: p.labelZh })),
      // The higher supervisory body's inspector (escalated complaints), made by the supervision module's demo.
      { email: 'song.yan@lakeview.demo', password: DEMO_PASSWORD, label: 'Inspector: Provincial Supervision Commission, the higher body for escalated complaints (key passphrase: the demo password)', labelZh: '督查员：省监察委员会（上级机关，受理升级的投诉；密钥口令即演示密码）' },
    ],
    census: [newcomerIndex, total - 1, total - 2].map((i) => ({ documentNumber: documentNumberOf(i), birthDate: birthDateOf(i), area: neighbourhoods[i % neighbourhoods.length]! })),
  });
  await writeSetting(deps.db, 'demo', true);
}
