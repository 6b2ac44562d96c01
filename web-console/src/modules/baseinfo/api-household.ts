/**
 * Calls and shapes of the household, customer/phone, blacklist and 360-panel endpoints (/api/baseinfo/households,
 * /customers, /blacklist, /panel). Ids are strings; phones and ID numbers arrive masked unless the user holds
 * data:unmask.
 */
import { del, get, post, put, type RequestOptions } from '@/api/http'
import type { PageResult } from '@/api/types'

/** the request fields of a household the billing system maintains (HouseholdView.billingOwnedFields) */
export type HouseholdField =
  | 'householdCode' | 'unitId' | 'floorNo' | 'roomNo' | 'area' | 'heatingStatus' | 'arrears' | 'ownerName'
  | 'meterNo' | 'valveNo'

export type DataSource = 'MANUAL' | 'IMPORT' | 'BILLING' | string

export interface HouseholdView {
  id: string
  householdCode: string
  unitId: string
  nodePath: string
  address: string
  floorNo: string | null
  roomNo: string
  area: number | null
  heatingStatus: string
  heatingStatusLabel: string
  arrears: number
  customerId: string | null
  /** only in the single-household read */
  customerCode: string | null
  ownerName: string | null
  meterNo: string | null
  valveNo: string | null
  tags: string | null
  remark: string | null
  enabled: boolean
  dataSource: DataSource
  billingUpdatedAt: string | null
  subsidiaryId: string
  orgPath: string
  rowVersion: number
  createdAt: string
  updatedAt: string
  billingOwnedFields: HouseholdField[]
}

export interface HouseholdFilters {
  keyword?: string
  nodeId?: string | null
  heatingStatus?: string | null
  arrearsOnly?: boolean | null
  minArrears?: number | null
  phone?: string
  customerName?: string
  address?: string
  dataSource?: string | null
  enabled?: number | null
}

export interface HouseholdCreate {
  householdCode: string
  unitId: string
  floorNo: string | null
  roomNo: string
  area: number | null
  heatingStatus: string | null
  arrears: number | null
  customerCode: string | null
  ownerName: string | null
  ownerIdNumber: string | null
  phones: string[]
  meterNo: string | null
  valveNo: string | null
  tags: string | null
  remark: string | null
}

/** null keeps a stored value, '' clears an optional one */
export interface HouseholdUpdate {
  householdCode?: string | null
  unitId?: string | null
  floorNo?: string | null
  roomNo?: string | null
  area?: number | null
  heatingStatus?: string | null
  arrears?: number | null
  ownerName?: string | null
  meterNo?: string | null
  valveNo?: string | null
  tags?: string | null
  remark?: string | null
  rowVersion: number
}

export interface PhoneView {
  id: string
  phone: string
  phoneKind: 'MOBILE' | 'LANDLINE' | string
  primary: boolean
  dataSource: DataSource
  remark: string | null
  createdAt: string
}

export type ContactPref = 'PHONE' | 'SMS' | 'WECHAT' | 'NONE'
export type CustomerType = 'RESIDENT' | 'ENTERPRISE'

export interface CustomerView {
  id: string
  customerCode: string
  customerName: string
  namePy: string | null
  customerType: CustomerType | string
  idNumber: string | null
  contactPref: ContactPref | string
  contactTime: string | null
  noDisturb: boolean
  remark: string | null
  dataSource: DataSource
  subsidiaryId: string
  orgPath: string
  rowVersion: number
  createdAt: string
  updatedAt: string
  phones: PhoneView[]
  /** customerName / idNumber when the billing system maintains the customer */
  billingOwnedFields: string[]
}

export interface CustomerDetail {
  customer: CustomerView
  households: HouseholdView[]
}

export interface CustomerCreate {
  subsidiaryId: string | null
  customerCode: string | null
  customerName: string
  customerType: CustomerType | null
  idNumber: string | null
  contactPref: ContactPref | null
  contactTime: string | null
  noDisturb: boolean
  remark: string | null
  phones: string[]
}

export interface CustomerUpdate {
  customerName?: string | null
  customerType?: CustomerType | null
  /** the masked value keeps the stored number; '' clears it */
  idNumber?: string | null
  contactPref?: ContactPref | null
  contactTime?: string | null
  noDisturb?: boolean | null
  remark?: string | null
  rowVersion: number
}

export type BlacklistStatus = 'ACTIVE' | 'EXPIRED' | 'REMOVED'

export interface BlacklistEntry {
  id: string
  phone: string
  reason: string
  expiresAt: string | null
  status: BlacklistStatus
  createdBy: string | null
  createdByName: string | null
  createdAt: string
  removedBy: string | null
  removedByName: string | null
  removedAt: string | null
  removeReason: string | null
  subsidiaryId: string
  orgPath: string
  rowVersion: number
  /** the user's scope covers the org that added it */
  removable: boolean
}

export interface BlacklistHit {
  id: string
  phone: string
  reason: string
  expiresAt: string | null
  createdAt: string
  createdByName: string | null
}

