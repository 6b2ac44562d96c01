package cn.heatdesk.kernel.crypto;

/** How a sensitive value is masked for display. */
public enum MaskType {
    /** 13812341234 → 138****1234 */
    PHONE,
    /** 110101199001011234 → 1101**********1234 */
    ID_NUMBER,
    /** 张三 → 张* */
    NAME,
    /** keeps the first 6 characters: 北京市朝阳区建国路1号 → 北京市朝阳区**** */
    ADDRESS
}
