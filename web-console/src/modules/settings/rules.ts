/**
 * Client rules of the settings forms, mirroring the Bean Validation annotations of
 * OrgRequests, UserRequests and RoleRequests (same regexes, lengths and messages).
 */
import type { FormRules } from 'element-plus'
import { email, maxLength, notBlank, notNull, pattern } from '@/utils/validators'

export const ORG_CODE_RE = /^[A-Za-z0-9_-]{2,64}$/
export const ORG_TYPE_CODE_RE = /^[A-Z][A-Z0-9_]{1,31}$/
export const USERNAME_RE = /^[A-Za-z0-9_.-]{3,64}$/
export const JOB_NUMBER_RE = /^[A-Za-z0-9]{1,32}$/
export const PHONE_RE = /^1[3-9]\d{9}$/
export const ROLE_CODE_RE = /^[A-Za-z][A-Za-z0-9_]{1,63}$/

const orgCode = [notBlank('机构编码不能为空'),
  pattern(ORG_CODE_RE, '机构编码只能包含字母、数字、下划线和短横线，长度 2-64')]
const orgName = [notBlank('机构名称不能为空'), maxLength(128, '机构名称不能超过 128 个字符')]
const contactPhone = [maxLength(32, '联系电话不能超过 32 个字符')]
const address = [maxLength(255, '地址不能超过 255 个字符')]

/** OrgRequests.Create */
export const orgCreateRules: FormRules = {
  parentId: [notNull('上级机构不能为空')],
  orgType: [notBlank('机构类型不能为空', 'change')],
  orgCode, orgName, contactPhone, address,
}

/** OrgRequests.Update */
export const orgUpdateRules: FormRules = { orgCode, orgName, contactPhone, address }

/** OrgRequests.CreateType */
export const orgTypeRules: FormRules = {
  typeCode: [notBlank('类型编码不能为空'),
    pattern(ORG_TYPE_CODE_RE, '类型编码须为大写字母开头的大写字母、数字或下划线，长度 2-32')],
  typeName: [notBlank('类型名称不能为空'), maxLength(64, '类型名称不能超过 64 个字符')],
  allowedParents: [notNull('允许的上级类型不能为空')],
}

const realName = [notBlank('姓名不能为空'), maxLength(64, '姓名不能超过 64 个字符')]
const jobNumber = [pattern(JOB_NUMBER_RE, '工号只能包含字母和数字，长度 1-32')]
const orgId = [notNull('所属机构不能为空')]
const phone = [pattern(PHONE_RE, '手机号格式不正确（11 位，以 1 开头）')]
const emailRules = [email('邮箱格式不正确'), maxLength(128, '邮箱不能超过 128 个字符')]

/** UserRequests.Create (initialPassword gets the password policy rules in the dialog) */
export const userCreateRules: FormRules = {
  username: [notBlank('用户名不能为空'),
    pattern(USERNAME_RE, '用户名只能包含字母、数字、下划线、点和短横线，长度 3-64')],
  realName, jobNumber, orgId, phone, email: emailRules,
}

/** UserRequests.Update */
export const userUpdateRules: FormRules = { realName, jobNumber, orgId, phone, email: emailRules }

/** RoleRequests.Save */
export const roleRules: FormRules = {
  roleCode: [notBlank('角色编码不能为空'),
    pattern(ROLE_CODE_RE, '角色编码须以字母开头，只能包含字母、数字和下划线，长度 2-64')],
  roleName: [notBlank('角色名称不能为空'), maxLength(64, '角色名称不能超过 64 个字符')],
  dataScope: [notBlank('数据范围不能为空', 'change')],
  remark: [maxLength(255, '备注不能超过 255 个字符')],
}