export interface BlacklistCheck {
  phone: string
  blacklisted: boolean
  hits: BlacklistHit[]
}

export interface HouseholdSummary {
  id: string
  householdCode: string
  unitId: string
  nodePath: string
  address: string
  roomNo: string
  area: number | null
  heatingStatus: string
  arrears: number
  customerId: string | null
  ownerName: string | null
  subsidiaryId: string
  orgPath: string
}

export interface PanelPathNode {
  id: string
  nodeType: string
  nodeCode: string
  nodeName: string
}

export interface TicketLine {
  id: string
  ticketNo: string
  ticketType: string
  status: string
  summary: string | null
  householdId: string | null
  address: string | null
  createdAt: string
  deadline: string | null
}

export interface PaymentLine {
  id: string
  /** PAY 交费 / REFUND 退费 */
  payKind: string
  amount: number
  paidAt: string
  season: string | null
  channel: string | null
  dataSource: string
  receivedAt: string
}

export interface TemperatureLine {
  id: string
  temperature: number
  measuredAt: string
  dataSource: string
  receivedAt: string
}

export interface PanelCustomer {
  id: string
  customerCode: string
  name: string
  customerType: string
  idNumber: string | null
  contactPref: string
  contactTime: string | null
  noDisturb: boolean
  phones: { id: string; phone: string; phoneKind: string; primary: boolean; dataSource: string }[]
}

export interface HouseholdPanel {
  household: HouseholdSummary
  heatingStatusLabel: string
  meterNo: string | null
  valveNo: string | null
  tags: string | null
  remark: string | null
  dataSource: DataSource
  billingUpdatedAt: string | null
  customer: PanelCustomer | null
  path: PanelPathNode[]
  stationId: string | null
  stationName: string | null
  recentTickets: TicketLine[]
  unitOpenTickets: TicketLine[]
  ticketsAvailable: boolean
  payments: PaymentLine[]
  temperatures: TemperatureLine[]
  /** active blacklist entries of the customer's numbers */
  blacklist: BlacklistHit[]
  blacklisted: boolean
}

export interface CallerPanel {
  phone: string
  households: HouseholdSummary[]
  panel: HouseholdPanel | null
  /** active entries of the calling number itself */
  blacklist: BlacklistHit[]
  blacklisted: boolean
}

const HOUSEHOLDS = '/api/baseinfo/households'
const CUSTOMERS = '/api/baseinfo/customers'
const BLACKLIST = '/api/baseinfo/blacklist'
const PANEL = '/api/baseinfo/panel'

export const householdApi = {
  page: (params: HouseholdFilters & { page?: number; size?: number }) =>
    get<PageResult<HouseholdView>>(HOUSEHOLDS, params as Record<string, unknown>),
  get: (id: string) => get<HouseholdView>(`${HOUSEHOLDS}/${id}`),
  create: (body: HouseholdCreate, o?: RequestOptions) => post<HouseholdView>(HOUSEHOLDS, body, o),
  update: (id: string, body: HouseholdUpdate, o?: RequestOptions) => put<HouseholdView>(`${HOUSEHOLDS}/${id}`, body, o),
}

export const customerApi = {
  get: (id: string) => get<CustomerDetail>(`${CUSTOMERS}/${id}`),
  create: (body: CustomerCreate, o?: RequestOptions) => post<CustomerDetail>(CUSTOMERS, body, o),
  update: (id: string, body: CustomerUpdate, o?: RequestOptions) => put<CustomerDetail>(`${CUSTOMERS}/${id}`, body, o),
  bindPhone: (id: string, body: { phone: string; remark: string | null; primary: boolean }, o?: RequestOptions) =>
    post<CustomerView>(`${CUSTOMERS}/${id}/phones`, body, o),
  unbindPhone: (id: string, phoneId: string, reason: string, o?: RequestOptions) =>
    del<CustomerView>(`${CUSTOMERS}/${id}/phones/${phoneId}`, { reason }, o),
  setPrimary: (id: string, phoneId: string, o?: RequestOptions) =>
    post<CustomerView>(`${CUSTOMERS}/${id}/phones/${phoneId}/primary`, {}, o),
}

export const blacklistApi = {
  add: (body: { phone: string; reason: string; expiresAt: string | null }, o?: RequestOptions) =>
    post<BlacklistEntry>(BLACKLIST, body, o),
  remove: (id: string, reason: string, rowVersion: number, o?: RequestOptions) =>
    post<BlacklistEntry>(`${BLACKLIST}/${id}/remove`, { reason, rowVersion }, o),
  check: (phone: string) => get<BlacklistCheck>(`${BLACKLIST}/check`, { phone }),
}

export const panelApi = {
  household: (id: string) => get<HouseholdPanel>(`${PANEL}/households/${id}`),
  byPhone: (phone: string, o?: RequestOptions) => get<CallerPanel>(`${PANEL}/by-phone`, { phone }, o),
}
