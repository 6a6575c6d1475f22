/** Page size limits: beyond these a listing is split (by year, by month). */
export const LEDGER_PAGE_LIMIT = 3000;
export const AUDIT_PAGE_LIMIT = 3000;
