// Kinds of administrative unit (tỉnh, huyện, phường ...), how they are written, and the units
// that changed kind: `vocabulary/unit-kinds.tsv`, `vocabulary/renames.tsv`.
import { loadVocabulary, matching, oneOf } from '../vocabulary/index.ts';

export const UNIT_TYPES = ['tỉnh', 'thành phố', 'thị xã', 'huyện', 'quận', 'phường', 'xã', 'thị trấn'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** A town or district that changed its kind of unit, so its bodies carry two names. */
export interface UnitRename {
  place: string;
  from: UnitType;
  to: UnitType;
  /** Day the new status took effect. */
  since: string;
}

export const UNIT_TYPE = oneOf(UNIT_TYPES);
/** A vocabulary cell checked with UNIT_TYPE. */
export const unitType = (checked: string): UnitType => checked as UnitType;

/**
 * Known upgrades of administrative units, from `vocabulary/renames.tsv`: only ones confirmed by the
 * resolution that made them.
 */
export const UNIT_RENAMES: readonly UnitRename[] = loadVocabulary('renames', {
  columns: ['place', 'province', 'from', 'to', 'since', 'resolution'],
  validate: { from: UNIT_TYPE, to: UNIT_TYPE, since: matching(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD') },
}).map((row) => ({ place: row.place, from: unitType(row.from), to: unitType(row.to), since: row.since }));

// How kinds of unit are written, folded ("tx", "thi xa"): `vocabulary/unit-kinds.tsv`.
export const UNIT_KINDS = loadVocabulary('unit-kinds', {
  columns: ['spelling', 'kind'],
  unique: 'spelling',
  validate: { spelling: matching(/^[a-z.]+(?: [a-z.]+)*$/, 'folded (lower case, no diacritics)'), kind: UNIT_TYPE },
});
export const UNIT_BY_FOLDED: Record<string, UnitType> = Object.fromEntries(
  UNIT_KINDS.map((row) => [row.spelling, unitType(row.kind)]),
);
