package cn.heatdesk.baseinfo.imports;

/**
 * The target of a running job.
 *
 * @param subsidiaryId      the subsidiary every row is imported into
 * @param subsidiaryCode    its org code (company rows name it in 所属分公司编码)
 * @param subsidiaryOrgPath its org path (responsible org of customers that have no household yet)
 */
public record ImportContext(long jobId, long subsidiaryId, String subsidiaryCode, String subsidiaryOrgPath) {
}
