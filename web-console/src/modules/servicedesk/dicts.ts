/** The ticket drop-downs (dictionaries ticket_type, ticket_source, ticket_urgency), loaded once per page. */
import { ref } from 'vue'
import { get } from '@/api/http'

export interface DictOption {
  code: string
  label: string
  sortNo?: number
  tagColor?: string | null
}

export type TicketDicts = { ticket_type: DictOption[]; ticket_source: DictOption[]; ticket_urgency: DictOption[] }

const TYPES = 'ticket_type,ticket_source,ticket_urgency'

export async function loadTicketDicts(): Promise<TicketDicts> {
  const m = await get<Partial<TicketDicts>>('/api/settings/dicts', { types: TYPES }, { silent: true })
  return { ticket_type: m.ticket_type ?? [], ticket_source: m.ticket_source ?? [], ticket_urgency: m.ticket_urgency ?? [] }
}

/** reactive dictionaries for a page; empty lists until loaded (or when the request failed) */
export function useTicketDicts() {
  const dicts = ref<TicketDicts>({ ticket_type: [], ticket_source: [], ticket_urgency: [] })
  const ready = loadTicketDicts().then((d) => (dicts.value = d)).catch(() => dicts.value)
  const labelIn = (kind: keyof TicketDicts, code: string | null | undefined) =>
    (code && dicts.value[kind].find((o) => o.code === code)?.label) || code || ''
  return { dicts, ready, labelIn }
}
