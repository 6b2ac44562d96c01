/**
 * A yes/no question before an action. The box has class "hd-msgbox" and its confirm button "hd-msgbox-confirm"
 * (browser tests click `.hd-msgbox .hd-msgbox-confirm`).
 */
import { ElMessageBox } from 'element-plus'

export async function confirmAction(message: string, title: string,
                                    options: { confirmText?: string; danger?: boolean } = {}): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: options.confirmText ?? '确定',
      cancelButtonText: '取消',
      customClass: 'hd-msgbox',
      confirmButtonClass: options.danger ? 'hd-msgbox-confirm el-button--danger' : 'hd-msgbox-confirm',
      cancelButtonClass: 'hd-msgbox-cancel',
      closeOnClickModal: false,
    })
    return true
  } catch {
    return false
  }
}
