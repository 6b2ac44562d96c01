import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { FormItemRule } from 'element-plus'
import { ApiError } from '@/api/http'
import { vPerm } from '@/directives/perm'
import { useAuthStore } from '@/stores/auth'
import type { Profile } from '@/api/types'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import DictItemsPanel, {
  CODE_RE, COLOR_RE, hexOrNull, isConflict, itemRules, nextSortNo, readableTextColor, tagPreview, typeRules,
  type DictItemView, type DictTypeView,
} from '../DictItemsPanel.vue'

/** runs a form rule's validator and returns its message ('' when the value passes) */
function check(rule: FormItemRule, value: unknown): string {
  let msg = ''
  rule.validator!(rule, value, (e?: string | Error) => {
    msg = e ? String(e instanceof Error ? e.message : e) : ''
  }, {}, {})
  return msg
}

function firstError(rules: FormItemRule[] | FormItemRule | undefined, value: unknown): string {
  for (const r of ([] as FormItemRule[]).concat(rules ?? [])) {
    const m = check(r, value)
    if (m) return m
  }
  return ''
}

describe('dictionary rules mirror DictRequests', () => {
  it('codes: letters, digits, underscore and hyphen, 1–64', () => {
    expect(CODE_RE.test('ticket_type')).toBe(true)
    expect(CODE_RE.test('A-1')).toBe(true)
    expect(CODE_RE.test('x'.repeat(64))).toBe(true)
    expect(CODE_RE.test('x'.repeat(65))).toBe(false)
    expect(CODE_RE.test('工单')).toBe(false)
    expect(CODE_RE.test('a b')).toBe(false)
    expect(firstError(typeRules.typeCode, '')).toBe('字典编码不能为空')
    expect(firstError(typeRules.typeCode, 'a.b')).toBe('字典编码只能包含字母、数字、下划线和短横线，最长64个字符')
    expect(firstError(itemRules.itemCode, '  ')).toBe('字典项编码不能为空')
    expect(firstError(itemRules.itemCode, 'a/b')).toBe('字典项编码只能包含字母、数字、下划线和短横线，最长64个字符')
  })

  it('names, remarks and reasons have the server lengths and messages', () => {
    expect(firstError(typeRules.typeName, '')).toBe('字典名称不能为空')
    expect(firstError(typeRules.typeName, '名'.repeat(64))).toBe('')
    expect(firstError(typeRules.typeName, '名'.repeat(65))).toBe('字典名称不能超过64个字符')
    expect(firstError(itemRules.itemLabel, '名'.repeat(129))).toBe('字典项名称不能超过128个字符')
    expect(firstError(typeRules.remark, 'x'.repeat(256))).toBe('备注不能超过255个字符')
    expect(firstError(itemRules.reason, 'x'.repeat(501))).toBe('变更原因不能超过500个字符')
  })

  it('sort numbers 0–999999', () => {
    expect(firstError(itemRules.sortNo, -1)).toBe('排序号不能小于0')
    expect(firstError(itemRules.sortNo, 1000000)).toBe('排序号不能大于999999')
    expect(firstError(itemRules.sortNo, 0)).toBe('')
    expect(firstError(itemRules.sortNo, null)).toBe('')
  })

  it('tag colours: #RRGGBB or a theme name, empty allowed', () => {
    for (const ok of ['', '#00ff00', '#ABCDEF', 'primary', 'success', 'info', 'warning', 'danger']) {
      expect(COLOR_RE.test(ok)).toBe(true)
    }
    for (const bad of ['#fff', 'red', '#GGGGGG', 'Primary']) expect(COLOR_RE.test(bad)).toBe(false)
    expect(firstError(itemRules.tagColor, 'red')).toBe('标签颜色应为 #RRGGBB 或 primary/success/info/warning/danger')
  })
})

describe('tag colour preview', () => {
  it('theme names become el-tag types', () => {
    expect(tagPreview('danger')).toEqual({ type: 'danger', effect: 'light' })
  })

  it('#RRGGBB becomes a solid tag with readable text', () => {
    const dark = tagPreview('#1F2D3D')
    expect(dark.color).toBe('#1F2D3D')
    expect(dark.effect).toBe('dark')
    expect(dark.style?.color).toBe('#FFFFFF')
    expect(tagPreview('#FFFF00').style?.color).toBe('#303133')
    expect(readableTextColor('#FFFFFF')).toBe('#303133')
    expect(readableTextColor('#000000')).toBe('#FFFFFF')
  })

  it('no colour is a plain grey tag', () => {
    expect(tagPreview(null)).toEqual({ type: 'info', effect: 'plain' })
    expect(tagPreview('nonsense')).toEqual({ type: 'info', effect: 'plain' })
  })

  it('only hex colours go to the colour picker', () => {
    expect(hexOrNull('#aabbcc')).toBe('#aabbcc')
    expect(hexOrNull('primary')).toBeNull()
    expect(hexOrNull('')).toBeNull()
  })
})

