/** Repair stations in the org tree (org type REPAIR_STATION) and the workers of a station. */
import { get } from '@/api/http'
import type { OrgNode, PageResult } from '@/api/types'

export const STATION_TYPE = 'REPAIR_STATION'

/** a repair station as GET /api/servicedesk/stations lists it */
export interface StationRef {
  id: string
  orgCode: string
  orgName: string
  subsidiaryId: string | null
  subsidiaryName?: string | null
  enabled?: boolean
}

/** the flat station list as a tree under its subsidiaries (the subsidiaries only group, they cannot be picked) */
export function stationsAsTree(stations: StationRef[]): OrgNode[] {
  const groups = new Map<string, OrgNode>()
  const loose: OrgNode[] = []
  for (const st of stations) {
    const node: OrgNode = { id: st.id, parentId: st.subsidiaryId, orgType: STATION_TYPE, orgTypeName: '维修站',
      orgCode: st.orgCode, orgName: st.orgName, subsidiaryId: st.subsidiaryId, enabled: st.enabled !== false, sortNo: 0,
      rowVersion: 0, children: [] }
    if (!st.subsidiaryId) {
      loose.push(node)
      continue
    }
    let g = groups.get(st.subsidiaryId)
    if (!g) {
      g = { id: `sub-${st.subsidiaryId}`, parentId: null, orgType: 'SUBSIDIARY', orgTypeName: '分公司', orgCode: '',
        orgName: st.subsidiaryName || '分公司', subsidiaryId: st.subsidiaryId, enabled: true, sortNo: 0, rowVersion: 0,
        children: [] }
      groups.set(st.subsidiaryId, g)
    }
    g.children.push(node)
  }
  return [...groups.values(), ...loose]
}

const TTL_MS = 60_000
let cached: { at: number; data: Promise<OrgNode[]> } | null = null

/**
 * The repair stations the user may dispatch to, as a tree: the service desk's station list, else (for users who
 * may read the org tree) the org tree cut down to its stations. Cached for a minute.
 */
export function loadStationTree(): Promise<OrgNode[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.data
  const data = (async () => {
    try {
      return stationsAsTree(await get<StationRef[]>('/api/servicedesk/stations', undefined, { silent: true }))
    } catch {
      const { loadOrgTree } = await import('@/components/OrgTreeSelect.vue')
      return pruneToStations(await loadOrgTree(false)).tree
    }
  })()
  data.catch(() => (cached = null))
  cached = { at: Date.now(), data }
  return data
}

/** for tests */
export function resetStationCache(): void {
  cached = null
}

/** the tree cut down to the branches that contain repair stations (below a station nothing is kept) */
export function pruneToStations(nodes: OrgNode[]): { tree: OrgNode[]; stations: OrgNode[] } {
  const stations: OrgNode[] = []
  const walk = (list: OrgNode[]): OrgNode[] => list.flatMap((n) => {
    if (n.orgType === STATION_TYPE) {
      stations.push(n)
      return [{ ...n, children: [] }]
    }
    const children = walk(n.children ?? [])
    return children.length ? [{ ...n, children }] : []
  })
  return { tree: walk(nodes), stations }
}

export interface WorkerOption {
  /** the user id (TicketCommand.workerId) */
  id: string
  name: string
  /** open tickets held now, when the server says */
  load: number | null
  /** why the repair module suggests this worker (技能匹配 … · 当前工单 3 张) */
  reasons: string[]
  /** false: off duty, disabled, moved away or already holding the ticket */
  assignable: boolean
  blockedReason: string | null
}

type Candidate = { userId: string; realName: string; jobNumber: string | null; openLoad: number; maxLoad: number
  score: number; reasons: string[] | null; assignable: boolean; blockedReason: string | null }
type WorkerView = { userId: string; realName: string; jobNumber: string | null; openLoad: number; onDuty: boolean
  userEnabled: boolean; movedAway: boolean }

/**
 * The workers who may take a ticket, best first: the repair module's suggestions for the ticket (skills, area,
 * load), else its worker list of the station.
 */
export async function loadStationWorkers(stationOrgId: string | null, ticketId?: string | null): Promise<WorkerOption[]> {
  if (ticketId) {
    try {
      const r = await get<{ candidates: Candidate[] }>(`/api/repair/tickets/${ticketId}/candidates`, undefined, { silent: true })
      return r.candidates.map((c) => ({
        id: String(c.userId), name: c.jobNumber ? `${c.realName}（${c.jobNumber}）` : c.realName, load: c.openLoad,
        reasons: c.reasons ?? [], assignable: c.assignable, blockedReason: c.blockedReason,
      }))
    } catch {
      // no suggestions (permission, module missing): fall back to the plain list
    }
  }
  if (!stationOrgId) return []
  try {
    const page = await get<PageResult<WorkerView>>('/api/repair/workers', { stationOrgId, size: 200 }, { silent: true })
    return page.records.map((w) => ({
      id: String(w.userId), name: w.jobNumber ? `${w.realName}（${w.jobNumber}）` : w.realName, load: w.openLoad,
      reasons: [], assignable: w.onDuty && w.userEnabled && !w.movedAway,
      blockedReason: !w.userEnabled ? '账号已停用' : w.movedAway ? '已调离' : !w.onDuty ? '不在岗' : null,
    }))
  } catch {
    return []
  }
}

/** the subsidiaries in the org tree (an org whose id is its own subsidiary id), in tree order */
export function subsidiariesOf(nodes: OrgNode[]): OrgNode[] {
  const out: OrgNode[] = []
  const walk = (list: OrgNode[]) => list.forEach((n) => {
    if (n.subsidiaryId && n.id === n.subsidiaryId) out.push(n)
    else walk(n.children ?? [])
  })
  walk(nodes)
  return out
}
