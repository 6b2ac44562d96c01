/** Chinese names of the built-in roles (SettingsBootstrap), for places that only know a role code. */
export const BUILTIN_ROLE_NAMES: Record<string, string> = {
  GROUP_ADMIN: '集团管理员',
  SUBSIDIARY_ADMIN: '分公司管理员',
  AGENT: '客服坐席',
  SUPERVISOR: '班长',
  STATION_LEAD: '维修站负责人',
  WORKER: '维修员/网格员',
}

export function roleName(code: string, known: Record<string, string> = {}): string {
  return known[code] ?? BUILTIN_ROLE_NAMES[code] ?? code
}
