/** The 工单管理 filter form and its mapping to the list / export query (TicketQueryParams on the server). */
import type { TicketListFilter, TicketStatus, TicketTiming } from '../../servicedesk/api-ticket'

export interface TicketFilterForm {
  ticketNo: string
  keyword: string
  statuses: TicketStatus[]
  ticketType: string | null
  source: string | null
  urgency: string | null
  /** a ticked box filters on the flag; unticked means "either" */
  supervised: boolean
  overLevel: boolean
  timing: TicketTiming | null
  orgId: string | null
  days: [string, string] | null
}

export function emptyTicketFilters(): TicketFilterForm {
  return { ticketNo: '', keyword: '', statuses: [], ticketType: null, source: null, urgency: null, supervised: false,
    overLevel: false, timing: null, orgId: null, days: null }
}

/** the query: blanks dropped by the http client, the date range as whole days (the server ends createdTo's day) */
export function ticketFilterOf(f: TicketFilterForm): TicketListFilter {
  return {
    ticketNo: f.ticketNo.trim(),
    keyword: f.keyword.trim(),
    statuses: f.statuses.length ? [...f.statuses] : null,
    ticketType: f.ticketType,
    source: f.source,
    urgency: f.urgency,
    supervised: f.supervised ? true : null,
    overLevel: f.overLevel ? true : null,
    timing: f.timing,
    orgId: f.orgId,
    createdFrom: f.days?.[0] ?? null,
    createdTo: f.days?.[1] ?? null,
  }
}
