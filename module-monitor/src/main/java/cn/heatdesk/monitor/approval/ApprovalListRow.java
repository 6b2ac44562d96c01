package cn.heatdesk.monitor.approval;

/** An approval with who decides its current level (joined from mo_approval_step), for the lists. */
public class ApprovalListRow extends Approval {

    private String stepRole;
    private String stepOrgPath;
    private String stepOrgName;
    private String stepApproverNames;

    public String getStepRole() { return stepRole; }
    public void setStepRole(String stepRole) { this.stepRole = stepRole; }
    public String getStepOrgPath() { return stepOrgPath; }
    public void setStepOrgPath(String stepOrgPath) { this.stepOrgPath = stepOrgPath; }
    public String getStepOrgName() { return stepOrgName; }
    public void setStepOrgName(String stepOrgName) { this.stepOrgName = stepOrgName; }
    public String getStepApproverNames() { return stepApproverNames; }
    public void setStepApproverNames(String stepApproverNames) { this.stepApproverNames = stepApproverNames; }
}
