/** Shapes of the HeatDesk server's JSON. Ids (Java Long) always arrive as strings. */

/** The envelope of every response: code "0" on success, else an ErrorCode name. */
export interface ApiEnvelope<T = unknown> {
  code: string
  msg: string
  data?: T
  field?: string
}

/** One page of a list (PageResult on the server; page is 1-based). */
export interface PageResult<T> {
  records: T[]
  total: number
  page: number
  size: number
  /** true when the server stopped counting at total: there are more rows than that */
  totalCapped?: boolean
}

export interface MenuNode {
  code: string
  name: string
  path: string | null
  icon: string | null
  children: MenuNode[]
}

export type DataScope = 'ALL' | 'SUBSIDIARY' | 'ORG_AND_CHILDREN' | 'CUSTOM' | 'SELF'

export interface Profile {
  userId: string
  username: string
  realName: string
  jobNumber: string | null
  orgId: string
  orgName: string | null
  subsidiaryId: string | null
  dataScope: DataScope
  roles: string[]
  permissions: string[]
  menus: MenuNode[]
  lastLoginAt: string | null
  lastLoginIp: string | null
  /** not sent yet; the console falls back to 30 minutes (system parameter security.session.idle-minutes) */
  idleMinutes?: number
}

export interface LoginResult {
  token: string
  tokenName: string
  tokenPrefix: string
  profile: Profile
  passwordExpiresInDays: number | null
}

/** data of PASSWORD_CHANGE_REQUIRED / PASSWORD_EXPIRED */
export interface ChangeTicket {
  changeTicket: string
  username: string
  expiresInSeconds: number
}

/** data of ACCOUNT_LOCKED */
export interface LockInfo {
  lockedUntil: string
  lockMinutes: number
}

export interface OrgNode {
  id: string
  parentId: string | null
  orgType: string
  orgTypeName: string
  orgCode: string
  orgName: string
  subsidiaryId: string | null
  enabled: boolean
  sortNo: number
  rowVersion: number
  children: OrgNode[]
}

export interface OrgUnit {
  id: string
  parentId: string | null
  orgType: string
  orgCode: string
  orgName: string
  orgPath: string
  depth: number
  subsidiaryId: string | null
  sortNo: number
  contactPhone: string | null
  address: string | null
  enabled: number
  rowVersion: number
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export interface OrgType {
  id: string
  typeCode: string
  typeName: string
  allowedParents: string
  isSubsidiary: number
  builtin: number
  sortNo: number
  createdAt: string
}

export interface OrgHistory {
  id: string
  orgId: string
  changeKind: 'CREATE' | 'UPDATE' | 'MOVE' | 'DISABLE' | 'ENABLE' | string
  beforeJson: string | null
  afterJson: string | null
  reason: string | null
  subsidiaryId: string | null
  orgPath: string
  createdBy: string
  createdByName: string | null
  createdAt: string
}

export interface RoleRef {
  id: string
  roleCode: string
  roleName: string
}

export interface UserView {
  id: string
  username: string
  realName: string
  jobNumber: string | null
  orgId: string
  orgName: string | null
  subsidiaryId: string | null
  phone: string | null
  email: string | null
  enabled: boolean
  locked: boolean
  lockedUntil: string | null
  mustChangePassword: boolean
  passwordChangedAt: string | null
  lastLoginAt: string | null
  lastLoginIp: string | null
  rowVersion: number
  createdAt: string
  roles: RoleRef[]
}

export interface SysRole {
  id: string
  roleCode: string
  roleName: string
  dataScope: DataScope
  builtin: number
  enabled: number
  remark: string | null
  subsidiaryId: string | null
  orgPath: string
  rowVersion: number
  createdAt: string
  updatedAt: string
  userCount: number | null
}

export interface RoleDetail {
  role: SysRole
  permissions: string[]
  customOrgIds: string[]
}

export interface PermissionNode {
  code: string
  name: string
  kind: 'MENU' | 'BUTTON'
  path: string | null
  icon: string | null
  module: string
  sort: number
  children: PermissionNode[]
}
