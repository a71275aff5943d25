// Kinds of official document (nghị quyết, kế hoạch, thông báo ...), read from
// vocabulary/document-types.tsv: one list for the metadata rules, the notice header and questions.
import { loadVocabulary, matching, oneOf } from '../vocabulary/index.ts';
import { foldText } from './normalize.ts';

export interface DocumentType {
  /** As written, lower case with diacritics ("nghị quyết"). */
  name: string;
  /** Folded ("nghi quyet"). */
  folded: string;
  /** The official abbreviation, folded ("nq"); null where none is in use. */
  abbreviation: string | null;
  /** A report whose title opens with it is titled by its kind. */
  titlesReports: boolean;
  /** Its name in capitals ends a notice's two-column header. */
  endsNoticeHeader: boolean;
  /** A question naming it with a number asks about one document. */
  numberedInQuestions: boolean;
}

const YES_NO = oneOf(['yes', 'no']);

export const DOCUMENT_TYPES: readonly DocumentType[] = loadVocabulary('document-types', {
  columns: ['name', 'abbreviation', 'title', 'header', 'numbered'],
  unique: 'name',
  validate: {
    name: matching(/^\p{Ll}+(?: \p{Ll}+)*$/u, 'lower case words'),
    abbreviation: matching(/^(?:[a-z]+|-)$/, 'folded letters, or -'),
    title: YES_NO,
    header: YES_NO,
    numbered: YES_NO,
  },
}).map((row) => ({
  name: row.name,
  folded: foldText(row.name),
  abbreviation: row.abbreviation === '-' ? null : row.abbreviation,
  titlesReports: row.title === 'yes',
  endsNoticeHeader: row.header === 'yes',
  numberedInQuestions: row.numbered === 'yes',
}));
