/** Calls of the heat network tree (楼宇信息) and repair-station coverage endpoints (/api/baseinfo/nodes, /coverage). */
import { del, get, post, put, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'

export type NodeTypeCode = 'COMPANY' | 'HEAT_SOURCE' | 'HEAT_STATION' | 'COMMUNITY' | 'BUILDING' | 'UNIT'

/** NodeView: one tree node; stationId/stationName = the coverage effective on it (own or inherited) */
export interface NodeView {
  id: string
  parentId: string | null
  nodeType: NodeTypeCode
  nodeTypeLabel: string
  nodeLevel: number
  nodeCode: string
  nodeName: string
  fullName: string
  /** ids from the company down: /1/22/333/ */
  nodePath: string
  enabled: boolean
  sortNo: number
  orgId: string | null
  subsidiaryId: string
  address: string | null
  externalId: string | null
  dataSource: string
  leaf: boolean
  childCount: number
  stationId: string | null
  stationName: string | null
  rowVersion: number
  createdAt: string
  updatedAt: string
}

export interface PathNode {
  id: string
  nodeType: NodeTypeCode
  nodeCode: string
  nodeName: string
}

export interface CoverageView {
  id: string
  stationId: string
  stationCode: string | null
  stationName: string
  nodeId: string
  nodeType: NodeTypeCode
  nodeCode: string
  nodeName: string
  fullName: string
  subsidiaryId: string
  createdAt: string
}

export interface NodeDetail {
  node: NodeView
  ancestors: PathNode[]
  households: number
  suspendedHouseholds: number
  stoppedHouseholds: number
  arrearsHouseholds: number
  /** null while no module provides tickets (ticketsAvailable false) */
  openTickets: number | null
  ticketsAvailable: boolean
  /** the mapping on this very node, null when none (the station may still be inherited: node.stationName) */
  coverage: CoverageView | null
}

export interface NodeLog {
  id: string
  nodeId: string
  action: string
  summary: string | null
  beforeJson: string | null
  afterJson: string | null
  reason: string | null
  createdBy: string | null
  createdByName: string | null
  createdAt: string
}

export interface DisableResult {
  node: NodeView
  disabledNodes: number
  households: number
  warning: string | null
}

/** OrgInfo of a repair station that may serve a node */
export interface StationOption {
  id: string
  orgCode: string
  orgName: string
  subsidiaryId: string
}

export interface NodeCreate {
  nodeType: NodeTypeCode
  parentId: string | null
  /** companies: the subsidiary org */
  orgId: string | null
  nodeCode: string
  nodeName: string
  sortNo: number | null
  address: string | null
  externalId: string | null
}

export type NodeUpdate = Pick<NodeCreate, 'nodeCode' | 'nodeName' | 'sortNo' | 'address' | 'externalId'> & {
  rowVersion: number
}

const NODES = '/api/baseinfo/nodes'
const COVERAGE = '/api/baseinfo/coverage'

export const nodeApi = {
  /** children of a node; without a parent the top nodes the user may see */
  children: (parentId: string | null, includeDisabled = false) =>
    get<NodeView[]>(`${NODES}/children`, { parentId, includeDisabled }),
  detail: (id: string) => get<NodeDetail>(`${NODES}/${id}`),
  search: (keyword: string, type?: string | null, limit?: number) =>
    get<NodeView[]>(`${NODES}/search`, { keyword, type, limit }),
  logs: (id: string, page: number, size: number) => get<PageResult<NodeLog>>(`${NODES}/${id}/logs`, { page, size }),
  create: (body: NodeCreate, o?: RequestOptions) => post<NodeView>(NODES, body, o),
  update: (id: string, body: NodeUpdate, o?: RequestOptions) => put<NodeView>(`${NODES}/${id}`, body, o),
  move: (id: string, newParentId: string, reason: string, sortNo: number | null = null, o?: RequestOptions) =>
    post<NodeView>(`${NODES}/${id}/move`, { newParentId, sortNo, reason }, o),
  disable: (id: string, reason: string, o?: RequestOptions) => post<DisableResult>(`${NODES}/${id}/disable`, { reason }, o),
  enable: (id: string, reason: string, subtree = false, o?: RequestOptions) =>
    post<NodeView>(`${NODES}/${id}/enable`, { reason, subtree }, o),
  remove: (id: string, reason: string, o?: RequestOptions) => del(`${NODES}/${id}`, { reason }, o),
}

export const coverageApi = {
  list: (params: { stationId?: string; nodeId?: string; page?: number; size?: number }) =>
    get<PageResult<CoverageView>>(COVERAGE, params),
  /** enabled repair stations of the node's subsidiary */
  stations: (nodeId: string) => get<StationOption[]>(`${COVERAGE}/stations`, { nodeId }),
  map: (stationId: string, nodeIds: string[], o?: RequestOptions) =>
    post<CoverageView[]>(COVERAGE, { stationId, nodeIds }, o),
  remove: (id: string, o?: RequestOptions) => del(`${COVERAGE}/${id}`, undefined, o),
}
