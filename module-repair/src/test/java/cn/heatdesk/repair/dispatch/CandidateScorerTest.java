package cn.heatdesk.repair.dispatch;

import cn.heatdesk.repair.dispatch.CandidateScorer.Area;
import cn.heatdesk.repair.dispatch.CandidateScorer.Result;
import cn.heatdesk.repair.dispatch.CandidateScorer.SkillFacts;
import cn.heatdesk.repair.dispatch.CandidateScorer.WorkerFacts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateScorerTest {

    static final Map<String, SkillFacts> SKILLS = Map.of(
            "PIPE", new SkillFacts("PIPE", "管网维修", Set.of("REPAIR"), true),
            "VALVE", new SkillFacts("VALVE", "阀门检修", Set.of("REPAIR", "SUSPENSION"), true),
            "TEMP_CHECK", new SkillFacts("TEMP_CHECK", "测温", Set.of("TEMP_CHECK", "COMPLAINT"), true),
            "OLD", new SkillFacts("OLD", "停用技能", Set.of("REPAIR"), false));
    /** company 1 / source 2 / station 3 / community 40 / building 50 / unit 60 */
    static final String HOUSEHOLD = "/1/2/3/40/50/60/";
    static final Area COMMUNITY = new Area(40L, "城北热力有限公司/城北热电厂/城北1-1号换热站/幸福家园");
    static final Area BUILDING = new Area(50L, "城北热力有限公司/城北热电厂/城北1-1号换热站/幸福家园/1号楼");
    static final Area ELSEWHERE = new Area(41L, "城北热力有限公司/城北热电厂/城北1-1号换热站/阳光花园");

    static WorkerFacts worker(long id, String name, List<String> skills, List<Area> areas, boolean onDuty, int max, int open) {
        return new WorkerFacts(id, name, skills, areas, onDuty, max, open, true, true);
    }

    @Test
    void skillAreaAndLoadAddUpWithReasonsInChinese() {
        Result r = CandidateScorer.score("REPAIR", HOUSEHOLD, null,
                worker(1, "孙师傅", List.of("PIPE", "VALVE", "TEMP_CHECK"), List.of(COMMUNITY), true, 8, 2), SKILLS);
        // 40 skill + 30 area + round(30 * 6/8) = 23
        assertThat(r.score()).isEqualTo(93);
        assertThat(r.reasons()).containsExactly("技能匹配：管网维修、阀门检修", "负责区域：幸福家园", "当前工单 2 张");
        assertThat(r.matchedSkills()).containsExactly("管网维修", "阀门检修");
        assertThat(r.matchedArea()).isEqualTo(COMMUNITY);
        assertThat(r.assignable()).isTrue();
        assertThat(r.blockedReason()).isNull();
    }

    @Test
    void noSkillNoAreaOnlyLoadCounts() {
        Result r = CandidateScorer.score("REPAIR", HOUSEHOLD, null,
                worker(2, "周师傅", List.of("TEMP_CHECK", "OLD"), List.of(ELSEWHERE), true, 8, 0), SKILLS);
        assertThat(r.score()).isEqualTo(30);
        assertThat(r.reasons()).containsExactly("无对口技能", "不在负责区域", "当前工单 0 张");
        assertThat(r.matchedArea()).isNull();
    }

    @Test
    void theDeepestAreaOnTheHouseholdPathIsNamed() {
        Result r = CandidateScorer.score("REPAIR", HOUSEHOLD, null,
                worker(1, "孙师傅", List.of(), List.of(COMMUNITY, BUILDING, ELSEWHERE), true, 8, 0), SKILLS);
        assertThat(r.matchedArea()).isEqualTo(BUILDING);
        assertThat(r.reasons()).contains("负责区域：幸福家园/1号楼");
        // an id that is only a substring of a path segment does not match (4 is not 40)
        assertThat(CandidateScorer.deepestArea(HOUSEHOLD, List.of(new Area(4L, "x")))).isNull();
    }

    @Test
    void aTicketWithoutHouseholdIsNotComparedByArea() {
        Result r = CandidateScorer.score("REPAIR", null, null,
                worker(1, "孙师傅", List.of("PIPE"), List.of(COMMUNITY), true, 8, 0), SKILLS);
        assertThat(r.reasons()).contains("工单未关联房屋，不比对区域");
        assertThat(r.score()).isEqualTo(70);
    }

    @Test
    void atTheLimitTheLoadCostsPoints() {
        Result r = CandidateScorer.score("REPAIR", HOUSEHOLD, null,
                worker(1, "孙师傅", List.of("PIPE"), List.of(COMMUNITY), true, 3, 3), SKILLS);
        assertThat(r.score()).isEqualTo(40 + 30 - 20);
        assertThat(r.reasons()).contains("当前工单 3 张（已达上限 3 张）");
        assertThat(r.assignable()).isTrue();
    }

    @Test
    void offDutyDisabledMovedOrCurrentWorkersCannotBeChosen() {
        assertThat(CandidateScorer.score("REPAIR", HOUSEHOLD, null,
                worker(1, "a", List.of(), List.of(), false, 8, 0), SKILLS).blockedReason()).isEqualTo("不在岗");
        assertThat(CandidateScorer.score("REPAIR", HOUSEHOLD, null,
                new WorkerFacts(1L, "a", List.of(), List.of(), true, 8, 0, false, true), SKILLS).blockedReason())
                .isEqualTo("账号已停用");
        assertThat(CandidateScorer.score("REPAIR", HOUSEHOLD, null,
                new WorkerFacts(1L, "a", List.of(), List.of(), true, 8, 0, true, false), SKILLS).blockedReason())
                .isEqualTo("已调离本站");
        Result current = CandidateScorer.score("REPAIR", HOUSEHOLD, 1L, worker(1, "a", List.of(), List.of(), true, 8, 0), SKILLS);
        assertThat(current.assignable()).isFalse();
        assertThat(current.reasons()).contains("当前处理人");
    }

    @Test
    void orderPutsAssignableFirstThenScoreThenLighterLoad() {
        record C(WorkerFacts f, Result r) {
        }
        List<C> list = new ArrayList<>();
        for (WorkerFacts f : List.of(
                worker(1, "甲", List.of("PIPE"), List.of(COMMUNITY), false, 8, 0),    // best score, off duty
                worker(2, "乙", List.of("PIPE"), List.of(), true, 8, 4),              // 40 + 15
                worker(3, "丙", List.of(), List.of(COMMUNITY), true, 8, 0),           // 30 + 30
                worker(4, "丁", List.of("PIPE"), List.of(), true, 4, 2),              // 40 + 15, lighter load
                worker(5, "戊", List.of("PIPE"), List.of(COMMUNITY), true, 8, 8))) {  // 40 + 30 - 20
            list.add(new C(f, CandidateScorer.score("REPAIR", HOUSEHOLD, null, f, SKILLS)));
        }
        list.sort(CandidateScorer.order(C::r, C::f));
        assertThat(list.stream().map(c -> c.f().realName())).containsExactly("丙", "丁", "乙", "戊", "甲");
    }

    @Test
    void shortNamesStartAtTheCommunity() {
        assertThat(CandidateScorer.shortName(BUILDING.nodeName())).isEqualTo("幸福家园/1号楼");
        assertThat(CandidateScorer.shortName("幸福家园")).isEqualTo("幸福家园");
    }
}
