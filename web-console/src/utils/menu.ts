import type { MenuNode } from '@/api/types'

/** The chain of menus from the top to the deepest menu whose path is `path` or a prefix of it (/a/b for /a/b/1). */
export function menuChain(menus: MenuNode[], path: string): MenuNode[] {
  let best: MenuNode[] = []
  const walk = (nodes: MenuNode[], trail: MenuNode[]) => {
    for (const n of nodes) {
      const chain = [...trail, n]
      if (n.path && (path === n.path || path.startsWith(n.path.endsWith('/') ? n.path : n.path + '/'))) {
        if (chain.length > best.length || (chain.length === best.length && (n.path?.length ?? 0) > (best[best.length - 1]?.path?.length ?? 0))) {
          best = chain
        }
      }
      if (n.children?.length) walk(n.children, chain)
    }
  }
  walk(menus, [])
  return best
}

/** every leaf menu, depth first */
export function leafMenus(menus: MenuNode[]): MenuNode[] {
  return menus.flatMap((m) => (m.children?.length ? leafMenus(m.children) : [m]))
}
