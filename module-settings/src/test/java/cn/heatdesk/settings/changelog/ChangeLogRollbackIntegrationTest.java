package cn.heatdesk.settings.changelog;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.settings.api.SettingChangeKind;
import cn.heatdesk.settings.api.SettingChangeRecorder;
import cn.heatdesk.settings.api.SystemParamApi;
import cn.heatdesk.settings.changelog.testapp.SettingsIntegrationTest;
import cn.heatdesk.settings.dict.DictRequests;
import cn.heatdesk.settings.dict.DictService;
import cn.heatdesk.settings.dict.DictViews.ItemView;
import cn.heatdesk.settings.dict.DictViews.TypeView;
import cn.heatdesk.settings.param.ParamRequests;
import cn.heatdesk.settings.param.ParamService;
import cn.heatdesk.settings.param.ParamView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeLogRollbackIntegrationTest extends SettingsIntegrationTest {

    @Autowired
    DictService dicts;
    @Autowired
    ParamService params;
    @Autowired
    SystemParamApi paramApi;
    @Autowired
    ChangeLogService changeLogs;
    @Autowired
    SettingChangeRecorder recorder;
    @Autowired
    TransactionTemplate tx;

    private static BizException biz(Runnable r) {
        try {
            r.run();
        } catch (BizException e) {
            return e;
        }
        throw new AssertionError("expected a BizException");
    }

    private List<SettingChangeLogView> logsOf(String kind, long id) {
        PageQuery q = new PageQuery();
        q.setSize(100);
        return asAdmin(() -> changeLogs.list(new SettingChangeLogFilter(kind, id, null, null, null, null, null), q)).records()
                .stream().sorted(Comparator.comparing(SettingChangeLogView::id)).toList();
    }

    private TypeView newType(String code) {
        return asAdmin(() -> dicts.createType(new DictRequests.CreateType(code, "回滚测试" + code, "原备注", true, null)));
    }

    @Test
    void rollbackOfUpdateRestoresFieldsAndIsLogged() {
        TypeView t = newType(unique("rbu"));
        TypeView renamed = asAdmin(() -> dicts.updateType(t.id(), new DictRequests.UpdateType("错误的名称", null, t.rowVersion(), null)));
        long updateLog = logsOf(SettingChangeRecorder.DICT_TYPE, t.id()).get(1).id();

        SettingChangeLogView rb = asAdmin(() -> changeLogs.rollback(updateLog, "改错了"));
        assertThat(rb.changeKind()).isEqualTo("ROLLBACK");
        assertThat(rb.rollbackOf()).isEqualTo(updateLog);
        assertThat(rb.reason()).isEqualTo("改错了");

        TypeView restored = dicts.getType(t.id());
        assertThat(restored.typeName()).isEqualTo(t.typeName());
        assertThat(restored.remark()).isEqualTo("原备注");
        assertThat(restored.rowVersion()).isGreaterThan(renamed.rowVersion()); // stale forms fail
        SettingChangeLogDetail original = asAdmin(() -> changeLogs.detail(updateLog));
        assertThat(original.entry().rolledBack()).isTrue();
        assertThat(original.rollbackAllowed()).isFalse();
        SettingChangeLogDetail rbDetail = asAdmin(() -> changeLogs.detail(rb.id()));
        assertThat(rbDetail.before().get("typeName").asText()).isEqualTo("错误的名称");
        assertThat(rbDetail.after().get("typeName").asText()).isEqualTo(t.typeName());

        BizException again = biz(() -> asAdmin(() -> changeLogs.rollback(updateLog, "再来一次")));
        assertThat(again.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(again.getMessage()).contains("已回滚");
        assertThat(biz(() -> asAdmin(() -> changeLogs.rollback(rb.id(), " "))).field()).isEqualTo("reason");
    }

    @Test
    void rollbackOfCreateDeletesTheRow() {
        TypeView t = newType(unique("rbc"));
        long createLog = logsOf(SettingChangeRecorder.DICT_TYPE, t.id()).get(0).id();
        asAdmin(() -> changeLogs.rollback(createLog, "建错了"));
        assertThat(biz(() -> dicts.getType(t.id())).code()).isEqualTo(ErrorCode.NOT_FOUND);
        List<SettingChangeLogView> logs = logsOf(SettingChangeRecorder.DICT_TYPE, t.id());
        assertThat(logs).extracting(SettingChangeLogView::changeKind).containsExactly("CREATE", "ROLLBACK");
        assertThat(asAdmin(() -> changeLogs.detail(logs.get(1).id())).after()).isNull();
    }

    @Test
    void rollbackOfDeleteRecreatesWithTheSameId() {
        String type = unique("rbd");
        TypeView t = newType(type);
        ItemView item = asAdmin(() -> dicts.createItem(new DictRequests.CreateItem(type, "K", "保留项", 3, "success", "说明", true, null)));
        asAdmin(() -> dicts.deleteItem(item.id(), DictRequests.State.NONE));
        long deleteLog = logsOf(SettingChangeRecorder.DICT_ITEM, item.id()).get(1).id();

        asAdmin(() -> changeLogs.rollback(deleteLog, "误删"));
        ItemView back = dicts.getItem(item.id());
        assertThat(back.itemCode()).isEqualTo("K");
        assertThat(back.itemLabel()).isEqualTo("保留项");
        assertThat(back.tagColor()).isEqualTo("success");
        assertThat(back.sortNo()).isEqualTo(3);
        assertThat(back.createdAt()).isEqualTo(item.createdAt());
        assertThat(dicts.listItems(t.id())).extracting(ItemView::id).containsExactly(item.id());
    }

    @Test
    void rollbackOfDeletedTypeNeedsItsCodeFree() {
        String type = unique("rbx");
        TypeView t = newType(type);
        asAdmin(() -> dicts.deleteType(t.id(), DictRequests.State.NONE));
        long deleteLog = logsOf(SettingChangeRecorder.DICT_TYPE, t.id()).get(1).id();
        TypeView squatter = newType(type);
        BizException e = biz(() -> asAdmin(() -> changeLogs.rollback(deleteLog, "恢复")));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE);
        // refused as a whole: the entry is not marked
        assertThat(asAdmin(() -> changeLogs.detail(deleteLog)).entry().rolledBack()).isFalse();
        asAdmin(() -> dicts.deleteType(squatter.id(), DictRequests.State.NONE));
        asAdmin(() -> changeLogs.rollback(deleteLog, "恢复"));
        assertThat(dicts.getType(t.id()).typeCode()).isEqualTo(type);
    }

    @Test
    void rollbackIsRefusedWhileANewerChangeIsInEffect() {
        TypeView t = newType(unique("rbn"));
        TypeView v1 = asAdmin(() -> dicts.updateType(t.id(), new DictRequests.UpdateType("第一次", null, t.rowVersion(), null)));
        asAdmin(() -> dicts.updateType(t.id(), new DictRequests.UpdateType("第二次", null, v1.rowVersion(), null)));
        List<SettingChangeLogView> logs = logsOf(SettingChangeRecorder.DICT_TYPE, t.id());
        long first = logs.get(1).id();
        long second = logs.get(2).id();

        BizException e = biz(() -> asAdmin(() -> changeLogs.rollback(first, "回到原名")));
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).contains("请先回滚较新的变更").contains(Long.toString(second));
        assertThat(dicts.getType(t.id()).typeName()).isEqualTo("第二次");
        SettingChangeLogDetail d = asAdmin(() -> changeLogs.detail(first));
        assertThat(d.rollbackAllowed()).isFalse();
        assertThat(d.rollbackBlockedReason()).contains("较新的变更");

        // newest first, then the older one
        asAdmin(() -> changeLogs.rollback(second, "撤销第二次"));
        assertThat(dicts.getType(t.id()).typeName()).isEqualTo("第一次");
        asAdmin(() -> changeLogs.rollback(first, "撤销第一次"));
        assertThat(dicts.getType(t.id()).typeName()).isEqualTo(t.typeName());
    }

    @Test
    void rollbackOfParamUpdateRestoresTheValue() {
        ParamView p = asAdmin(() -> params.list(null, "security.lockout.max-attempts", new PageQuery())).records().get(0);
        asAdmin(() -> params.updateValue(p.id(), new ParamRequests.UpdateValue("3", p.rowVersion(), null)));
        assertThat(paramApi.getInt("security.lockout.max-attempts", -1)).isEqualTo(3);
        List<SettingChangeLogView> logs = logsOf(SettingChangeRecorder.SYS_PARAM, p.id());
        asAdmin(() -> changeLogs.rollback(logs.get(logs.size() - 1).id(), "恢复默认"));
        assertThat(paramApi.getInt("security.lockout.max-attempts", -1)).isEqualTo(5);
    }

    @Test
    void rollbackOfCustomParamDeleteAndCreate() {
        String key = "custom." + unique("rbp");
        ParamView created = asAdmin(() -> params.create(new ParamRequests.Create(key, "回滚参数", "BOOL", "yes", null, null, "测试分组", null, null)));
        asAdmin(() -> params.delete(created.id(), null, null));
        List<SettingChangeLogView> logs = logsOf(SettingChangeRecorder.SYS_PARAM, created.id());
        asAdmin(() -> changeLogs.rollback(logs.get(1).id(), "误删"));
        assertThat(paramApi.getBool(key, false)).isTrue();
        // the create can be undone now that the delete is netted out
        asAdmin(() -> changeLogs.rollback(logs.get(0).id(), "不需要了"));
        assertThat(paramApi.getString(key, "absent")).isEqualTo("absent");
    }

    @Test
    void recorderRequiresTheCallersTransaction() {
        assertThatThrownBy(() -> recorder.record("TEST", 1L, "x", SettingChangeKind.CREATE, null, Map.of("a", 1), null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void listingIsLimitedToTheSubsidiaryOfASubsidiaryAdmin() {
        String kind = "TEST_" + unique("S").toUpperCase().replace("-", "");
        CurrentUser east = subsidiaryAdmin(9001L, 11L);
        CurrentUser west = subsidiaryAdmin(9002L, 12L);
        long eastLog = record(east, kind, 1L, "东区的变更");
        long westLog = record(west, kind, 2L, "西区的变更");
        record(ADMIN, kind, 3L, "集团的变更");

        SettingChangeLogFilter byKind = new SettingChangeLogFilter(kind, null, null, null, null, null, null);
        List<SettingChangeLogView> seenByEast = SecurityContext.callAs(east, () -> changeLogs.list(byKind, new PageQuery())).records();
        assertThat(seenByEast).extracting(SettingChangeLogView::id).containsExactly(eastLog);
        assertThat(seenByEast.get(0).subsidiaryId()).isEqualTo(11L);
        assertThat(seenByEast.get(0).createdByName()).isEqualTo("分公司管理员11");
        assertThat(asAdmin(() -> changeLogs.list(byKind, new PageQuery())).total()).isEqualTo(3);

        BizException hidden = biz(() -> SecurityContext.callAs(east, () -> changeLogs.detail(westLog)));
        assertThat(hidden.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(SecurityContext.callAs(east, () -> changeLogs.detail(eastLog)).after().get("note").asText()).isEqualTo("东区的变更");

        // keyword and operator filters
        assertThat(asAdmin(() -> changeLogs.list(new SettingChangeLogFilter(kind, null, "西区", null, null, null, null), new PageQuery()))
                .records()).extracting(SettingChangeLogView::id).containsExactly(westLog);
        assertThat(asAdmin(() -> changeLogs.list(new SettingChangeLogFilter(kind, null, null, null, null, 9001L, null), new PageQuery()))
                .records()).extracting(SettingChangeLogView::id).containsExactly(eastLog);
        assertThat(asAdmin(() -> changeLogs.list(new SettingChangeLogFilter(kind, null, null, null, null, null, "管理员12"), new PageQuery()))
                .records()).extracting(SettingChangeLogView::id).containsExactly(westLog);
        // an entity kind without a handler cannot be rolled back
        BizException noHandler = biz(() -> asAdmin(() -> changeLogs.rollback(eastLog, "试试")));
        assertThat(noHandler.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(noHandler.getMessage()).contains("不支持回滚");
    }

    @Test
    void timeRangeFilter() {
        String kind = "TEST_" + unique("T").toUpperCase();
        long id = record(ADMIN, kind, 1L, "时间");
        SettingChangeLogView v = asAdmin(() -> changeLogs.detail(id)).entry();
        SettingChangeLogFilter inRange = new SettingChangeLogFilter(kind, null, null, v.createdAt().minusMinutes(1), v.createdAt().plusMinutes(1), null, null);
        SettingChangeLogFilter later = new SettingChangeLogFilter(kind, null, null, v.createdAt().plusMinutes(1), null, null, null);
        assertThat(asAdmin(() -> changeLogs.list(inRange, new PageQuery())).total()).isEqualTo(1);
        assertThat(asAdmin(() -> changeLogs.list(later, new PageQuery())).total()).isZero();
        SettingChangeLogFilter reversed = new SettingChangeLogFilter(kind, null, null, v.createdAt().plusMinutes(1), v.createdAt(), null, null);
        assertThat(biz(() -> asAdmin(() -> changeLogs.list(reversed, new PageQuery()))).field()).isEqualTo("from");
    }

    private long record(CurrentUser user, String kind, long entityId, String note) {
        return SecurityContext.callAs(user, () -> tx.execute(s ->
                recorder.record(kind, entityId, note, SettingChangeKind.CREATE, null, Map.of("note", note), null)));
    }
}
