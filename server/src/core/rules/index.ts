/** The rule registry: a plain list; adding a rule = a new file + one line here + docs + fixtures. */
import type { Rule } from './context';
import { rule as rowTotal } from './row-total';
import { rule as resultsTotal } from './results-total';
import { rule as balance } from './balance';
import { rule as reviewTotal } from './review-total';
import { rule as missingCell } from './missing-cell';
import { rule as extraCell } from './extra-cell';
import { rule as invalidNumber } from './invalid-number';
import { rule as missingRow } from './missing-row';
import { rule as missingTable } from './missing-table';
import { rule as missingSection } from './missing-section';
import { rule as sectionHeading } from './section-heading';
import { rule as sectionOrder } from './section-order';
import { rule as blankCell } from './blank-cell';
import { rule as oldTemplate } from './old-template';
import { rule as labelVariant } from './label-variant';
import { rule as title } from './title';
import { rule as narrativeMismatch } from './narrative-mismatch';
import { rule as crossYear } from './cross-year';
import { rule as implausibleValue } from './implausible-value';
import { rule as tableLayout } from './table-layout';

export const ALL_RULES: Rule[] = [
  rowTotal,
  resultsTotal,
  balance,
  reviewTotal,
  missingCell,
  extraCell,
  invalidNumber,
  missingRow,
  missingTable,
  missingSection,
  sectionHeading,
  sectionOrder,
  blankCell,
  oldTemplate,
  labelVariant,
  title,
  narrativeMismatch,
  crossYear,
  implausibleValue,
  tableLayout,
];

/** Rules that still speak when the report is in the 2019 format or not a report at all. */
export const ALWAYS = new Set(['old-template', 'title']);
