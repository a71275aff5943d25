// Whether a report was issued by a body a question names: its name and aliases, the Party
// organisation of the same place, or the council of which it names the standing office.
import type { ReportSummary } from '../store/index.ts';
import { foldText } from '../text/index.ts';

/** A body as a report names its issuer: its canonical name and other names. */
export type NamedBody = Pick<ReportSummary, 'body' | 'bodyAliases'>;

// The Party organisation of a place, its committee and the committee's standing board are one
// issuer to a citizen: "Đảng bộ thành phố Từ Sơn" asks about what "BTV Thành ủy Từ Sơn" decided.
const PARTY_WORDS =
  /^(?:btv |bch |ban thuong vu |thuong truc )?(?:dang bo (?:tinh|thanh pho|thi xa|huyen|quan|phuong|xa|thi tran)|tinh uy|thanh uy|thi uy|huyen uy|quan uy|dang uy(?: (?:phuong|xa|thi tran))?) /;

// A council and its standing office (Thường trực HĐND) are one issuer too: the standing office
// reports on the council's sessions and acts for it between them.
const COUNCIL_OFFICE = /^thuong truc (?=hdnd )/;

function issuerKey(name: string): string {
  const folded = ` ${foldText(name)} `.replace(/\s+/g, ' ').trim();
  const party = PARTY_WORDS.exec(`${folded} `);
  if (party) return `party ${`${folded} `.slice(party[0].length).trim()}`;
  return folded.startsWith('hdnd ') || COUNCIL_OFFICE.test(folded)
    ? `council ${folded.replace(COUNCIL_OFFICE, '')}`
    : folded;
}

/**
 * Whether a report was issued by one of the named bodies: the names' words appear in the
 * report's body or aliases ("Thị ủy Từ Sơn" in "BTV Thị ủy Từ Sơn"), or both are the Party
 * organisation of the same place.
 */
export function bodyMatches(wanted: readonly string[], report: NamedBody): boolean {
  const names = [report.body, ...report.bodyAliases].filter((name): name is string => Boolean(name));
  return wanted.some((name) => {
    const key = issuerKey(name);
    return names.some(
      (reportName) =>
        ` ${foldText(reportName)} `.includes(` ${foldText(name)} `) ||
        ((key.startsWith('party ') || key.startsWith('council ')) && issuerKey(reportName) === key),
    );
  });
}
