package cn.heatdesk.callcenter.ivr;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Rows of cc_ivr_menu, cc_ivr_node, cc_ivr_key and cc_ivr_time (public fields, mapped by MyBatis). */
public final class IvrRows {

    private IvrRows() {
    }

    public static class Menu {
        public Long id;
        public Long gatewayId;
        public String hotline;
        public String menuName;
        public String rootNode;
        public String operatorQueue;
        public String offHoursAction;
        public String offHoursTarget;
        public String offHoursPrompt;
        public Integer enabled;
        public String remark;
        public Long subsidiaryId;
        public String orgPath;
        public Integer rowVersion;
        public Long createdBy;
        public LocalDateTime createdAt;
        public Long updatedBy;
        public LocalDateTime updatedAt;
    }

    public static class Node {
        public Long id;
        public Long menuId;
        public String nodeCode;
        public String nodeName;
        public String prompt;
        public Integer timeoutSeconds;
        public Integer maxRetries;
        public String invalidPrompt;
        public String timeoutPrompt;
        public String failAction;
        public String failTarget;
        public Integer sortNo;
        public Long subsidiaryId;
        public String orgPath;
    }

    public static class Key {
        public Long id;
        public Long menuId;
        public Long nodeId;
        public String digit;
        public String keyAction;
        public String keyTarget;
        public String label;
        public Long subsidiaryId;
        public String orgPath;
    }

    public static class Time {
        public Long id;
        public Long menuId;
        public String kind;
        public Integer weekday;
        public LocalDate holiday;
        public String startTime;
        public String endTime;
        public Long subsidiaryId;
        public String orgPath;
    }
}
