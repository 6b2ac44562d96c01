/** Calls of the settings module's org, user and role endpoints. */
import { del, get, post, put, type RequestOptions } from '@/api/http'
import type {
  OrgHistory, OrgNode, OrgType, OrgUnit, PermissionNode, RoleDetail, SysRole, UserView,
} from '@/api/types'

// ---- orgs ----------------------------------------------------------------------------------------------------
export interface OrgCreate {
  parentId: string
  orgType: string
  orgCode: string
  orgName: string
  sortNo: number | null
  contactPhone: string | null
  address: string | null
}

export type OrgUpdate = Omit<OrgCreate, 'parentId' | 'orgType'> & { rowVersion: number }

export interface OrgTypeCreate {
  typeCode: string
  typeName: string
  allowedParents: string
  subsidiary: boolean
  sortNo: number | null
}

export const orgApi = {
  tree: (includeDisabled = false) => get<OrgNode[]>('/api/settings/orgs/tree', { includeDisabled }),
  get: (id: string) => get<OrgUnit>(`/api/settings/orgs/${id}`),
  create: (body: OrgCreate, o?: RequestOptions) => post<OrgUnit>('/api/settings/orgs', body, o),
  update: (id: string, body: OrgUpdate, o?: RequestOptions) => put<OrgUnit>(`/api/settings/orgs/${id}`, body, o),
  move: (id: string, newParentId: string, reason: string, o?: RequestOptions) =>
    post<OrgUnit>(`/api/settings/orgs/${id}/move`, { newParentId, reason }, o),
  disable: (id: string, reason: string, o?: RequestOptions) => post<OrgUnit>(`/api/settings/orgs/${id}/disable`, { reason }, o),
  enable: (id: string, reason: string, o?: RequestOptions) => post<OrgUnit>(`/api/settings/orgs/${id}/enable`, { reason }, o),
  history: (id: string) => get<OrgHistory[]>(`/api/settings/orgs/${id}/history`),
  types: () => get<OrgType[]>('/api/settings/org-types'),
  createType: (body: OrgTypeCreate, o?: RequestOptions) => post<OrgType>('/api/settings/org-types', body, o),
}

// ---- users ---------------------------------------------------------------------------------------------------
export interface UserCreate {
  username: string
  realName: string
  jobNumber: string | null
  orgId: string
  phone: string | null
  email: string | null
  /** SM2-encrypted */
  initialPassword: string
  roleIds: string[]
}

export type UserUpdate = Omit<UserCreate, 'username' | 'initialPassword' | 'roleIds'> & { rowVersion: number }

export const userApi = {
  get: (id: string) => get<UserView>(`/api/settings/users/${id}`),
  create: (body: UserCreate, o?: RequestOptions) => post<UserView>('/api/settings/users', body, o),
  update: (id: string, body: UserUpdate, o?: RequestOptions) => put<UserView>(`/api/settings/users/${id}`, body, o),
  setRoles: (id: string, roleIds: string[], o?: RequestOptions) =>
    put<UserView>(`/api/settings/users/${id}/roles`, { roleIds }, o),
  /** newPassword SM2-encrypted */
  resetPassword: (id: string, newPassword: string, o?: RequestOptions) =>
    post(`/api/settings/users/${id}/reset-password`, { newPassword }, o),
  unlock: (id: string) => post<UserView>(`/api/settings/users/${id}/unlock`),
  enable: (id: string) => post<UserView>(`/api/settings/users/${id}/enable`),
  disable: (id: string) => post<UserView>(`/api/settings/users/${id}/disable`),
}

// ---- roles ---------------------------------------------------------------------------------------------------
export interface RoleSave {
  roleCode: string
  roleName: string
  dataScope: string
  remark: string | null
  enabled: boolean
  permissions: string[]
  customOrgIds: string[]
  subsidiaryId: string | null
  rowVersion: number | null
}

export const roleApi = {
  assignable: () => get<SysRole[]>('/api/settings/roles/assignable'),
  detail: (id: string) => get<RoleDetail>(`/api/settings/roles/${id}`),
  create: (body: RoleSave, o?: RequestOptions) => post<RoleDetail>('/api/settings/roles', body, o),
  update: (id: string, body: RoleSave, o?: RequestOptions) => put<RoleDetail>(`/api/settings/roles/${id}`, body, o),
  /** permissions only (settings:role:grant) */
  grant: (id: string, permissions: string[], o?: RequestOptions) =>
    put<RoleDetail>(`/api/settings/roles/${id}/permissions`, { permissions }, o),
  remove: (id: string) => del(`/api/settings/roles/${id}`),
  permissionTree: () => get<PermissionNode[]>('/api/settings/permissions/tree'),
}
