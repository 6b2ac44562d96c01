package cn.heatdesk.baseinfo.node;

import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeRulesTest {

    private static final long SUB01 = 100L;
    private static final long SUB02 = 200L;

    /** 公司1 / 热源2 / 热站3 / 小区4 / 楼栋5 / 单元6, plus a second community 7 under the same station */
    private final HeatNode company = node(1, null, NodeType.COMPANY, "/1/", SUB01);
    private final HeatNode source = node(2, 1L, NodeType.HEAT_SOURCE, "/1/2/", SUB01);
    private final HeatNode station = node(3, 2L, NodeType.HEAT_STATION, "/1/2/3/", SUB01);
    private final HeatNode community = node(4, 3L, NodeType.COMMUNITY, "/1/2/3/4/", SUB01);
    private final HeatNode building = node(5, 4L, NodeType.BUILDING, "/1/2/3/4/5/", SUB01);
    private final HeatNode unit = node(6, 5L, NodeType.UNIT, "/1/2/3/4/5/6/", SUB01);
    private final HeatNode otherCommunity = node(7, 3L, NodeType.COMMUNITY, "/1/2/3/7/", SUB01);

    @Test
    void aBuildingMovesToAnotherCommunityOfTheSameSubsidiary() {
        assertThatCode(() -> NodeRules.checkMove(building, otherCommunity, null, NodeRulesTest::name)).doesNotThrowAnyException();
    }

    @Test
    void theLevelOrderHoldsForMoves() {
        assertThatThrownBy(() -> NodeRules.checkMove(building, station, null, NodeRulesTest::name))
                .isInstanceOf(BizException.class)
                .hasMessageContaining("楼栋的上级必须是小区")
                .extracting(e -> ((BizException) e).field()).isEqualTo("newParentId");
        assertThatThrownBy(() -> NodeRules.checkMove(unit, otherCommunity, null, NodeRulesTest::name))
                .hasMessageContaining("单元的上级必须是楼栋");
    }

    @Test
    void companiesNeverMove() {
        HeatNode otherCompany = node(9, null, NodeType.COMPANY, "/9/", SUB01);
        assertThatThrownBy(() -> NodeRules.checkMove(company, otherCompany, null, NodeRulesTest::name))
                .hasMessage("公司是树的第一级，不能移动");
    }

    @Test
    void nothingMovesIntoItsOwnSubtree() {
        HeatNode lowerStation = node(8, 5L, NodeType.HEAT_STATION, "/1/2/3/4/5/8/", SUB01);
        assertThatThrownBy(() -> NodeRules.checkMove(community, lowerStation, null, NodeRulesTest::name))
                .hasMessageContaining("它自己或它的下级节点之下");
        assertThatThrownBy(() -> NodeRules.checkMove(building, building, null, NodeRulesTest::name))
                .hasMessageContaining("它自己或它的下级节点之下");
    }

    @Test
    void movesStayInsideTheSubsidiaryAndSaySo() {
        HeatNode foreign = node(70, 30L, NodeType.COMMUNITY, "/10/20/30/70/", SUB02);
        assertThatThrownBy(() -> NodeRules.checkMove(building, foreign, null, NodeRulesTest::name))
                .hasMessageContaining("不能跨分公司移动")
                .hasMessageContaining("城北热力分公司")
                .hasMessageContaining("城东热力分公司");
    }

    @Test
    void disabledTargetsAndNoOpMovesAreRefused() {
        otherCommunity.setEnabled(0);
        assertThatThrownBy(() -> NodeRules.checkMove(building, otherCommunity, null, NodeRulesTest::name))
                .hasMessageContaining("已停用");
        assertThatThrownBy(() -> NodeRules.checkMove(building, community, null, NodeRulesTest::name))
                .hasMessage("目标上级节点与当前上级节点相同");
        // the same parent with a new position is a re-sort
        assertThatCode(() -> NodeRules.checkMove(building, community, 3, NodeRulesTest::name)).doesNotThrowAnyException();
    }

    @Test
    void creationLevelRulesNameTheParentField() {
        assertThatThrownBy(() -> NodeWriter.checkLevel(NodeType.UNIT, community))
                .extracting(e -> ((BizException) e).field()).isEqualTo("parentId");
        assertThatCode(() -> NodeWriter.checkLevel(NodeType.BUILDING, community)).doesNotThrowAnyException();
        assertThatThrownBy(() -> NodeWriter.checkLevel(NodeType.COMPANY, community)).hasMessageContaining("第一级");
    }

    @Test
    void theDeepestCoverageOnThePathWins() {
        List<Long> path = NodeRules.pathIds(unit.getNodePath());
        assertThat(path).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(NodeRules.deepest(path, Map.of(4L, "ST01", 5L, "ST02"))).contains("ST02");
        assertThat(NodeRules.deepest(path, Map.of(4L, "ST01"))).contains("ST01");
        assertThat(NodeRules.deepest(path, Map.<Long, String>of())).isEmpty();
    }

    @Test
    void orgPathsFlowDownFromTheNearestCoverage() {
        HeatNode unit2 = node(9, 7L, NodeType.UNIT, "/1/2/3/7/9/", SUB01);
        List<HeatNode> subtree = List.of(station, community, otherCommunity, building, unit2, unit);
        Map<Long, String> paths = NodeRules.effectiveOrgPaths(subtree, "/g/sub/",
                Map.of(4L, "/g/sub/st01/", 5L, "/g/sub/st02/"));
        assertThat(paths).containsEntry(3L, "/g/sub/")
                .containsEntry(4L, "/g/sub/st01/")
                .containsEntry(5L, "/g/sub/st02/")
                .containsEntry(6L, "/g/sub/st02/")
                .containsEntry(7L, "/g/sub/")
                .containsEntry(9L, "/g/sub/");
        assertThatThrownBy(() -> NodeRules.effectiveOrgPaths(List.of(station, unit), "/g/sub/", Map.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addressesChangeOnlyWithCommunityBuildingOrUnit() {
        assertThat(NodeRules.renameChangesAddresses(NodeType.HEAT_STATION)).isFalse();
        assertThat(NodeRules.renameChangesAddresses(NodeType.COMMUNITY)).isTrue();
        assertThat(NodeRules.renameChangesAddresses(NodeType.UNIT)).isTrue();
        assertThat(NodeRules.moveChangesAddresses(NodeType.COMMUNITY)).isFalse();
        assertThat(NodeRules.moveChangesAddresses(NodeType.BUILDING)).isTrue();
    }

    @Test
    void substringStartsCountCharactersNotUtf16Units() {
        assertThat(NodeRules.startAfter("/1/22/")).isEqualTo(7);
        assertThat(NodeRules.startAfter("城北/幸福家园")).isEqualTo(8);
        assertThat(NodeRules.startAfter("𠮷家园")).isEqualTo(4);
        assertThat(NodeRules.chunks(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    }

    private static String name(long subsidiaryId) {
        return subsidiaryId == SUB01 ? "城北热力分公司" : "城东热力分公司";
    }

    private static HeatNode node(long id, Long parentId, NodeType type, String path, long subsidiaryId) {
        HeatNode n = new HeatNode();
        n.setId(id);
        n.setParentId(parentId);
        n.setNodeType(type.name());
        n.setNodeLevel(type.level());
        n.setNodeCode("N" + id);
        n.setNodeName(type.label() + id);
        n.setNodePath(path);
        n.setEnabled(1);
        n.setSubsidiaryId(subsidiaryId);
        return n;
    }
}