describe('helpers', () => {
  it('next sort number follows the largest in steps of 10', () => {
    expect(nextSortNo([])).toBe(10)
    expect(nextSortNo([{ sortNo: 10 }, { sortNo: 35 }])).toBe(40)
    expect(nextSortNo([{ sortNo: 999999 }])).toBe(999999)
  })

  it('a 409 CONFLICT is an optimistic-lock refusal; DUPLICATE is not', () => {
    expect(isConflict(new ApiError(409, 'CONFLICT', '数据已被他人修改，请刷新后重试'))).toBe(true)
    expect(isConflict(new ApiError(409, 'DUPLICATE', '字典编码已存在', 'typeCode'))).toBe(false)
    expect(isConflict(new Error('x'))).toBe(false)
  })
})

// ---- the items panel against a fake server ---------------------------------------------------------------------
const TYPE: DictTypeView = {
  id: '100', typeCode: 'ticket_type', typeName: '工单类型', builtin: true, enabled: true, remark: null, itemCount: 2,
  rowVersion: 0, createdAt: '2026-01-01T00:00:00', updatedAt: '2026-01-01T00:00:00',
}

function item(id: string, code: string, builtin: boolean, enabled = true, rowVersion = 0): DictItemView {
  return {
    id, typeCode: 'ticket_type', itemCode: code, itemLabel: code + '名称', sortNo: Number(id), builtin, enabled,
    tagColor: builtin ? 'danger' : '#2563EB', remark: null, rowVersion, createdAt: '', updatedAt: '',
  }
}

function signIn(permissions: string[]) {
  useAuthStore().profile = {
    userId: '1', username: 'admin', realName: '管理员', jobNumber: null, orgId: '2', orgName: '供热集团',
    subsidiaryId: null, dataScope: 'ALL', roles: ['GROUP_ADMIN'], permissions, menus: [], lastLoginAt: null,
    lastLoginIp: null,
  } satisfies Profile
}

let pinia: Pinia
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  document.body.innerHTML = ''
})

function mountPanel() {
  return mount(DictItemsPanel, {
    props: { type: TYPE },
    global: { plugins: [pinia, ElementPlus], directives: { perm: vPerm } },
    attachTo: document.body,
  })
}

describe('DictItemsPanel', () => {
  it('lists the items of the type; built-in items show 内置 and have no delete button', async () => {
    signIn(['settings:dict', 'settings:dict:edit'])
    const seen = fakeServer(() => ok([item('10', 'HEAT', true), item('20', 'LEAK', false)]))
    const w = mountPanel()
    await flushPromises()
    expect(seen[0].url).toBe('/api/settings/dict-types/100/items')
    const rows = w.findAll('.el-table__body-wrapper tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-testid="dict-builtin-tag"]').exists()).toBe(true)
    expect(rows[0].find('[data-testid="dict-item-delete"]').exists()).toBe(false)
    expect(rows[0].find('[data-testid="dict-item-disable"]').exists()).toBe(true)
    expect(rows[1].find('[data-testid="dict-builtin-tag"]').exists()).toBe(false)
    expect(rows[1].find('[data-testid="dict-item-delete"]').exists()).toBe(true)
    w.unmount()
  })

  it('without the edit permission there are no write buttons', async () => {
    signIn(['settings:dict'])
    fakeServer(() => ok([item('20', 'LEAK', false)]))
    const w = mountPanel()
    await flushPromises()
    expect(w.find('[data-testid="dict-item-add"]').exists()).toBe(false)
    expect(w.find('[data-testid="dict-item-edit"]').exists()).toBe(false)
    expect(w.find('[data-testid="dict-item-delete"]').exists()).toBe(false)
    w.unmount()
  })

  it('sends the row version when disabling, and reloads after a 409', async () => {
    signIn(['*'])
    let version = 3
    const seen = fakeServer((c) => {
      if (c.method === 'post') {
        return { status: 409, data: { code: 'CONFLICT', msg: '数据已被他人修改，请刷新后重试' } }
      }
      return ok([item('20', 'LEAK', false, true, version++)])
    })
    const w = mountPanel()
    await flushPromises()
    await w.find('[data-testid="dict-item-disable"]').trigger('click')
    await flushPromises()
    const confirm = document.querySelector<HTMLButtonElement>('.hd-msgbox .hd-msgbox-confirm')
    expect(confirm).not.toBeNull()
    confirm!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    const post = seen.find((c) => c.method === 'post')!
    expect(post.url).toBe('/api/settings/dict-items/20/disable')
    expect(JSON.parse(String(post.data))).toEqual({ rowVersion: 3 })
    // loaded again after the refusal
    expect(seen.filter((c) => c.method === 'get')).toHaveLength(2)
    w.unmount()
  })
})
