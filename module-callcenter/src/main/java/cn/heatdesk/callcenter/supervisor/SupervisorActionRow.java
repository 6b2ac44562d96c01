package cn.heatdesk.callcenter.supervisor;

import java.time.LocalDateTime;

/** cc_supervisor_action: one supervisor action, done (OK) or refused (FAILED, with the reason shown to them). */
public class SupervisorActionRow {
    public Long id;
    public Long gatewayId;
    public String linkedid;
    public String action;
    public Long supervisorId;
    public String supervisorName;
    public String supervisorExtension;
    public Long targetAgentId;
    public String targetJobNo;
    public String queueName;
    public String result;
    public String errorMessage;
    public Long subsidiaryId;
    public String orgPath;
    public LocalDateTime createdAt;
}
