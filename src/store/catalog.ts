// The stored reports as retrieval, answering and the bot read them: listed once per change of the
// store, with the places of their bodies, so a question's "tu son" is recognised as a place.
import { recognizeBody } from '../text/index.ts';
import { reportDate } from './report-date.ts';
import type { ReportSummary, Store } from './store.ts';

/** The stored reports as retrieval and answering read them. */
export interface ReportCatalog {
  list: ReportSummary[];
  /** The same reports by id. */
  byId: Map<string, ReportSummary>;
  /** Place names of the stored bodies, so "tu son" in a question is recognised as a place. */
  places: string[];
  /** The place of each report's body, by report id. */
  placeOf: Map<string, string>;
  /** The distinct bodies of the stored reports. */
  bodies: string[];
  newestDay: number | null;
}

const catalogs = new WeakMap<Store, { revision: string; catalog: ReportCatalog }>();

/** The stored reports, cached until the store changes: listing thousands of reports per question is not free. */
export function reportCatalog(store: Store): ReportCatalog {
  const revision = store.revision();
  const cached = catalogs.get(store);
  if (cached?.revision === revision) return cached.catalog;
  const list = store.listReports();
  const places = new Set<string>();
  const placeOf = new Map<string, string>();
  const placeOfBody = new Map<string, string | null>();
  for (const report of list) {
    if (report.body && !placeOfBody.has(report.body))
      placeOfBody.set(report.body, recognizeBody(report.body)?.place ?? null);
    const place = report.body ? placeOfBody.get(report.body) : null;
    if (!place) continue;
    places.add(place);
    placeOf.set(report.id, place);
  }
  const days = list.map(reportDay).filter((day): day is number => day !== null);
  const bodies = [...new Set(list.flatMap((report) => (report.body ? [report.body] : [])))];
  const byId = new Map(list.map((report) => [report.id, report]));
  const catalog = {
    list,
    byId,
    places: [...places],
    placeOf,
    bodies,
    newestDay: days.length > 0 ? Math.max(...days) : null,
  };
  catalogs.set(store, { revision, catalog });
  return catalog;
}

/** A report's date (see `reportDate`) in days since 1970, or null when it has none. */
export function reportDay(report: ReportSummary): number | null {
  const date = reportDate(report);
  return date ? Date.parse(date) / 86_400_000 : null;
}
