import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent } from 'vue'
import { hasPerm, permitted, vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '1', username: 'u', realName: '测试', jobNumber: null, orgId: '2', orgName: '供热集团', subsidiaryId: null,
    dataScope: 'ALL', roles: ['R'], permissions, menus: [], lastLoginAt: null, lastLoginIp: null,
  } satisfies Profile
}

const Buttons = defineComponent({
  directives: { perm: vPerm },
  template: `
    <div>
      <button v-perm="'settings:user:edit'" data-testid="edit">编辑</button>
      <button v-perm="['audit:view', 'audit:export']" data-testid="audit">审计</button>
      <button v-perm="'settings:role:edit'" data-testid="role">角色</button>
      <span data-testid="always">总是显示</span>
    </div>`,
})

let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})

describe('permitted / hasPerm', () => {
  it('grants a held code and refuses a missing one', () => {
    expect(permitted(['settings:user'], 'settings:user')).toBe(true)
    expect(permitted(['settings:user'], 'settings:user:edit')).toBe(false)
  })

  it('"*" grants everything', () => {
    expect(permitted(['*'], 'anything:at:all')).toBe(true)
    expect(permitted(new Set(['*']), ['a', 'b'])).toBe(true)
  })

  it('a list means any of its codes', () => {
    expect(permitted(['b'], ['a', 'b'])).toBe(true)
    expect(permitted(['c'], ['a', 'b'])).toBe(false)
  })

  it('no code needed means permitted', () => {
    expect(permitted([], undefined)).toBe(true)
    expect(permitted([], [])).toBe(true)
  })

  it('hasPerm reads the signed-in user', () => {
    expect(hasPerm('settings:user')).toBe(false)
    signIn(['settings:user'])
    expect(hasPerm('settings:user')).toBe(true)
    expect(hasPerm(['x', 'settings:user'])).toBe(true)
    expect(hasPerm('settings:user:edit')).toBe(false)
    signIn(['*'])
    expect(hasPerm('settings:user:edit')).toBe(true)
  })
})

describe('v-perm', () => {
  it('removes elements whose permission is missing', () => {
    signIn(['settings:user:edit', 'audit:export'])
    const w = mount(Buttons, { global: { plugins: [pinia] } })
    expect(w.find('[data-testid="edit"]').exists()).toBe(true)
    expect(w.find('[data-testid="audit"]').exists()).toBe(true)
    expect(w.find('[data-testid="role"]').exists()).toBe(false)
    expect(w.find('[data-testid="always"]').exists()).toBe(true)
  })

  it('shows everything to a holder of "*"', () => {
    signIn(['*'])
    const w = mount(Buttons, { global: { plugins: [pinia] } })
    expect(w.findAll('button')).toHaveLength(3)
  })

  it('shows nothing guarded without permissions', () => {
    signIn([])
    const w = mount(Buttons, { global: { plugins: [pinia] } })
    expect(w.findAll('button')).toHaveLength(0)
    expect(w.find('[data-testid="always"]').exists()).toBe(true)
  })
})
