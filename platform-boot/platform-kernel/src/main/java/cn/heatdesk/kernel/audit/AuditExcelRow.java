package cn.heatdesk.kernel.audit;

import com.alibaba.excel.annotation.ExcelProperty;
import com.alibaba.excel.annotation.write.style.ColumnWidth;

/** One row of the audit log export, with Chinese column headers. */
@ColumnWidth(20)
public class AuditExcelRow {

    @ExcelProperty("序号")
    @ColumnWidth(10)
    private Long seq;
    @ExcelProperty("操作时间")
    private String occurredAt;
    @ExcelProperty("用户ID")
    private String userId;
    @ExcelProperty("用户名")
    private String username;
    @ExcelProperty("客户端IP")
    private String clientIp;
    @ExcelProperty("操作")
    @ColumnWidth(24)
    private String action;
    @ExcelProperty("操作对象")
    @ColumnWidth(40)
    private String target;
    @ExcelProperty("结果")
    @ColumnWidth(8)
    private String result;
    @ExcelProperty("HTTP状态")
    @ColumnWidth(10)
    private Integer httpStatus;
    @ExcelProperty("分公司ID")
    private String subsidiaryId;
    @ExcelProperty("组织路径")
    private String orgPath;
    @ExcelProperty("详情")
    @ColumnWidth(60)
    private String detail;
    @ExcelProperty("记录哈希(SM3)")
    @ColumnWidth(66)
    private String rowHash;

    static AuditExcelRow of(AuditRecord r) {
        AuditExcelRow row = new AuditExcelRow();
        row.seq = r.seq();
        row.occurredAt = AuditHasher.format(r.occurredAt()).replace('T', ' ');
        row.userId = r.userId() == null ? null : r.userId().toString();
        row.username = r.username();
        row.clientIp = r.clientIp();
        row.action = r.action();
        row.target = r.target();
        row.result = "SUCCESS".equals(r.result()) ? AuditResult.SUCCESS.label()
                : "FAILURE".equals(r.result()) ? AuditResult.FAILURE.label() : r.result();
        row.httpStatus = r.httpStatus();
        row.subsidiaryId = r.subsidiaryId() == null ? null : r.subsidiaryId().toString();
        row.orgPath = r.orgPath();
        // Excel cells hold at most 32767 characters
        row.detail = r.detail() != null && r.detail().length() > 32000 ? r.detail().substring(0, 32000) : r.detail();
        row.rowHash = r.rowHash();
        return row;
    }

    public Long getSeq() { return seq; }
    public String getOccurredAt() { return occurredAt; }
    public String getUserId() { return userId; }
    public String getUsername() { return username; }
    public String getClientIp() { return clientIp; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getResult() { return result; }
    public Integer getHttpStatus() { return httpStatus; }
    public String getSubsidiaryId() { return subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public String getDetail() { return detail; }
    public String getRowHash() { return rowHash; }
}
