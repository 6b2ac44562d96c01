/**
 * v-perm: shows an element only to users holding the permission.
 *   <el-button v-perm="'settings:user:edit'">新增</el-button>          one code
 *   <el-button v-perm="['audit:view', 'audit:export']">…</el-button>   any of the codes
 * The element is removed from the DOM (not hidden) when the permission is missing; '*' grants everything.
 * In script code use hasPerm('code') (or useAuthStore().hasPerm).
 */
import type { Directive, DirectiveBinding } from 'vue'
import { permitted, useAuthStore } from '@/stores/auth'

export type PermValue = string | readonly string[]

/** true when the signed-in user holds any of the codes ('*' = all permissions) */
export function hasPerm(codes: PermValue | null | undefined): boolean {
  return useAuthStore().hasPerm(codes)
}

export { permitted }

function apply(el: HTMLElement, binding: DirectiveBinding<PermValue>) {
  if (!permitted(useAuthStore().permissions, binding.value)) {
    el.parentNode?.removeChild(el)
  }
}

export const vPerm: Directive<HTMLElement, PermValue> = {
  mounted: apply,
  updated: apply,
}

export default vPerm

declare module 'vue' {
  export interface GlobalDirectives {
    vPerm: typeof vPerm
  }
}
