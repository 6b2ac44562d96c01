import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { fakeServer, ok } from '../../../../tests/unit/helpers'
import GatewayFormDialog from '../admin/GatewayFormDialog.vue'
import ForceDialog from '../admin/ForceDialog.vue'
import type { AgentView, GatewayView } from '../api-admin'

beforeEach(() => {
  sessionStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

/** form validation and the dialog's transitions settle over a few ticks */
async function settle() {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 20))
  }
}

const q = <T extends Element = HTMLElement>(sel: string) => document.querySelector(sel) as T
const click = async (testid: string) => {
  q(`[data-testid="${testid}"]`).click()
  await settle()
}
async function type(testid: string, value: string) {
  const el = q<HTMLInputElement>(`input[data-testid="${testid}"]`)
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}
const errorsShown = () => [...document.querySelectorAll('[data-testid="gateway-form-dialog"] .el-form-item__error')]
  .map((e) => e.textContent?.trim())

const gateway: GatewayView = {
  id: '7', code: 'HQ01', name: '总部网关', kind: 'HQ', kindLabel: '总部网关', stationOrgId: null, stationName: null,
  amiHost: '10.0.0.5', amiPort: 5038, amiUsername: 'heatdesk', amiSecretSet: true, agiHost: null, agiPort: null,
  recordingDir: '/var/spool/asterisk/monitor', enabled: true, remark: null, phoneCount: 2, queueCount: 3, status: null,
  rowVersion: 3, createdAt: null, updatedAt: null,
}

describe('GatewayFormDialog', () => {
  it('refuses an empty form with the server\u2019s messages and sends nothing', async () => {
    const seen = fakeServer(() => ok(null))
    const w = mount(GatewayFormDialog, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    void (w.vm as unknown as { open: () => Promise<unknown> }).open()
    await flushPromises()
    await type('gateway-form-code', 'HQ 01')
    await type('gateway-form-ami-host', 'ami host!')
    await click('gateway-form-confirm')
    const shown = errorsShown()
    expect(shown).toContain('网关编码只能由字母、数字、下划线和短横线组成，最多 32 位')
    expect(shown).toContain('网关名称不能为空')
    expect(shown).toContain('AMI 地址应为主机名或 IP 地址')
    expect(shown).toContain('AMI 用户名不能为空')
    expect(shown).toContain('AMI 密码不能为空')
    expect(seen).toHaveLength(0)
    w.unmount()
  })

  it('requires a station for a 站部网关', async () => {
    const seen = fakeServer((c) => (c.url === '/api/servicedesk/stations' ? ok([]) : ok(null)))
    const w = mount(GatewayFormDialog, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    void (w.vm as unknown as { open: () => Promise<unknown> }).open()
    await flushPromises()
    ;(q('[data-testid="gateway-form-kind-STATION"] input') as HTMLInputElement).click()
    await flushPromises()
    expect(q('[data-testid="gateway-form-station"]')).not.toBeNull()
    await click('gateway-form-confirm')
    expect(errorsShown()).toContain('站部网关须选择所属维修站')
    expect(seen.filter((c) => c.method !== 'get')).toHaveLength(0)
    w.unmount()
  })

  it('edits without the secret ("留空则不修改") and shows a server field error under its field', async () => {
    const bodies: unknown[] = []
    let refuse = true
    fakeServer((c) => {
      bodies.push(JSON.parse(c.data as string))
      if (refuse) return { status: 400, data: { code: 'VALIDATION', msg: 'FastAGI 地址和端口须同时填写', field: 'agiPort' } }
      return ok({ ...gateway, rowVersion: 4 })
    })
    const w = mount(GatewayFormDialog, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    const done = (w.vm as unknown as { open: (g: GatewayView) => Promise<GatewayView | null> }).open(gateway)
    await flushPromises()
    expect(q<HTMLInputElement>('input[data-testid="gateway-form-code"]').disabled).toBe(true)
    expect(q<HTMLInputElement>('input[data-testid="gateway-form-ami-secret"]').placeholder).toBe('留空则不修改')
    expect(q('[data-testid="gateway-form-secret-tip"]').textContent).toContain('已设置密码')
    await type('gateway-form-agi-host', '10.0.0.9')
    await click('gateway-form-confirm')
    await flushPromises()
    expect(bodies[0]).toEqual({
      code: 'HQ01', name: '总部网关', kind: 'HQ', stationOrgId: null, amiHost: '10.0.0.5', amiPort: 5038,
      amiUsername: 'heatdesk', amiSecret: null, agiHost: '10.0.0.9', agiPort: null,
      recordingDir: '/var/spool/asterisk/monitor', remark: null, enabled: true, rowVersion: 3,
    })
    expect(errorsShown()).toContain('FastAGI 地址和端口须同时填写')

    refuse = false
    await type('gateway-form-agi-host', '')
    await click('gateway-form-confirm')
    await flushPromises()
    expect(await done).toMatchObject({ id: '7', rowVersion: 4 })
    w.unmount()
  })
})

const agent = (state: string): AgentView => ({
  id: '31', userId: '5', username: 'agent01', jobNo: '1001', agentName: '李坐席', orgName: '客服中心', phoneId: '11',
  extension: '8001', gatewayId: '1', gatewayName: '总部网关', phoneRegistered: true, phoneDeviceState: 'NOT_INUSE',
  state: state as AgentView['state'], stateLabel: null, stateReason: null, stateReasonLabel: null,
  stateSince: '2026-11-21T09:00:00', stateUntil: null, currentCall: null, currentQueue: null, skills: [], allowed: [],
  remark: null, rowVersion: 4,
})

describe('ForceDialog', () => {
  it('强制示忙 needs a busy reason from the dictionary', async () => {
    const posted: unknown[] = []
    fakeServer((c) => {
      if (c.url === '/api/settings/dicts') return ok({ busy_reason: [{ code: 'MEETING', label: '开会' }], break_reason: [] })
      posted.push(JSON.parse(c.data as string))
      return ok({ ...agent('BUSY'), stateLabel: '示忙' })
    })
    const w = mount(ForceDialog, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    const done = (w.vm as unknown as { open: (a: AgentView, x: string) => Promise<AgentView | null> }).open(agent('IDLE'), 'FORCE_BUSY')
    await flushPromises()
    await click('agent-force-confirm')
    expect(document.body.textContent).toContain('示忙须选择原因')
    expect(posted).toHaveLength(0)

    ;(q('[data-testid="agent-force-reason"] .el-select__wrapper') ?? q('[data-testid="agent-force-reason"]')).click()
    await flushPromises()
    ;(q('[data-testid="agent-force-reason-MEETING"]')).click()
    await flushPromises()
    await click('agent-force-confirm')
    expect(posted).toEqual([{ action: 'FORCE_BUSY', reason: 'MEETING' }])
    expect(await done).toMatchObject({ state: 'BUSY' })
    w.unmount()
  })

  it('强制签出 sends the optional note, or null', async () => {
    const posted: unknown[] = []
    fakeServer((c) => {
      posted.push(JSON.parse(c.data as string))
      return ok(agent('SIGNED_OUT'))
    })
    const w = mount(ForceDialog, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    void (w.vm as unknown as { open: (a: AgentView, x: string) => Promise<unknown> }).open(agent('IDLE'), 'FORCE_SIGN_OUT')
    await flushPromises()
    expect(q('[data-testid="agent-force-dialog"]').getAttribute('data-action')).toBe('FORCE_SIGN_OUT')
    await click('agent-force-confirm')
    expect(posted).toEqual([{ action: 'FORCE_SIGN_OUT', reason: null }])
    w.unmount()
  })
})
