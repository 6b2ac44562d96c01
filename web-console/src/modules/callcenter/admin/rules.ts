/**
 * Client rules of the call center administration forms, mirroring GatewayRequests and AgentRequests of
 * module-callcenter (same regexes, ranges and messages).
 */
import type { FormItemRule, FormRules } from 'element-plus'
import { maxLength, notBlank, notNull, pattern } from '@/utils/validators'

export const GATEWAY_CODE_RE = /^[A-Za-z0-9_-]{1,32}$/
export const HOST_RE = /^[A-Za-z0-9.:\-[\]]{1,253}$/
export const AMI_USER_RE = /^[A-Za-z0-9_.-]{1,64}$/
export const EXTENSION_RE = /^[0-9]{2,16}$/
export const ENDPOINT_RE = /^[A-Za-z0-9_-]{1,64}$/
export const MAC_RE = /^([0-9A-Fa-f]{2}[:-]?){5}[0-9A-Fa-f]{2}$/
export const QUEUE_NAME_RE = /^[a-z][a-z0-9_-]{0,63}$/
export const JOB_NO_RE = /^[0-9A-Za-z]{2,16}$/

/** @Min/@Max on an Integer (each with its own message, like the server): empty passes unless required */
export function range(min: number, max: number, message: string, maxMessage: string = message,
                      trigger: 'blur' | 'change' = 'change'): FormItemRule {
  return {
    trigger,
    validator: (_r, v, cb) => {
      if (v === null || v === undefined || v === '') return cb()
      const n = Number(v)
      if (!Number.isFinite(n) || n < min) return cb(new Error(message))
      return n > max ? cb(new Error(maxMessage)) : cb()
    },
  }
}

/** @Size(min, max) on an optional string: empty passes */
export function lengthBetween(min: number, max: number, message: string): FormItemRule {
  return {
    trigger: 'blur',
    validator: (_r, v, cb) => {
      if (v === null || v === undefined || v === '') return cb()
      const n = String(v).length
      return n >= min && n <= max ? cb() : cb(new Error(message))
    },
  }
}

/** GatewayRequests.GatewaySave; the secret is required on create only (GatewayService) */
export function gatewayRules(creating: boolean, kind: () => string | null): FormRules {
  return {
    code: [notBlank('网关编码不能为空'),
      pattern(GATEWAY_CODE_RE, '网关编码只能由字母、数字、下划线和短横线组成，最多 32 位')],
    name: [notBlank('网关名称不能为空'), maxLength(64, '网关名称不能超过 64 个字')],
    kind: [notBlank('请选择网关类型', 'change')],
    stationOrgId: [{
      trigger: 'change',
      validator: (_r, v, cb) => (kind() === 'STATION' && !v ? cb(new Error('站部网关须选择所属维修站')) : cb()),
    }],
    amiHost: [notBlank('AMI 地址不能为空'), pattern(HOST_RE, 'AMI 地址应为主机名或 IP 地址')],
    amiPort: [notNull('AMI 端口不能为空'), range(1, 65535, 'AMI 端口应在 1 到 65535 之间')],
    amiUsername: [notBlank('AMI 用户名不能为空'),
      pattern(AMI_USER_RE, 'AMI 用户名只能由字母、数字、点、下划线和短横线组成')],
    amiSecret: creating
      ? [notBlank('AMI 密码不能为空'), maxLength(128, 'AMI 密码不能超过 128 个字符')]
      : [maxLength(128, 'AMI 密码不能超过 128 个字符')],
    agiHost: [pattern(HOST_RE, 'FastAGI 地址应为主机名或 IP 地址')],
    agiPort: [range(1, 65535, 'FastAGI 端口应在 1 到 65535 之间')],
    recordingDir: [maxLength(255, '录音目录不能超过 255 个字符')],
    remark: [maxLength(255, '备注不能超过 255 个字')],
  }
}

/** GatewayRequests.PhoneSave */
export const phoneRules: FormRules = {
  gatewayId: [notNull('请选择网关')],
  extension: [notBlank('分机号不能为空'), pattern(EXTENSION_RE, '分机号应为 2 到 16 位数字')],
  endpointName: [pattern(ENDPOINT_RE, 'PJSIP 终端名只能由字母、数字、下划线和短横线组成')],
  sipSecret: [lengthBetween(8, 64, 'SIP 密码长度应为 8 到 64 个字符')],
  model: [maxLength(64, '话机型号不能超过 64 个字')],
  mac: [pattern(MAC_RE, 'MAC 地址格式不正确')],
  remark: [maxLength(255, '备注不能超过 255 个字')],
}

/** GatewayRequests.QueueSave */
export const queueRules: FormRules = {
  gatewayId: [notNull('请选择网关')],
  queueName: [notBlank('队列名不能为空'),
    pattern(QUEUE_NAME_RE, '队列名只能由小写字母、数字、下划线和短横线组成，且以字母开头')],
  displayName: [notBlank('队列显示名不能为空'), maxLength(64, '队列显示名不能超过 64 个字')],
  skillCode: [notBlank('请选择技能', 'change')],
  timeoutSeconds: [range(5, 120, '振铃超时不能少于 5 秒', '振铃超时不能超过 120 秒')],
  wrapupSeconds: [range(0, 600, '整理时长不能为负数', '整理时长不能超过 600 秒')],
  maxWaitSeconds: [range(10, 3600, '最长排队时间不能少于 10 秒', '最长排队时间不能超过 3600 秒')],
  remark: [maxLength(255, '备注不能超过 255 个字')],
}

/** AgentRequests.Create (jobNo optional: blank = the user's job number) / Update (jobNo required) */
export function agentRules(creating: boolean): FormRules {
  return {
    userId: creating ? [notNull('请选择人员')] : [],
    jobNo: creating
      ? [pattern(JOB_NO_RE, '工号应为 2 到 16 位字母或数字')]
      : [notBlank('工号不能为空'), pattern(JOB_NO_RE, '工号应为 2 到 16 位字母或数字')],
    remark: [maxLength(255, '备注不能超过 255 个字')],
  }
}
