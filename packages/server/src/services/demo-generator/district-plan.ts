/**
 * Who is generated: regions and their departments with the profile each keeps from year to year. A
 * region holds the district's bureaus, then its street and town offices, then their subordinate bodies
 * (health centres, schools, stations…), as a district's budget departments do; names never repeat within a
 * region. Without a region named, departments are spread over real districts, `DEPARTMENTS_PER_REGION` each.
 */
import type { Random } from '@jixiao/core';
import type { DepartmentProfile } from './generate-form.js';
import type { DutyArea } from './vocabulary.js';
import { AGENCIES, DISTRICTS, PLACES } from './vocabulary.js';

/** How many departments a generated district has when no region is named (about a real district's count). */
export const DEPARTMENTS_PER_REGION = 100;

/** A region to generate and its departments. */
export interface RegionPlan {
  name: string;
  departments: DepartmentProfile[];
}

/** Subordinate bodies of a street or town, by their area and typical budget (万元). */
const SUBORDINATES: readonly { suffix: string; area: DutyArea; budget: number }[] = [
  { suffix: '社区卫生服务中心', area: 'health', budget: 3000 },
  { suffix: '中学', area: 'education', budget: 4500 },
  { suffix: '小学', area: 'education', budget: 2800 },
  { suffix: '幼儿园', area: 'education', budget: 900 },
  { suffix: '文化站', area: 'culture', budget: 300 },
  { suffix: '综合执法队', area: 'urban', budget: 1200 },
  { suffix: '农业服务中心', area: 'agriculture', budget: 700 },
  { suffix: '社区服务中心', area: 'welfare', budget: 800 },
  { suffix: '市场监管所', area: 'market', budget: 600 },
  { suffix: '司法所', area: 'governance', budget: 350 },
];

/** A department before its profile is drawn: name, area, typical budget, how many units it has at most. */
interface DepartmentKind {
  name: string;
  area: DutyArea;
  budget: number;
  maxUnits: number;
}

/** The `index`-th department name of a region whose departments' names begin with `prefix`. */
function departmentKind(prefix: string, index: number): DepartmentKind {
  const agency = AGENCIES[index];
  if (agency) return { name: `${prefix}${agency.name}`, area: agency.area, budget: agency.budget, maxUnits: 12 };
  let i = index - AGENCIES.length;
  if (i < PLACES.length) {
    const place = PLACES[i] ?? '';
    return { name: `${prefix}${place}${i % 3 === 2 ? '镇人民政府' : '街道办事处'}`, area: 'street', budget: 9000, maxUnits: 4 };
  }
  i -= PLACES.length;
  const place = PLACES[i % PLACES.length] ?? '';
  const round = Math.floor(i / PLACES.length);
  const subordinate = SUBORDINATES[round % SUBORDINATES.length];
  if (!subordinate) throw new Error('unreachable: SUBORDINATES is not empty');
  // Past the tenth round the district has numbered schools and centres (第二中学, 第三小学…).
  const ordinal = Math.floor(round / SUBORDINATES.length);
  return { name: `${prefix}${place}${ordinal === 0 ? '' : `第${ordinal + 1}`}${subordinate.suffix}`, area: subordinate.area, budget: subordinate.budget, maxUnits: 1 };
}

/** A department's lasting profile: its size and how well it tends to do. */
function profile(kind: DepartmentKind, regionScale: number, random: Random): DepartmentProfile {
  const quality = random.weighted([
    [random.between(0.85, 1), 38],
    [random.between(0.65, 0.85), 30],
    [random.between(0.4, 0.65), 20],
    [random.between(0.05, 0.4), 12],
  ]);
  return {
    name: kind.name,
    unitCount: random.int(1, kind.maxUnits),
    area: kind.area,
    budget: Math.round(kind.budget * regionScale * random.between(0.4, 2.5)),
    quality,
    structureSeed: random.int(0, 2 ** 31),
  };
}

/** The name prefix of a region's departments: its city and district when it is a known district. */
function prefixOf(region: string): string {
  const district = DISTRICTS.find((d) => d.name === region);
  return district ? `${district.city}${district.name}` : region;
}

/** The regions and departments to generate: `departments` in all, in `region` or spread over districts. */
export function planDistrict(departments: number, region: string | null, random: Random): RegionPlan[] {
  const sizes: { name: string; count: number }[] = [];
  if (region !== null) sizes.push({ name: region, count: departments });
  else {
    for (let left = departments, r = 0; left > 0; r++, left -= DEPARTMENTS_PER_REGION) {
      const district = DISTRICTS[r % DISTRICTS.length];
      if (!district) throw new Error('unreachable: DISTRICTS is not empty');
      // Past the list of districts a second round of regions is told apart by a number.
      const round = Math.floor(r / DISTRICTS.length);
      sizes.push({ name: round === 0 ? district.name : `${district.name}${round + 1}`, count: Math.min(DEPARTMENTS_PER_REGION, left) });
    }
  }
  return sizes.map(({ name, count }) => {
    const prefix = prefixOf(name);
    const regionScale = random.between(0.6, 1.6);
    return { name, departments: Array.from({ length: count }, (_, i) => profile(departmentKind(prefix, i), regionScale, random)) };
  });
}
