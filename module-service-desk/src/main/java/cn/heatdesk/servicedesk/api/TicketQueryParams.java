package cn.heatdesk.servicedesk.api;

import cn.heatdesk.kernel.error.BizException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Query-string binding of every ticket list (客服中心 pools, 工单管理, exports): every {@link TicketFilter} field). Times come as text — yyyy-MM-dd,
 * yyyy-MM-dd HH:mm[:ss] or ISO; a date alone in {@code createdTo} means the end of that day — and statuses
 * comma-separated (or repeated); {@link #toFilter()} checks and converts them (400 naming the field).
 */
public class TicketQueryParams {

    private static final DateTimeFormatter SPACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final Set<String> TIMINGS = Set.of("NORMAL", "NEAR", "OVERDUE");

    private String ticketNo;
    private String keyword;
    private List<String> statuses;
    private String ticketType;
    private String source;
    private String urgency;
    private Boolean supervised;
    private Boolean overLevel;
    private Long orgId;
    private Long subsidiaryId;
    private Long stationOrgId;
    private Long workerId;
    private Long householdId;
    private String phone;
    private String pool;
    private String timing;
    private String visitResult;
    private String createdFrom;
    private String createdTo;
    private String deadlineBefore;

    public TicketFilter toFilter() {
        return new TicketFilter(trim(ticketNo), trim(keyword), statuses(), trim(ticketType), trim(source), trim(urgency),
                supervised, overLevel, orgId, subsidiaryId, stationOrgId, workerId, householdId, trim(phone), pool(),
                timing(), upper(visitResult), time(createdFrom, "createdFrom", false), time(createdTo, "createdTo", true),
                time(deadlineBefore, "deadlineBefore", false));
    }

    /** a short description of the conditions, for the export's audit entry */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, "工单号", ticketNo);
        append(sb, "关键字", keyword);
        append(sb, "状态", statuses == null ? null : String.join(",", statuses));
        append(sb, "类型", ticketType);
        append(sb, "来源", source);
        append(sb, "紧急程度", urgency);
        append(sb, "督办", supervised);
        append(sb, "越级", overLevel);
        append(sb, "机构", orgId);
        append(sb, "分公司", subsidiaryId);
        append(sb, "维修站", stationOrgId);
        append(sb, "维修员", workerId);
        append(sb, "房屋", householdId);
        append(sb, "电话", phone == null || phone.isBlank() ? null : "（已填）");
        append(sb, "工单池", pool);
        append(sb, "时效", timing);
        append(sb, "回访结果", visitResult);
        append(sb, "受理起", createdFrom);
        append(sb, "受理止", createdTo);
        append(sb, "期限早于", deadlineBefore);
        return sb.isEmpty() ? "全部" : sb.toString().strip();
    }

    private static void append(StringBuilder sb, String name, Object v) {
        if (v != null && !(v instanceof String s && s.isBlank())) {
            sb.append(name).append('=').append(v.toString().strip()).append(' ');
        }
    }

    private List<TicketStatus> statuses() {
        if (statuses == null || statuses.isEmpty()) {
            return null;
        }
        List<TicketStatus> out = new ArrayList<>();
        for (String part : statuses) {
            for (String s : part.split(",")) {
                String code = s.strip().toUpperCase(Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                try {
                    TicketStatus st = TicketStatus.valueOf(code);
                    if (!out.contains(st)) {
                        out.add(st);
                    }
                } catch (IllegalArgumentException e) {
                    throw BizException.invalid("statuses", "工单状态“" + s.strip() + "”不存在");
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    private TicketPool pool() {
        String p = upper(pool);
        if (p == null) {
            return null;
        }
        try {
            return TicketPool.valueOf(p);
        } catch (IllegalArgumentException e) {
            throw BizException.invalid("pool", "工单池“" + pool + "”不存在");
        }
    }

    private String timing() {
        String t = upper(timing);
        if (t != null && !TIMINGS.contains(t)) {
            throw BizException.invalid("timing", "时效只能是 NORMAL、NEAR 或 OVERDUE");
        }
        return t;
    }

    static LocalDateTime time(String text, String field, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return endOfDay ? d.plusDays(1).atStartOfDay() : d.atStartOfDay();
            }
            return (s.indexOf('T') > 0 ? LocalDateTime.parse(s) : LocalDateTime.parse(s, SPACE_TIME)).withNano(0);
        } catch (DateTimeParseException e) {
            throw BizException.invalid(field, "时间格式不正确，应为 yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    public String getTicketNo() { return ticketNo; }
    public void setTicketNo(String ticketNo) { this.ticketNo = ticketNo; }
    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public List<String> getStatuses() { return statuses; }
    public void setStatuses(List<String> statuses) { this.statuses = statuses; }
    public String getTicketType() { return ticketType; }
    public void setTicketType(String ticketType) { this.ticketType = ticketType; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public Boolean getSupervised() { return supervised; }
    public void setSupervised(Boolean supervised) { this.supervised = supervised; }
    public Boolean getOverLevel() { return overLevel; }
    public void setOverLevel(Boolean overLevel) { this.overLevel = overLevel; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public Long getStationOrgId() { return stationOrgId; }
    public void setStationOrgId(Long stationOrgId) { this.stationOrgId = stationOrgId; }
    public Long getWorkerId() { return workerId; }
    public void setWorkerId(Long workerId) { this.workerId = workerId; }
    public Long getHouseholdId() { return householdId; }
    public void setHouseholdId(Long householdId) { this.householdId = householdId; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getPool() { return pool; }
    public void setPool(String pool) { this.pool = pool; }
    public String getTiming() { return timing; }
    public void setTiming(String timing) { this.timing = timing; }
    public String getVisitResult() { return visitResult; }
    public void setVisitResult(String visitResult) { this.visitResult = visitResult; }
    public String getCreatedFrom() { return createdFrom; }
    public void setCreatedFrom(String createdFrom) { this.createdFrom = createdFrom; }
    public String getCreatedTo() { return createdTo; }
    public void setCreatedTo(String createdTo) { this.createdTo = createdTo; }
    public String getDeadlineBefore() { return deadlineBefore; }
    public void setDeadlineBefore(String deadlineBefore) { this.deadlineBefore = deadlineBefore; }
}
