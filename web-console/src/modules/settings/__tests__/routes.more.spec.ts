import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import routes from '../routes-more'
import { collectModuleRoutes, moduleRoutes } from '@/router'

interface Declared { code: string; kind: string; path?: string }
// vitest runs in web-console/
const declared: Declared[] = JSON.parse(readFileSync(resolve(process.cwd(),
  '../module-settings/src/main/resources/heatdesk/permissions/settings.json'), 'utf-8'))
const codes = new Set(declared.map((d) => d.code))

describe('routes-more', () => {
  it('has one lazy route per page, on the server menu paths', () => {
    const menuPaths = new Set(declared.filter((d) => d.kind === 'MENU').map((d) => d.path))
    expect(routes.map((r) => r.path)).toEqual(['/settings/dict', '/settings/param', '/settings/changelog',
      '/settings/audit', '/settings/integration-app'])
    for (const r of routes) {
      expect(menuPaths.has(r.path)).toBe(true)
      expect(typeof r.component).toBe('function')
      expect(r.meta?.title).toBeTruthy()
    }
  })

  it('only uses declared permission codes', () => {
    for (const r of routes) {
      for (const c of ([] as string[]).concat(r.meta?.perm ?? [])) expect(codes.has(c), c).toBe(true)
    }
  })

  it('is collected by the router', () => {
    const names = moduleRoutes.map((r) => r.name)
    for (const r of routes) expect(names).toContain(r.name)
    expect(collectModuleRoutes({ 'x/routes-more.ts': { default: routes } })).toHaveLength(routes.length)
  })
})
