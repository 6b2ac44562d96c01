import { describe, expect, it } from 'vitest'
import { checkPassword, passwordClasses } from '@/utils/passwordPolicy'
import { menuChain } from '@/utils/menu'
import { ORG_CODE_RE, PHONE_RE, ROLE_CODE_RE, USERNAME_RE } from '@/modules/settings/rules'
import type { MenuNode } from '@/api/types'

describe('password policy (as PasswordPolicy.java with default parameters)', () => {
  it('counts character classes like the server', () => {
    expect(passwordClasses('abc')).toBe(1)
    expect(passwordClasses('HeatDesk@2026')).toBe(4)
    expect(passwordClasses('供热abc123')).toBe(3)
  })

  it('gives the server messages', () => {
    expect(checkPassword('Ab1@')).toBe('密码长度不能少于 8 位')
    expect(checkPassword('a'.repeat(65))).toBe('密码长度不能超过 64 位')
    expect(checkPassword('abcdefgh1')).toBe('密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类')
    expect(checkPassword('Agent01@x', 'agent01')).toBe('密码不能包含用户名')
    expect(checkPassword('HeatDesk@2026', 'admin')).toBeNull()
  })
})

describe('settings patterns (as the Java @Pattern regexes)', () => {
  it('match and refuse like the server', () => {
    expect(ORG_CODE_RE.test('SUB01-CS')).toBe(true)
    expect(ORG_CODE_RE.test('A')).toBe(false)
    expect(USERNAME_RE.test('li.si_01')).toBe(true)
    expect(USERNAME_RE.test('ab')).toBe(false)
    expect(PHONE_RE.test('13812345678')).toBe(true)
    expect(PHONE_RE.test('12812345678')).toBe(false)
    expect(ROLE_CODE_RE.test('HOTLINE_AGENT')).toBe(true)
    expect(ROLE_CODE_RE.test('1ROLE')).toBe(false)
  })
})

describe('menuChain', () => {
  const menus: MenuNode[] = [{ code: 'settings', name: '系统设置', path: '/settings', icon: null, children: [
    { code: 'settings:user', name: '用户管理', path: '/settings/user', icon: null, children: [] },
  ] }]
  it('finds the menus above a page, also for sub-pages', () => {
    expect(menuChain(menus, '/settings/user').map((m) => m.name)).toEqual(['系统设置', '用户管理'])
    expect(menuChain(menus, '/settings/user/42').map((m) => m.name)).toEqual(['系统设置', '用户管理'])
    expect(menuChain(menus, '/settings/users')).toHaveLength(1)
    expect(menuChain(menus, '/other')).toEqual([])
  })
})
