package cn.heatdesk.repair.worker;

/** Filters of the worker list; empty values mean "any". */
public class WorkerFilter {

    private Long stationOrgId;
    /** REPAIR / GRID */
    private String workerType;
    private Boolean onDuty;
    /** a skill code */
    private String skill;
    /** set by the service from {@link #skill}: the pattern matching the code inside the comma list */
    private String skillLike;

    public Long getStationOrgId() { return stationOrgId; }
    public void setStationOrgId(Long stationOrgId) { this.stationOrgId = stationOrgId; }
    public String getWorkerType() { return workerType; }
    public void setWorkerType(String workerType) { this.workerType = workerType; }
    public Boolean getOnDuty() { return onDuty; }
    public void setOnDuty(Boolean onDuty) { this.onDuty = onDuty; }
    public String getSkill() { return skill; }
    public void setSkill(String skill) { this.skill = skill; }
    public String getSkillLike() { return skillLike; }
    public void setSkillLike(String skillLike) { this.skillLike = skillLike; }
}
