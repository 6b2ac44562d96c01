import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus', () => ({ ElMessage: vi.fn(), ElNotification: vi.fn() }))

import { createPinia, setActivePinia } from 'pinia'
import { ElNotification } from 'element-plus'
import smCrypto from 'sm-crypto'
import { useAuthStore } from '@/stores/auth'
import { clearPublicKeyCache } from '@/api/crypto'
import { getSubsidiary, getToken, onUnauthorized } from '@/api/session'
import { fakeServer, ok } from './helpers'

const keys = smCrypto.sm2.generateKeyPairHex()
const profile = {
  userId: '1', username: 'admin', realName: '系统管理员', jobNumber: 'A0001', orgId: '2', orgName: '供热集团',
  subsidiaryId: null, dataScope: 'ALL', roles: ['GROUP_ADMIN'], permissions: ['*'], menus: [], lastLoginAt: null,
  lastLoginIp: null,
}

beforeEach(() => {
  sessionStorage.clear()
  clearPublicKeyCache()
  setActivePinia(createPinia())
})

describe('auth store', () => {
  it('logs in with an SM2-encrypted password and keeps the token in sessionStorage', async () => {
    let body: { username: string; password: string } | undefined
    fakeServer((c) => {
      if (c.url === '/api/auth/public-key') return ok({ publicKey: keys.publicKey })
      body = JSON.parse(c.data as string)
      return ok({ token: 'tok', tokenName: 'Authorization', tokenPrefix: 'Bearer', profile, passwordExpiresInDays: 80 })
    })
    const auth = useAuthStore()
    await auth.login(' admin ', 'HeatDesk@2026')
    expect(body?.username).toBe('admin')
    expect(smCrypto.sm2.doDecrypt(body!.password, keys.privateKey, 1)).toBe('HeatDesk@2026')
    expect(getToken()).toBe('tok')
    expect(auth.isGroupUser).toBe(true)
    expect(auth.hasPerm('settings:user:edit')).toBe(true)
    auth.stopIdleWatch()
  })

  it('switching the subsidiary narrows later requests and re-mounts the page', () => {
    const auth = useAuthStore()
    auth.profile = { ...profile, dataScope: 'ALL' } as never
    auth.switchSubsidiary('99')
    expect(getSubsidiary()).toBe('99')
    expect(auth.viewKey).toBe(1)
    auth.switchSubsidiary(null)
    expect(getSubsidiary()).toBeNull()
  })

  it('signs out after the idle timeout with a notice', async () => {
    fakeServer(() => ok(null))
    const handler = vi.fn()
    onUnauthorized(handler)
    const auth = useAuthStore()
    auth.token = 'tok'
    auth.profile = profile as never
    auth.touch()
    await auth.checkIdle(Date.now() + 29 * 60_000 + 30_000) // 1 minute before: a warning only
    expect(auth.token).toBe('tok')
    await auth.checkIdle(Date.now() + 30 * 60_000 + 1_000)
    expect(auth.token).toBeNull()
    expect(handler).toHaveBeenCalledWith(expect.stringContaining('30 分钟未操作'))
    expect(vi.mocked(ElNotification)).toHaveBeenCalled()
    onUnauthorized(null)
  })
})
